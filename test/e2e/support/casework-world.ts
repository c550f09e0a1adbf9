import type { Principal } from '../../../src/kernel/access/principal.ts';
import type { IsoDate } from '../../../src/kernel/time/dates.ts';
import { addCalendarDays } from '../../../src/kernel/time/working-days.ts';
import { openCase } from '../../../src/features/misconduct/open-case.ts';
import { progressAllegation } from '../../../src/features/misconduct/progress-allegation.ts';
import type { AllegationActionInput } from '../../../src/features/misconduct/allegation-action-input.ts';
import type { RunningServer } from './browser.ts';
import type { Subject } from './case-journey.ts';

/** The server's day and what happened before the casework journey (test/e2e/casework.e2e.ts, issue 17). */

/**
 * Sets the server's "today" to `day`, midday UTC, with the clock still moving from there as real time passes
 * (as test/e2e/support/integrity-journey.ts does): the app reads every date through `deps.now`.
 */
export function setServerDay(server: RunningServer, day: IsoDate): void {
  const base = Date.parse(`${day}T12:00:00Z`);
  const realStart = Date.now();
  server.deps.now = () => new Date(base + (Date.now() - realStart));
}

/** The appropriate authority as the use cases see them, for setting up what happened before the journey. */
export async function principalByEmail(server: RunningServer, email: string): Promise<Principal> {
  const [row] = await server.database.query<{
    id: string;
    force_id: string;
    role: Principal['role'];
    email: string;
    display_name: string;
    person_id: string | null;
  }>('select id, force_id, role, email, display_name, person_id from users where email = $1', [email]);
  if (!row) throw new Error(`no account ${email}`);
  return {
    userId: row.id,
    forceId: row.force_id,
    role: row.role,
    email: row.email,
    displayName: row.display_name,
    personId: row.person_id,
  };
}

export const CASE_SUMMARY = 'Ten officers shared offensive messages about colleagues in a team chat group';

/**
 * What happened before the journey, through the use cases the pages call: months ago a case was opened with
 * ten subjects; four were assessed as gross misconduct, investigated, reported on and found to have a case
 * to answer; the tenth (who turns out to have been entered by mistake) was assessed as misconduct; the five
 * others wait for their assessment. Returns the case and its subjects with their allegation ids.
 */
export async function caseOfTenSubjects(
  server: RunningServer,
  aa: Principal,
  found: Omit<Subject, 'allegationId'>[],
  cameToAttentionOn: IsoDate,
): Promise<{ caseId: string; reference: string; subjects: Subject[] }> {
  const opened = await openCase(
    server.deps,
    aa,
    {
      source: 'internal_report',
      caseType: 'conduct_matter',
      cameToAttentionOn,
      summary: CASE_SUMMARY,
      subjectPersonIds: found.map((s) => s.personId),
      allegation: {
        categoryCode: 'behaviours.unprofessional',
        standards: ['authority_respect_courtesy', 'discreditable_conduct'],
        description: 'Posted offensive messages about colleagues and members of the public.',
      },
    },
    null,
  );
  const rows = await server.database.query<{ id: string; person_id: string }>(
    `select a.id, s.person_id from allegations a join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
      where a.case_id = $1`,
    [opened.id],
  );
  const subjects = found.map((s) => ({ ...s, allegationId: rows.find((r) => r.person_id === s.personId)?.id ?? '' }));
  if (subjects.some((s) => !s.allegationId)) throw new Error('a subject has no allegation');
  const on = (days: number) => addCalendarDays(cameToAttentionOn, days);
  const step = async (s: Subject, action: AllegationActionInput, occurredOn: IsoDate) => {
    const [row] = await server.database.query<{ version: number }>('select version from allegations where id = $1', [
      s.allegationId,
    ]);
    await progressAllegation(
      server.deps,
      aa,
      { caseId: opened.id, allegationId: s.allegationId, version: row?.version ?? 0, occurredOn, action },
      null,
    );
  };
  const assess = (severity: 'gross_misconduct' | 'misconduct'): AllegationActionInput => ({
    type: 'assess_severity',
    severity,
    rationale:
      severity === 'gross_misconduct'
        ? 'Posting the messages would, if proved, justify dismissal.'
        : 'Received the messages and replied to one.',
    finalWrittenWarningInForce: false,
    multipleUnconnectedIncidents: false,
  });
  for (const s of subjects.slice(0, 4)) {
    await step(s, assess('gross_misconduct'), on(1));
    await step(s, { type: 'start_investigation', plan: 'Export the chat; interview each officer.' }, on(2));
    await step(s, { type: 'submit_report', summary: 'The chat export shows who posted the messages.' }, on(120));
    await step(
      s,
      { type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'They wrote and posted them.' },
      on(121),
    );
  }
  const mistaken = subjects[9];
  if (mistaken) await step(mistaken, assess('misconduct'), on(1));
  const [theCase] = await server.database.query<{ reference: string }>('select reference from cases where id = $1', [
    opened.id,
  ]);
  return { caseId: opened.id, reference: theCase?.reference ?? '', subjects };
}
