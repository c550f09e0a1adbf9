import { allowedActions, transition } from '../rules/allegation-workflow.ts';
import {
  SANCTIONS,
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
  type Severity,
  type Sanction,
} from '../rules/allegation-types.ts';
import { regimeFeatures, regimeFor } from '../../clocks/regime.ts';
import { lowerRankExists } from '../rules/subject-standing.ts';
import type { DemoSubjectCandidate } from '../demo-cases.repository.ts';
import type { Gravity } from './case-templates.ts';
import { toDay, toIso } from './days-and-chance.ts';
import { EXCEPTIONAL } from './action-wording.ts';

// Choosing each allegation's next action. The weights are ours; what is allowed is the workflow's alone.

/** What a case's theme tells the chooser about each of its allegations. */
export type Profile = { gravity: Gravity; criteria: string[] | null; inPublic: boolean };
type Candidate = { action: AllegationAction; weight: number };

const SEVERITY_WEIGHTS: Record<Gravity, Record<Severity, number>> = {
  low: { none: 40, pri: 35, misconduct: 20, gross_misconduct: 5, vetting_referral: 1 },
  mid: { none: 28, pri: 28, misconduct: 29, gross_misconduct: 15, vetting_referral: 2 },
  high: { none: 12, pri: 12, misconduct: 36, gross_misconduct: 40, vetting_referral: 3 },
};

const formerDefaultsToAccelerated = (ctx: AllegationContext): boolean =>
  ctx.subject === 'former' &&
  (ctx.formerOfficerAcceleratedRule ?? regimeFeatures(ctx.regime).formerOfficersDefaultToAccelerated);

/** Every action worth considering from this state, with its weight; the workflow then filters them. */
function candidates(s: AllegationState, ctx: AllegationContext, p: Profile): Candidate[] {
  const out: Candidate[] = [];
  const add = (weight: number, action: AllegationAction) => {
    if (weight > 0) out.push({ action, weight });
  };
  const close = { type: 'close', route: 'no_further_action' } as const;
  const certified = !formerDefaultsToAccelerated(ctx);
  const withdraw = (w: number) => {
    add(w * 0.6, { type: 'withdraw', route: 'no_further_action' });
    add(w * 0.4, { type: 'withdraw', route: 'rprp' });
  };
  switch (s.status) {
    case 'received': {
      const checkFirst = p.criteria !== null && !s.referral;
      if (checkFirst) {
        add(35, { type: 'record_referral_check', referable: true });
        add(20, { type: 'record_referral_check', referable: false });
      }
      for (const [severity, w] of Object.entries(SEVERITY_WEIGHTS[p.gravity]) as [Severity, number][]) {
        add(((checkFirst ? 45 : 100) * w) / 100, { type: 'assess_severity', severity });
      }
      break;
    }
    case 'referred_to_iopc':
      add(30, { type: 'record_iopc_mode', mode: 'local' });
      add(15, { type: 'record_iopc_mode', mode: 'directed' });
      add(20, { type: 'record_iopc_mode', mode: 'independent' });
      add(35, { type: 'record_iopc_mode', mode: 'returned' });
      break;
    case 'assessed_no_case':
    case 'referred_to_vetting':
    case 'withdrawn':
      add(1, close);
      break;
    case 'assessed_pri':
      add(1, { type: 'refer_to_rprp' });
      break;
    case 'rprp':
      add(1, { type: 'complete_rprp' });
      break;
    case 'assessed_misconduct':
      add(1, { type: 'start_investigation' });
      break;
    case 'assessed_gross_misconduct':
      add(90, { type: 'start_investigation' });
      add(10, { type: 'schedule_accelerated_hearing', specialConditionsCertified: certified });
      break;
    case 'under_investigation':
      if (!s.severity) {
        add(p.gravity === 'high' ? 50 : 70, { type: 'assess_severity', severity: 'misconduct' });
        add(p.gravity === 'high' ? 50 : 30, { type: 'assess_severity', severity: 'gross_misconduct' });
      } else if (!s.reg17NoticeServed) {
        add(1, { type: 'serve_reg17_notice' });
      } else {
        add(90, { type: 'submit_report' });
        add(5, { type: 'assess_severity', severity: s.severity === 'misconduct' ? 'gross_misconduct' : 'misconduct' });
        add(5, { type: 'schedule_accelerated_hearing', specialConditionsCertified: certified });
      }
      break;
    case 'report_submitted': {
      const gross = s.severity === 'gross_misconduct';
      add(gross ? 38 : 42, { type: 'decide_case_to_answer', outcome: 'no_case' });
      add(gross ? 17 : 55, { type: 'decide_case_to_answer', outcome: 'misconduct' });
      add(gross ? 45 : 3, { type: 'decide_case_to_answer', outcome: 'gross_misconduct' });
      break;
    }
    case 'no_case_to_answer':
      add(55, close);
      add(40, { type: 'refer_to_rprp' });
      add(5, { type: 'close', route: 'performance_regulations' });
      break;
    case 'case_to_answer_misconduct':
      add(75, { type: 'schedule_meeting' });
      add(75, { type: 'schedule_hearing' });
      add(18, { type: 'refer_to_rprp' });
      add(3, { type: 'close', route: 'performance_regulations' });
      add(4, close);
      break;
    case 'case_to_answer_gross_misconduct':
      if (formerDefaultsToAccelerated(ctx)) {
        add(25, { type: 'schedule_hearing', fullHearingReason: 'officer_opted_for_full_hearing' });
        add(75, { type: 'schedule_accelerated_hearing', specialConditionsCertified: false });
      } else {
        // A former officer's full hearing always records why: whether the accelerated-hearing default applies
        // is decided per allegation at the step's date (SI 2025/558 reg 64(3)), which the plan cannot know yet.
        add(
          70,
          ctx.subject === 'former'
            ? { type: 'schedule_hearing', fullHearingReason: 'officer_opted_for_full_hearing' }
            : { type: 'schedule_hearing' },
        );
        add(22, { type: 'schedule_accelerated_hearing', specialConditionsCertified: true });
        add(3, { type: 'refer_to_rprp' });
        add(2, { type: 'close', route: 'performance_regulations' });
        add(2, close);
      }
      break;
    case 'meeting_scheduled':
      add(72, { type: 'record_finding', finding: 'misconduct' });
      add(23, { type: 'record_finding', finding: 'not_proven' });
      withdraw(5);
      break;
    case 'hearing_scheduled':
      if (s.caseToAnswer === 'gross_misconduct') {
        add(72, { type: 'record_finding', finding: 'gross_misconduct' });
        add(10, { type: 'record_finding', finding: 'misconduct' });
        add(13, { type: 'record_finding', finding: 'not_proven' });
      } else {
        add(70, { type: 'record_finding', finding: 'misconduct' });
        add(25, { type: 'record_finding', finding: 'not_proven' });
      }
      withdraw(5);
      break;
    case 'accelerated_hearing_scheduled':
      add(90, { type: 'record_finding', finding: 'gross_misconduct' });
      add(8, { type: 'record_finding', finding: 'not_proven' });
      withdraw(2);
      break;
    case 'finding_recorded':
      if (!s.sanction && s.finding && s.finding !== 'not_proven' && s.finding !== 'would_have_been_dismissed') {
        const weights: Record<Sanction, number> =
          s.finding === 'gross_misconduct'
            ? { written_warning: 0, final_written_warning: 12, reduction_in_rank: 8, dismissal_without_notice: 80 }
            : s.form === 'meeting'
              ? { written_warning: 55, final_written_warning: 45, reduction_in_rank: 0, dismissal_without_notice: 0 }
              : { written_warning: 35, final_written_warning: 45, reduction_in_rank: 8, dismissal_without_notice: 12 };
        for (const sanction of SANCTIONS) {
          const exceptional = s.finding === 'gross_misconduct' && sanction !== 'dismissal_without_notice';
          add(
            weights[sanction],
            exceptional
              ? { type: 'record_sanction', sanction, exceptionalCircumstances: EXCEPTIONAL[0] }
              : { type: 'record_sanction', sanction },
          );
        }
      }
      if (!s.appeal) add(s.form === 'meeting' ? 10 : 15, { type: 'lodge_appeal' });
      add(s.finding === 'not_proven' ? 70 : 85, close);
      add(30, { type: 'refer_to_rprp' });
      break;
    case 'appeal_pending': {
      add(70, { type: 'decide_appeal', outcome: 'dismissed' });
      add(12, { type: 'decide_appeal', outcome: 'finding_overturned' });
      const others = SANCTIONS.filter((x) => x !== s.sanction);
      for (const sanction of others)
        add(18 / others.length, { type: 'decide_appeal', outcome: 'sanction_varied', sanction });
      break;
    }
    case 'closed':
      break;
    default: {
      const unknownStatus: never = s.status;
      throw new Error(`unknown status ${String(unknownStatus)}`);
    }
  }
  return out;
}

/** The candidates the workflow accepts now, each with the state it leads to. */
export function validCandidates(s: AllegationState, ctx: AllegationContext, p: Profile) {
  const allowed = allowedActions(s, ctx);
  const valid: (Candidate & { next: AllegationState })[] = [];
  for (const c of candidates(s, ctx, p)) {
    if (!allowed.includes(c.action.type)) continue;
    const r = transition(s, c.action, ctx);
    if (r.ok) valid.push({ ...c, next: r.next });
  }
  return valid;
}

/**
 * The context an allegation starts in: the regime of the day the matter came to attention, a serving subject and,
 * when known, their standing. A reduction in rank is planned only for an officer who has held a rank with one
 * below it since before the matter came to attention (Conduct Regs reg 62(6)), so every later step sees it too.
 */
export function contextFor(day: number, subject?: DemoSubjectCandidate): AllegationContext {
  const base: AllegationContext = {
    regime: regimeFor(toIso(day)),
    subject: 'serving',
    finalWrittenWarningInForce: false,
    multipleUnconnectedIncidents: false,
  };
  if (!subject) return base;
  const heldThroughout = subject.rankFrom !== null && toDay(subject.rankFrom) <= day;
  return {
    ...base,
    personType: subject.personType,
    lowerRankExists: heldThroughout && lowerRankExists(subject.personType, subject.rank),
    alreadyReducedInRank: false,
  };
}
