import type { AllegationActionInput } from '../allegation-action-input.ts';
import type { AllegationAction, AllegationContext, AllegationState } from '../rules/allegation-types.ts';
import { regimeFeatures } from '../../clocks/regime.ts';
import type { Profile } from './action-choice.ts';
import {
  CTA_RATIONALE,
  EXCEPTIONAL,
  GROUNDS,
  PLANS,
  REFERRAL_NO,
  REFERRAL_YES,
  REPORTS,
  RATIONALE,
  RPRP_REPORTS,
  WITHDRAW_RATIONALE,
} from './action-wording.ts';
import type { Rng } from './days-and-chance.ts';

// A chosen action made concrete: the use case's input with its words, and how many days it comes after the last.

/** A final written warning in force, multiple unconnected incidents: drawn when an allegation is first assessed as misconduct or gross misconduct. */
export type Flags = { fww: boolean; multi: boolean };

/** The use case's input for a chosen action: the words and flags it needs (dates are filled in once the plan is dated). */
export function inputOf(
  a: AllegationAction,
  rng: Rng,
  p: Profile,
  ctx: AllegationContext,
  flags: Flags,
): AllegationActionInput {
  switch (a.type) {
    case 'assess_severity':
      return {
        type: a.type,
        severity: a.severity,
        rationale: rng.pick(RATIONALE[a.severity]),
        finalWrittenWarningInForce: flags.fww,
        multipleUnconnectedIncidents: flags.multi,
      };
    case 'record_referral_check':
      return {
        type: a.type,
        referable: a.referable,
        criteria: a.referable ? (p.criteria ?? ['gravity']) : [],
        rationale: rng.pick(a.referable ? REFERRAL_YES : REFERRAL_NO),
      };
    case 'record_iopc_mode':
      return { type: a.type, mode: a.mode };
    case 'serve_reg17_notice':
      return { type: a.type };
    case 'start_investigation':
      return { type: a.type, plan: rng.pick(PLANS) };
    case 'submit_report':
      return { type: a.type, summary: rng.pick(REPORTS) };
    case 'decide_case_to_answer':
      return { type: a.type, outcome: a.outcome, rationale: rng.pick(CTA_RATIONALE[a.outcome]) };
    case 'refer_to_rprp':
      return { type: a.type };
    case 'complete_rprp':
      return { type: a.type, report: rng.pick(RPRP_REPORTS) };
    case 'schedule_meeting':
      return { type: a.type, date: '' };
    case 'schedule_hearing': {
      const chair = regimeFeatures(ctx.regime).chiefOfficerChairs
        ? 'An assistant chief constable (chair)'
        : 'A legally qualified chair';
      const panel = `${chair}, an independent panel member and a superintendent`;
      return {
        type: a.type,
        date: '',
        inPublic: p.inPublic,
        panel,
        ...(a.fullHearingReason ? { fullHearingReason: a.fullHearingReason } : {}),
      };
    }
    case 'schedule_accelerated_hearing':
      return { type: a.type, date: '', specialConditionsCertified: a.specialConditionsCertified };
    case 'withdraw':
      return { type: a.type, route: a.route, rationale: rng.pick(WITHDRAW_RATIONALE) };
    case 'record_finding':
      return { type: a.type, finding: a.finding };
    case 'record_sanction':
      return a.exceptionalCircumstances
        ? { type: a.type, sanction: a.sanction, exceptionalCircumstances: rng.pick(EXCEPTIONAL) }
        : { type: a.type, sanction: a.sanction };
    case 'lodge_appeal':
      return { type: a.type, grounds: rng.pick(GROUNDS) };
    case 'decide_appeal':
      return a.sanction
        ? { type: a.type, outcome: a.outcome, sanction: a.sanction }
        : { type: a.type, outcome: a.outcome };
    case 'close':
      return a.route ? { type: a.type, route: a.route } : { type: a.type };
    default: {
      const unknownAction: never = a;
      throw new Error(`unknown action ${JSON.stringify(unknownAction)}`);
    }
  }
}

/** Days between the previous step and this one. */
export function gapFor(a: AllegationAction, s: AllegationState, p: Profile, rng: Rng, hearingGap: number): number {
  switch (a.type) {
    case 'assess_severity':
      return rng.between(s.status === 'under_investigation' ? [20, 90] : [3, 28]);
    case 'record_referral_check':
      return rng.between([1, 10]);
    case 'record_iopc_mode':
      return rng.between([7, 40]);
    case 'serve_reg17_notice':
      return rng.between([3, 21]);
    case 'start_investigation':
      return rng.between([1, 14]);
    case 'submit_report':
      return rng.between(p.gravity === 'low' ? [60, 180] : p.gravity === 'mid' ? [90, 300] : [150, 420]);
    case 'decide_case_to_answer':
      return rng.between([10, 40]);
    case 'refer_to_rprp':
      return rng.between([5, 21]);
    case 'complete_rprp':
      return rng.between([28, 90]);
    case 'schedule_meeting':
      return rng.between([14, 42]);
    case 'schedule_hearing':
      return rng.between([21, 56]);
    case 'schedule_accelerated_hearing':
      return rng.between([5, 20]);
    case 'withdraw':
      return rng.between([1, Math.max(1, hearingGap - 1)]);
    case 'record_finding':
      return hearingGap;
    case 'record_sanction':
      return 0;
    case 'lodge_appeal':
      return rng.between([5, 14]);
    case 'decide_appeal':
      return rng.between(s.form === 'meeting' ? [20, 45] : [60, 180]);
    case 'close':
      return rng.between([1, 21]);
    default: {
      const unknownAction: never = a;
      throw new Error(`unknown action ${JSON.stringify(unknownAction)}`);
    }
  }
}

/** How long after being arranged each form of proceedings sits. */
export function hearingGapFor(a: AllegationAction, rng: Rng): number {
  if (a.type === 'schedule_meeting') return rng.between([21, 60]);
  if (a.type === 'schedule_hearing') return rng.between([45, 120]);
  // Conduct Regs reg 52(1): 10–15 working days after the notice; 19 calendar days is 13–15 working days
  // (at least 10 across Christmas), whatever the weekday of the notice.
  // The draw is kept so the generated demo data stays the same elsewhere.
  rng.between([10, 25]);
  return 19;
}
