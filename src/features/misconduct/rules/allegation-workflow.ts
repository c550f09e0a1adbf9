import { PERIOD_DEFINITIONS } from '../../../kernel/time/periods.ts';
import { ACTION_TABLE, STATUS_LABELS } from './allegation-table.ts';
import { clockEndingsOf } from './clock-endings.ts';
import {
  ACTION_TYPES,
  type ActionType,
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
  type AllegationStatus,
  type TransitionResult,
  type WorkflowEffect,
} from './allegation-types.ts';
import { STAFF_REFUSAL } from './subject-standing.ts';
import { precondition } from './allegation-preconditions.ts';
import { applyAction } from './apply-allegation-action.ts';

/**
 * The allegation track as a pure state machine (§2.4, §2.8–2.11, §2.13–2.15, §2.18). The caller loads the
 * state, calls `transition`, stores `next` and carries out `effects` (clocks, notices, IOPC, barred and
 * advisory list returns) in the same unit of work. Refusals carry a sentence a user can act on.
 *
 * Rules applied, with the reference's marks:
 * - a meeting never hears gross misconduct; an accelerated hearing is only for gross misconduct (§2.9, §2.10 [V]);
 * - misconduct goes to a hearing only with a FWW in force (§2.9 table) or multiple unconnected incidents
 *   (inferred from the hearing's sanction powers in §2.9 (Conduct Regs 2020 reg 42) — confirm against reg 23);
 * - with no proceedings, the outcomes are no further action, RPRP or the Performance Regulations (§2.8 [V]);
 * - RPRP exists only under the 2020 Regulations (§2.11 (Conduct Regs 2020 Part 6, as explained by UK Police Law Blog)); after proceedings, only when nothing was
 *   found proven (§2.11 triggers);
 * - a former officer's gross misconduct is recorded as 'would_have_been_dismissed', which goes to the barred
 *   list (§2.14, §2.15 (Conduct Regs 2020 Sch 1; Police Barred List and Police Advisory List Regs 2017)) — simplified: the reference gives no other outcome for them;
 * - from 28 May 2025 former officers go to an accelerated hearing unless a full hearing is chosen (§2.10 (Police (Amendment) Regs 2025, SI 2025/558));
 * - the regulation 17 notice is served once (a later severity change is a separate notice, §2.6 [V]).
 * Sanction rules are in sanctions.ts. Clocks for periods that do not apply to the case's regime are dropped.
 */

export type {
  AllegationAction,
  AllegationContext,
  AllegationState,
  TransitionResult,
  WorkflowEffect,
} from './allegation-types.ts';

export function initialAllegationState(): AllegationState {
  return { status: 'received', reg17NoticeServed: false };
}

/** The actions that can succeed now, for some valid details (e.g. a severity or a finding). */
export function allowedActions(state: AllegationState, ctx: AllegationContext): ActionType[] {
  if (ctx.personType === 'staff' || ctx.personType === 'volunteer') return [];
  return ACTION_TYPES.filter(
    (type) => ACTION_TABLE[type].from.includes(state.status) && precondition(type, state, ctx) === null,
  );
}

export function transition(state: AllegationState, action: AllegationAction, ctx: AllegationContext): TransitionResult {
  if (ctx.personType === 'staff' || ctx.personType === 'volunteer') return { ok: false, reason: STAFF_REFUSAL };
  const rule = ACTION_TABLE[action.type];
  if (!rule.from.includes(state.status)) {
    return {
      ok: false,
      reason: `${rule.label} is not possible while the allegation is ${STATUS_LABELS[state.status]}`,
    };
  }
  const blocked = precondition(action.type, state, ctx);
  if (blocked !== null) return { ok: false, reason: blocked };
  const result = applyAction(state, action, ctx);
  if (!result.ok) return result;
  const effects = result.effects.filter(
    (e) => e.kind !== 'start_clock' || PERIOD_DEFINITIONS[e.period].regimes.includes(ctx.regime),
  );
  // The clocks this step ends, from the declared table (rules/clock-endings.ts): the accelerated hearing met by
  // its finding (Conduct Regs reg 52(1)), the officer's statement window superseded by the report, and so on.
  const started = effects.flatMap((e) => (e.kind === 'start_clock' ? [e.period] : []));
  const stopped = new Set(effects.flatMap((e) => (e.kind === 'stop_clock' ? [e.period] : [])));
  const endings = clockEndingsOf(action.type, state.status, result.next.status, started).filter(
    (e) => !stopped.has(e.period),
  );
  return { ok: true, next: result.next, effects: [...endings, ...effects] };
}

/** Statuses in which the subject leaving the service puts them on the advisory list (§2.15 (Police Barred List and Police Advisory List Regs 2017 reg 12)). */
const OPEN_BEFORE_OUTCOME: readonly AllegationStatus[] = [
  'received',
  'assessed_misconduct',
  'assessed_gross_misconduct',
  'referred_to_iopc',
  'under_investigation',
  'report_submitted',
  'case_to_answer_misconduct',
  'case_to_answer_gross_misconduct',
  'meeting_scheduled',
  'hearing_scheduled',
  'accelerated_hearing_scheduled',
];

/**
 * Effects due when the subject resigns or retires while the allegation is open (§2.15): an advisory list
 * return within 5 working days. The caller also switches the context's `subject` to 'former' (§2.14).
 */
export function onSubjectLeftDuringInvestigation(state: AllegationState): readonly WorkflowEffect[] {
  if (!OPEN_BEFORE_OUTCOME.includes(state.status)) return [];
  return [
    { kind: 'create_advisory_list_return' },
    { kind: 'start_clock', period: 'advisory_list_return', anchor: 'this_event' },
  ];
}
