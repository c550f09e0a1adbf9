import { rprpEffects, stopInvestigationClocks } from './allegation-effects.ts';
import {
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
  type AllegationStatus,
  type Severity,
  type TransitionResult,
  type WorkflowEffect,
} from './allegation-types.ts';
import { indictableOnlyConvictionRefusal } from './indictable-only.ts';
import { regimeFeatures } from '../../../kernel/time/regime.ts';
import { applyOutcomeAction } from './apply-outcome-action.ts';
import { ok, refuse } from './transition-result.ts';
import { formerOfficerRefusal, isGrossMisconduct, NO_RPRP_2012 } from './allegation-preconditions.ts';

/**
 * What each action does to the allegation's state once its preconditions hold (allegation-preconditions.ts):
 * the next state and the effects the caller carries out, or a refusal that depends on the action's details.
 */

/** SI 2025/558 reg 64(3), decided per allegation where the caller knows; else the regime's feature. */
const formerAccelerated = (ctx: AllegationContext): boolean =>
  ctx.formerOfficerAcceleratedRule ?? regimeFeatures(ctx.regime).formerOfficersDefaultToAccelerated;

export function applyAction(
  state: AllegationState,
  action: AllegationAction,
  ctx: AllegationContext,
): TransitionResult {
  const features = regimeFeatures(ctx.regime);
  switch (action.type) {
    case 'assess_severity': {
      const severity = action.severity;
      if (severity === 'pri' && !features.reflectivePractice) return refuse(NO_RPRP_2012);
      const former = formerOfficerRefusal(severity, ctx);
      if (former) return refuse(former);
      const convicted = indictableOnlyConvictionRefusal(ctx.regime, ctx.indictableOnlyConvictionOn, severity);
      if (convicted) return refuse(convicted);
      if (severity === 'vetting_referral' && !features.vettingReferralOption) {
        return refuse('Referral to the vetting process is a severity-assessment option only from 28 May 2025 (§2.4)');
      }
      if (state.status === 'under_investigation') {
        if (severity !== 'misconduct' && severity !== 'gross_misconduct') {
          return refuse(
            'During an investigation severity moves only between misconduct and gross misconduct; otherwise submit the report and decide no case to answer (§2.8)',
          );
        }
        const changed = severity !== state.severity && state.reg17NoticeServed;
        return ok(
          { ...state, severity },
          changed ? [{ kind: 'give_notice', notice: 'severity_assessment_changed' }] : [],
        );
      }
      return ok(
        { ...state, severity, status: statusForSeverity(severity) },
        severity === 'vetting_referral' ? [{ kind: 'refer_to_vetting_process' }] : [],
      );
    }
    case 'record_referral_check':
      return action.referable
        ? ok({ ...state, status: 'referred_to_iopc', referral: 'referred', iopcMode: undefined }, [
            { kind: 'refer_to_iopc' },
          ])
        : ok({ ...state, referral: 'not_referable' });
    case 'record_iopc_mode': {
      if (action.mode === 'returned') {
        return ok({
          ...state,
          iopcMode: 'returned',
          status: state.severity ? statusForSeverity(state.severity) : 'received',
        });
      }
      const owner = action.mode === 'local' ? 'appropriate_authority' : 'iopc';
      return ok({ ...state, iopcMode: action.mode, status: 'under_investigation' }, [
        { kind: 'start_clock', period: 'pcc_report_first', anchor: 'came_to_attention', owner },
      ]);
    }
    case 'serve_reg17_notice':
      return ok({ ...state, reg17NoticeServed: true }, [
        { kind: 'start_clock', period: 'reg18_representations', anchor: 'this_event' },
      ]);
    case 'start_investigation':
      return ok({ ...state, status: 'under_investigation' }, [
        {
          kind: 'start_clock',
          period: 'pcc_report_first',
          anchor: 'came_to_attention',
          owner: 'appropriate_authority',
        },
      ]);
    case 'submit_report':
      return ok({ ...state, status: 'report_submitted' }, stopInvestigationClocks());
    case 'decide_case_to_answer': {
      if (ctx.subject === 'former' && action.outcome === 'misconduct') {
        return refuse(
          'A former officer can face only gross misconduct proceedings: decide gross misconduct or no case to answer (Conduct Regs reg 4(2))',
        );
      }
      const status = (
        {
          no_case: 'no_case_to_answer',
          misconduct: 'case_to_answer_misconduct',
          gross_misconduct: 'case_to_answer_gross_misconduct',
        } as const
      )[action.outcome];
      return ok({ ...state, status, caseToAnswer: action.outcome });
    }
    case 'refer_to_rprp':
      return ok({ ...state, status: 'rprp' }, rprpEffects());
    case 'complete_rprp':
      return ok({ ...state, status: 'closed' }, [
        { kind: 'start_clock', period: 'rprp_pdr_followup', anchor: 'this_event' },
      ]);
    case 'schedule_meeting':
      return ok({ ...state, status: 'meeting_scheduled', form: 'meeting' }, [
        { kind: 'give_notice', notice: 'referral_to_proceedings' },
      ]);
    case 'schedule_hearing': {
      if (ctx.subject === 'former' && formerAccelerated(ctx) && isGrossMisconduct(state) && !action.fullHearingReason) {
        return refuse(
          'From 28 May 2025 a former officer goes to an accelerated hearing unless they opt for a full hearing or the appropriate authority decides one is needed: record which (§2.10)',
        );
      }
      const effects: WorkflowEffect[] = [{ kind: 'give_notice', notice: 'referral_to_proceedings' }];
      if (ctx.regime !== '2012') {
        effects.push({
          kind: 'appoint_hearing_panel',
          chair: features.chiefOfficerChairs ? 'chief_officer_or_delegate' : 'legally_qualified_chair',
        });
      }
      effects.push({ kind: 'start_clock', period: 'pre_hearing', anchor: 'documents_supplied_to_chair' });
      return ok({ ...state, status: 'hearing_scheduled', form: 'hearing' }, effects);
    }
    case 'schedule_accelerated_hearing': {
      if (!action.specialConditionsCertified && !(ctx.subject === 'former' && formerAccelerated(ctx))) {
        return refuse(
          'An accelerated hearing needs the special conditions certified: written evidence that establishes gross misconduct, and a public interest in the officer leaving without delay (§2.10)',
        );
      }
      // The reg 51 notice is given now; the hearing is held 10–15 working days after it (Conduct Regs reg 52(1)).
      const effects: WorkflowEffect[] = [
        { kind: 'give_notice', notice: 'referral_to_proceedings' },
        { kind: 'start_clock', period: 'accelerated_hearing', anchor: 'this_event' },
      ];
      if (state.status === 'under_investigation') effects.push(...stopInvestigationClocks());
      return ok({ ...state, status: 'accelerated_hearing_scheduled', form: 'accelerated_hearing' }, effects);
    }
    case 'withdraw': {
      const notice: WorkflowEffect = { kind: 'give_notice', notice: 'withdrawal' };
      if (action.route === 'rprp') {
        return features.reflectivePractice
          ? ok({ ...state, status: 'rprp' }, [notice, ...rprpEffects()])
          : refuse(NO_RPRP_2012);
      }
      const extra: WorkflowEffect[] =
        action.route === 'performance_regulations' ? [{ kind: 'refer_to_performance_regulations' }] : [];
      return ok({ ...state, status: 'withdrawn' }, [notice, ...extra]);
    }
    case 'record_finding':
    case 'record_sanction':
    case 'lodge_appeal':
    case 'decide_appeal':
    case 'close':
      return applyOutcomeAction(state, action, ctx);
    default: {
      const unknownAction: never = action;
      throw new RangeError(`Unknown action: ${JSON.stringify(unknownAction)}`);
    }
  }
}

export function statusForSeverity(severity: Severity): AllegationStatus {
  const map = {
    none: 'assessed_no_case',
    pri: 'assessed_pri',
    misconduct: 'assessed_misconduct',
    gross_misconduct: 'assessed_gross_misconduct',
    vetting_referral: 'referred_to_vetting',
  } as const;
  return map[severity];
}
