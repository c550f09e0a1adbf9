import { type ActionType, type AllegationContext, type AllegationState, type Severity } from './allegation-types.ts';
import { regimeFeatures } from '../../../kernel/time/regime.ts';
import { availableSanctions } from './sanctions.ts';
import { formerOfficerCondition } from './subject-standing.ts';

/**
 * Refusals that do not depend on the details of an action (allegation-workflow.ts applies them before the
 * step itself): who may go to a meeting or reflective practice, when a hearing, a sanction, an appeal or
 * closing is possible.
 */

export const FORMER_NO_MEETING_OR_RPRP =
  'A former officer cannot be sent to a misconduct meeting, practice requiring improvement or reflective practice (Conduct Regs Sch 1 para 1): only gross misconduct proceedings apply';

/** Conduct Regs reg 4(2)–(5): a former officer's matter is only gross misconduct, under Condition A, B or C. */
export function formerOfficerRefusal(severity: Severity, ctx: AllegationContext): string | null {
  if (ctx.subject !== 'former' || severity === 'none') return null;
  if (severity !== 'gross_misconduct') {
    return 'A former officer is covered by the Conduct Regulations only where the allegation may be gross misconduct: assess gross misconduct or no case (Conduct Regs reg 4(2); Sch 1 para 1)';
  }
  const f = ctx.formerOfficer;
  if (f && formerOfficerCondition(f.leftOn, f.cameToAttentionOn) === 'C' && !f.iopcSpecialDetermination) {
    return `Condition C: the officer left on ${f.leftOn}, more than 12 months before the matter came to attention on ${f.cameToAttentionOn}; record the IOPC's special determination first (Conduct Regs reg 4(5), reg 4A)`;
  }
  return null;
}

export const NO_RPRP_2012 =
  'Reflective practice (RPRP) was introduced by the 2020 Regulations; it is not available under the 2012 Regulations (§2.11)';

/** Refusal reasons that do not depend on the details of the action; null when the action is possible. */
export function precondition(type: ActionType, state: AllegationState, ctx: AllegationContext): string | null {
  const features = regimeFeatures(ctx.regime);
  switch (type) {
    case 'record_referral_check':
      return state.referral === 'referred' && state.iopcMode !== 'returned'
        ? 'The matter has already been referred to the IOPC'
        : null;
    case 'serve_reg17_notice':
      return state.reg17NoticeServed
        ? 'The regulation 17 notice has already been served; a change of severity is notified separately (§2.6)'
        : null;
    case 'refer_to_rprp':
      if (!features.reflectivePractice) return NO_RPRP_2012;
      if (ctx.subject === 'former') return FORMER_NO_MEETING_OR_RPRP;
      if (state.status === 'finding_recorded' && state.finding !== 'not_proven') {
        return 'After proceedings, reflective practice follows only when neither misconduct nor gross misconduct was found (§2.11)';
      }
      return null;
    case 'schedule_meeting':
      if (ctx.subject === 'former') return FORMER_NO_MEETING_OR_RPRP;
      if (state.status === 'case_to_answer_gross_misconduct') {
        return 'A misconduct meeting cannot hear gross misconduct: schedule a hearing or an accelerated hearing';
      }
      return ctx.finalWrittenWarningInForce
        ? 'A final written warning is in force, so the misconduct must go to a misconduct hearing, not a meeting (§2.9)'
        : null;
    case 'schedule_hearing':
      return state.status === 'case_to_answer_misconduct' &&
        !ctx.finalWrittenWarningInForce &&
        !ctx.multipleUnconnectedIncidents
        ? 'Misconduct goes to a misconduct meeting unless a final written warning is in force or it arises from multiple unconnected incidents (§2.9)'
        : null;
    case 'schedule_accelerated_hearing':
      return isGrossMisconduct(state) ? null : 'An accelerated hearing is only for gross misconduct (§2.10)';
    case 'record_sanction': {
      if (!state.form || !state.finding) return 'No finding has been recorded';
      const available = availableSanctions(state.form, state.finding, ctx);
      if (!available.ok) return available.reason;
      return state.sanction ? 'A sanction has already been recorded; it can be changed only on appeal' : null;
    }
    case 'lodge_appeal':
      if (state.appeal)
        return state.appeal === 'lodged' ? 'An appeal has already been lodged' : 'The appeal has already been decided';
      if (!state.finding || state.finding === 'not_proven')
        return 'Only a finding of misconduct or gross misconduct can be appealed (§2.13)';
      return sanctionPending(state, ctx)
        ? 'Record the sanction first: the appeal runs from the officer receiving the outcome (§2.13)'
        : null;
    case 'close':
      return sanctionPending(state, ctx) ? 'Record the sanction before closing: misconduct was found proven' : null;
    case 'assess_severity':
    case 'record_iopc_mode':
    case 'start_investigation':
    case 'submit_report':
    case 'decide_case_to_answer':
    case 'complete_rprp':
    case 'withdraw':
    case 'record_finding':
    case 'decide_appeal':
      return null;
    default: {
      const unknownType: never = type;
      throw new RangeError(`Unknown action: ${String(unknownType)}`);
    }
  }
}

export function isGrossMisconduct(state: AllegationState): boolean {
  if (state.status === 'assessed_gross_misconduct' || state.status === 'case_to_answer_gross_misconduct') return true;
  return state.status === 'under_investigation' && state.severity === 'gross_misconduct';
}

/** A proven finding against a serving officer, under a modelled regime, with no sanction yet. */
export function sanctionPending(state: AllegationState, ctx: AllegationContext): boolean {
  if (state.status !== 'finding_recorded' || state.sanction || !state.form || !state.finding) return false;
  return availableSanctions(state.form, state.finding, ctx).ok;
}
