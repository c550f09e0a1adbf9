import type { TestApp } from '../../../test/support/test-app.ts';
import { buildCaseWorld, caseInput, dateFields, type CaseWorld } from '../misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';
import { progressAllegation } from '../misconduct/progress-allegation.ts';
import { recordCriminalEvent } from '../misconduct/record-criminal-event.ts';
import type { ImposeInput } from './restriction-input.ts';
import { RESTRICTION_KINDS, type RestrictionKind } from './restriction-rules.ts';

/**
 * The scene the restriction HTTP tests share: the case world (two forces, every kind of viewer, a restricted
 * and a normal case) plus a SERIOUS case (sexual assault) with three subjects — Erin, Frank and Gina — and
 * helpers to arrest or assess them, build a complete decision (API body or form fields) and snapshot every
 * table a refused request must leave alone.
 */

export async function buildRestrictionWorld(t: TestApp) {
  const w = await buildCaseWorld(t);
  const serious = await openCase(
    t.deps,
    w.aa,
    caseInput([w.people.erin.id, w.people.frank.id, w.people.gina.id], {
      summary: 'Sexual assault on a colleague at an off-duty event',
      allegation: {
        categoryCode: 'sexual_conduct.assault',
        standards: ['discreditable_conduct'],
        description: 'Touched a colleague sexually without consent.',
      },
    }),
    null,
  );
  return {
    ...w,
    serious,
    subjects: {
      ...(await subjectsByName(t, serious.id)),
      ...(await subjectsByName(t, w.normal.id)),
      ...(await subjectsByName(t, w.restricted.id)),
    },
  };
}

export type RestrictionWorld = Awaited<ReturnType<typeof buildRestrictionWorld>>;

async function subjectsByName(t: TestApp, caseId: string): Promise<Record<string, string>> {
  const rows = await t.database.query<{ id: string; given_name: string }>(
    `select s.id, p.given_name from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id where s.case_id = $1`,
    [caseId],
  );
  return Object.fromEntries(rows.map((r) => [r.given_name.toLowerCase(), r.id]));
}

/** Records an arrest (or charge) of a subject, as the appropriate authority. */
export async function arrest(
  t: TestApp,
  w: CaseWorld,
  caseId: string,
  subjectId: string,
  occurredOn: string,
  kind: 'arrest' | 'charge' = 'arrest',
) {
  await recordCriminalEvent(t.deps, w.aa, { caseId, subjectId, kind, occurredOn }, null);
}

/** Assesses a subject's allegation in a case (as gross misconduct unless told otherwise). */
export async function assessSeverity(
  t: TestApp,
  w: CaseWorld,
  caseId: string,
  subjectId: string,
  occurredOn: string,
  severity: 'gross_misconduct' | 'misconduct' = 'gross_misconduct',
) {
  const [a] = await t.database.query<{ id: string; version: number }>(
    `select id, version from allegations where case_id = $1 and subject_id = $2`,
    [caseId, subjectId],
  );
  await progressAllegation(
    t.deps,
    w.aa,
    {
      caseId,
      allegationId: a?.id ?? '',
      version: a?.version ?? 1,
      occurredOn,
      action: { type: 'assess_severity', severity, rationale: 'The assessment of the allegation if it were proved.' },
    },
    null,
  );
}

export type DecisionBody = Omit<ImposeInput, 'caseId' | 'subjectId'>;

/** A complete decision to impose `kind` (the API body), every option considered with a reason. */
export function decisionBody(
  kind: RestrictionKind,
  on: string,
  extra: Partial<DecisionBody> = {},
): DecisionBody & { conditions: string; rationale: string } {
  return {
    kind,
    options: RESTRICTION_KINDS.map((option) => ({
      option,
      considered: option === kind || option === 'temporary_redeployment' || option === 'suspension',
      reason: `Weighed ${option.replaceAll('_', ' ')} against the risk`,
    })),
    ...(kind === 'suspension'
      ? {
          suspensionTests: {
            redeploymentRejectedReason: 'Every role in the force has contact with the complainant',
            ground: 'public_interest' as const,
            groundReason: 'The allegation is of sexual violence against a colleague',
          },
        }
      : {}),
    conditions: kind === 'suspension' ? '' : 'Office duties only; no contact with the public or the complainant',
    rationale: 'The least intrusive measure that protects the complainant and the investigation',
    decidedOn: on,
    startsOn: on,
    noticeMethod: 'written' as const,
    noticeGivenOn: on,
    ...extra,
  };
}

/** The same decision as the form's fields (`prefix` 'change-' for a change made within a review). */
export function decisionForm(
  kind: RestrictionKind,
  on: string,
  prefix = '',
  withDecidedOn = true,
): Record<string, string> {
  const body = decisionBody(kind, on);
  const fields: Record<string, string> = {
    [`${prefix}kind`]: kind,
    [`${prefix}conditions`]: body.conditions,
    [`${prefix}rationale`]: body.rationale,
    [`${prefix}noticeMethod`]: 'written',
    ...dateFields(`${prefix}startsOn`, on),
    ...dateFields(`${prefix}noticeGivenOn`, on),
    ...(withDecidedOn ? dateFields(`${prefix}decidedOn`, on) : {}),
  };
  for (const o of body.options) {
    fields[`${prefix}option-${o.option}-considered`] = o.considered ? 'yes' : 'no';
    fields[`${prefix}option-${o.option}-reason`] = o.reason;
  }
  const tests = body.suspensionTests;
  if (tests) {
    fields[`${prefix}redeploymentRejectedReason`] = tests.redeploymentRejectedReason ?? '';
    fields[`${prefix}ground`] = tests.ground ?? '';
    fields[`${prefix}groundReason`] = tests.groundReason ?? '';
  }
  return fields;
}

/** Everything a refused restriction request must not change. `withReads: false` leaves out audited reads. */
export async function restrictionSnapshot(t: TestApp, withReads = true): Promise<string> {
  const q = (text: string) => t.database.query(text);
  const reads = `'restriction.viewed', 'restriction.listed', 'case.viewed'`;
  return JSON.stringify([
    await q(
      `select id, status, kind, version, next_review_due_on::text, written_notice_on::text from duty_restrictions order by id`,
    ),
    await q(`select count(*)::int as n from restriction_decisions`),
    await q(`select count(*)::int as n from suspension_flag_rationales`),
    await q(`select id, state from clocks order by id`),
    await q(`select count(*)::int as n from vetting_reviews`),
    await q(`select count(*)::int as n from audit_events ${withReads ? '' : `where event_type not in (${reads})`}`),
  ]);
}

export async function restrictionRows(t: TestApp, subjectId: string) {
  return t.database.query<{
    id: string;
    kind: string;
    status: string;
    version: number;
    next_review_due_on: string | null;
    notice_due_on: string | null;
    ends_on: string | null;
    replaced_by_id: string | null;
  }>(
    `select id, kind, status, version, next_review_due_on::text, notice_due_on::text, ends_on::text, replaced_by_id from duty_restrictions where subject_id = $1 order by created_at`,
    [subjectId],
  );
}

export async function clockRows(t: TestApp, subjectId: string) {
  return t.database.query<{
    period: string;
    sequence: number;
    state: string;
    started_on: string;
    due_on: string;
    met_on: string | null;
  }>(
    `select period, sequence, state, started_on::text, due_on::text, met_on::text from clocks where subject_id = $1 and allegation_id is null order by period, sequence, started_on`,
    [subjectId],
  );
}
