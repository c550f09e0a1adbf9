import type { AllegationActionInput } from '../../src/features/misconduct/allegation-action-input.ts';
import {
  allegationRows,
  buildCaseWorld,
  caseInput,
  principalOfWorld,
  type CaseWorld,
} from '../fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../../src/features/misconduct/open-case.ts';
import { progressAllegation } from '../../src/features/misconduct/progress-allegation.ts';
import { createTestApp, type TestApp } from './test-app.ts';

/**
 * The conduct-case world the HTTP tests of hearings, case letters, the legal review's gaps and the 2025
 * transitional provisions share: a test app whose today is Monday 7 December 2026, the forces, people and
 * accounts of cases.http-fixtures.ts, and cases taken through their steps by the appropriate authority ('aa')
 * through the use cases themselves.
 */

/** An allegation step and the day it happened. */
export type Step = [AllegationActionInput, string];

/** The test app on Monday 7 December 2026 (11:00 UTC) with the case world; the caller closes `t`. */
export async function caseWorldOn7December2026(): Promise<{ t: TestApp; w: CaseWorld }> {
  const t = await createTestApp({}, () => new Date('2026-12-07T11:00:00Z'));
  return { t, w: await buildCaseWorld(t) };
}

/** Gross misconduct from assessment to a case to answer, March to September 2026. */
export const toGrossMisconductCaseToAnswer: Step[] = [
  [
    {
      type: 'assess_severity',
      severity: 'gross_misconduct',
      rationale: 'If proved this would justify dismissal.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2026-03-03',
  ],
  [{ type: 'start_investigation', plan: '' }, '2026-03-04'],
  [{ type: 'submit_report', summary: 'The officers posted the messages.' }, '2026-09-01'],
  [{ type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'Case to answer.' }, '2026-09-02'],
];

/** Takes each step, in order, on every allegation of the case (each at its current version). */
export async function takeSteps(t: TestApp, w: CaseWorld, caseId: string, steps: readonly Step[]): Promise<void> {
  const aa = principalOfWorld(w, 'aa');
  for (const [action, occurredOn] of steps) {
    for (const a of await allegationRows(t, caseId))
      await progressAllegation(
        t.deps,
        aa,
        { caseId, allegationId: a.id, version: a.version, occurredOn, action },
        null,
      );
  }
}

/** Opens a case about the subjects and takes the steps on each of its allegations; its allegations after them. */
export async function openCaseThrough(
  t: TestApp,
  w: CaseWorld,
  subjectIds: string[],
  steps: readonly Step[],
  extra: Partial<Parameters<typeof openCase>[2]>,
) {
  const opened = await openCase(t.deps, principalOfWorld(w, 'aa'), caseInput(subjectIds, extra), null);
  await takeSteps(t, w, opened.id, steps);
  return { caseId: opened.id, allegations: await allegationRows(t, opened.id) };
}
