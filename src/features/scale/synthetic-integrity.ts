import type { PeriodKey } from '../../kernel/time/periods.ts';
import { at, isoOf as toIso } from './day-text.ts';
import { restrictionKinds, type vettingLevels } from '../../db/schema/index.ts';
import { CopyTable } from './copy-text.ts';
import { cumulativeOf, type FastRng } from './fast-rng.ts';
import type { SyntheticForce } from './synthetic-organisation.ts';

/*
 * The integrity loop's rows, kept small (the restrictions and vetting features own their workflows):
 * duty restrictions with their decisions for some subjects of gross misconduct matters, and a vetting
 * clearance with its renewal clock for every serving person. Shapes as the schema and those features'
 * use cases write them (grant-clearance.ts: the clock is `vetting_renewal_<level>` on `clearance:<id>`).
 */

export type IntegrityTables = { dutyRestrictions: CopyTable; restrictionDecisions: CopyTable };
export type VettingTables = { clearances: CopyTable; vettingClocks: CopyTable };

export function integrityTables(): IntegrityTables {
  return {
    dutyRestrictions: new CopyTable(
      'duty_restrictions',
      [
        'force_id',
        'id',
        'case_id',
        'subject_id',
        'person_id',
        'kind',
        'status',
        'options_considered',
        'suspension_tests',
        'conditions',
        'rationale',
        'decision_maker_user_id',
        'decided_on',
        'starts_on',
        'ends_on',
        'notice_method',
        'notice_given_on',
        'notice_due_on',
        'next_review_due_on',
        'version',
        'created_at',
      ],
      new Set(['options_considered', 'suspension_tests']),
    ),
    restrictionDecisions: new CopyTable('restriction_decisions', [
      'force_id',
      'id',
      'restriction_id',
      'kind',
      'decided_on',
      'decision_maker_user_id',
      'conditions_still_hold',
      'reasons',
      'officer_representations',
      'next_review_due_on',
      'recorded_at',
    ]),
  };
}

export function vettingTables(): VettingTables {
  return {
    clearances: new CopyTable('vetting_clearances', [
      'force_id',
      'id',
      'person_id',
      'level',
      'status',
      'granted_on',
      'expires_on',
      'conditions',
      'version',
      'created_at',
    ]),
    // Vetting's clocks live in the one clock store, as owner kind 'vetting'.
    vettingClocks: new CopyTable('clocks', [
      'force_id',
      'id',
      'owner_kind',
      'person_id',
      'subject_key',
      'period',
      'started_on',
      'due_on',
      'state',
      'due_notified_at',
      'overdue_notified_at',
    ]),
  };
}

type Kind = (typeof restrictionKinds)[number];
const KIND_WEIGHTS: Record<Kind, number> = {
  restricted_duties: 40,
  temporary_redeployment: 20,
  removed_from_public_facing_role: 10,
  firearms_authority_withdrawn: 4,
  restricted_system_access: 8,
  repositioned: 6,
  suspension: 12,
};
const KINDS = [...restrictionKinds];
const KIND_CUMULATIVE = cumulativeOf(KINDS.map((k) => KIND_WEIGHTS[k]));
/** Chance that a subject assessed for gross misconduct has their duties restricted or is suspended. */
export const RESTRICTION_CHANCE = 0.35;
const REVIEW_DAYS = 28;

export type RestrictionInput = {
  caseId: string;
  subjectId: string;
  personId: string;
  decidedDay: number;
  liftedDay: number | null;
  today: number;
  decisionMaker: string;
};

export function addRestriction(
  t: IntegrityTables,
  force: SyntheticForce,
  rng: FastRng,
  dueOf: (p: PeriodKey, day: number) => number,
  r: RestrictionInput,
): void {
  const kind = KINDS[rng.weightedIndex(KIND_CUMULATIVE)] as Kind;
  const id = rng.uuid();
  const suspension = kind === 'suspension';
  const options = KINDS.filter((k) => k !== 'suspension').map((option) => ({
    option,
    considered: true,
    reason:
      option === kind
        ? 'Chosen: manages the risk while the investigation continues'
        : 'Not enough on its own to manage the risk identified',
  }));
  const tests = suspension
    ? {
        redeploymentRejectedReason: 'No post away from the public and the evidence could be found',
        ground: rng.chance(0.6) ? 'investigation_prejudiced' : 'public_interest',
        groundReason: 'The seriousness of the allegation and the risk to the investigation',
      }
    : null;
  const lastReview = r.liftedDay ?? r.today;
  const reviews = Math.floor((lastReview - r.decidedDay) / REVIEW_DAYS);
  const nextReview = r.liftedDay === null ? r.decidedDay + (reviews + 1) * REVIEW_DAYS : null;
  const decided = toIso(r.decidedDay);
  t.dutyRestrictions.add(
    force.plan.id,
    id,
    r.caseId,
    r.subjectId,
    r.personId,
    kind,
    r.liftedDay === null ? 'in_force' : 'lifted',
    options,
    tests,
    suspension
      ? 'Suspended from duty on full pay'
      : 'No contact with the public or with witnesses in the investigation',
    'The allegation was assessed as gross misconduct; the risk to the public and to the investigation needs managing',
    r.decisionMaker,
    decided,
    decided,
    r.liftedDay === null ? null : toIso(r.liftedDay),
    'written',
    decided,
    toIso(dueOf('restriction_notice', r.decidedDay)),
    nextReview === null ? null : toIso(nextReview),
    1 + Math.min(reviews, 3) + (r.liftedDay === null ? 0 : 1),
    at(r.decidedDay, 11),
  );
  const decision = (kind: string, day: number, hold: boolean | null, reasons: string, next: number | null) =>
    t.restrictionDecisions.add(
      force.plan.id,
      rng.uuid(),
      id,
      kind,
      toIso(day),
      r.decisionMaker,
      hold,
      reasons,
      '',
      next === null ? null : toIso(next),
      at(day, 11, 5),
    );
  decision('imposed', r.decidedDay, null, 'Imposed after the severity assessment', r.decidedDay + REVIEW_DAYS);
  // The latest few reviews (a long restriction has many; the most recent are what a review list shows).
  for (let k = Math.max(1, reviews - 2); k <= reviews; k++) {
    const day = r.decidedDay + k * REVIEW_DAYS;
    if (r.liftedDay !== null && day >= r.liftedDay) break;
    decision('reviewed', day, true, 'The conditions still hold: the investigation is continuing', day + REVIEW_DAYS);
  }
  if (r.liftedDay !== null) decision('lifted', r.liftedDay, false, 'The matter has concluded', null);
}

type Level = (typeof vettingLevels)[number];
const LEVELS_BY_TYPE: Record<string, [Level, number][]> = {
  officer: [
    ['RV', 80],
    ['MV', 15],
    ['NPPV3', 5],
  ],
  staff: [
    ['NPPV2F', 50],
    ['NPPV3', 20],
    ['RV', 25],
    ['MV', 5],
  ],
  special: [['RV', 100]],
  volunteer: [['NPPV1', 100]],
};
const LEVEL_CUMULATIVE = Object.fromEntries(
  Object.entries(LEVELS_BY_TYPE).map(([k, v]) => [k, cumulativeOf(v.map(([, w]) => w))]),
);
/** Share of serving people whose clearance is past its renewal date (a renewal backlog). */
export const RENEWAL_BACKLOG = 0.04;

/** An active clearance and its running (or overdue) renewal clock for every serving person. */
export function addClearances(
  t: VettingTables,
  force: SyntheticForce,
  rng: FastRng,
  dueOf: (p: PeriodKey, day: number) => number,
  today: number,
): void {
  for (const p of force.org.people) {
    if (p.status !== 'current') continue;
    const options = LEVELS_BY_TYPE[p.personType] ?? [['RV', 1]];
    const level = (options[rng.weightedIndex(LEVEL_CUMULATIVE[p.personType] ?? [1])] ?? ['RV', 1])[0];
    const period = `vetting_renewal_${level.toLowerCase()}` as PeriodKey;
    const span = dueOf(period, today) - today;
    const granted = rng.chance(RENEWAL_BACKLOG) ? today - span - rng.int(1, 240) : today - rng.int(0, span - 1);
    const expires = dueOf(period, granted);
    const id = rng.uuid();
    t.clearances.add(force.plan.id, id, p.id, level, 'active', toIso(granted), toIso(expires), '', 1, at(granted, 12));
    const state = expires >= today ? 'running' : expires === today - 1 ? 'due' : 'overdue';
    t.vettingClocks.add(
      force.plan.id,
      rng.uuid(),
      'vetting',
      p.id,
      `clearance:${id}`,
      period,
      toIso(granted),
      toIso(expires),
      state,
      state === 'running' ? null : at(expires, 1),
      state === 'overdue' ? at(expires + 1, 1) : null,
    );
  }
}
