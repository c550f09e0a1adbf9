import { PERIOD_DEFINITIONS } from '../../../kernel/time/periods.ts';
import {
  appealPeriod,
  barredListEffects,
  outcomeEffects,
  rprpEffects,
  sanctionChangeEffects,
  stopInvestigationClocks,
} from './allegation-effects.ts';
import { ACTION_TABLE, STATUS_LABELS } from './allegation-table.ts';
import { clockEndingsOf } from './clock-endings.ts';
import {
  ACTION_TYPES,
  type AcceleratedOutcome,
  type ActionType,
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
  type AllegationStatus,
  type Severity,
  type TransitionResult,
  type WorkflowEffect,
} from './allegation-types.ts';
import { appealAfterAdmissionRefusal } from './appeal-grounds.ts';
import { indictableOnlyConvictionRefusal } from './indictable-only.ts';
import { regimeFeatures } from '../../../kernel/time/regime.ts';
import { finalWrittenWarningMonths } from './warning-length.ts';
import { availableSanctions, sanctionRefusal } from './sanctions.ts';
import { STAFF_REFUSAL, formerOfficerCondition } from './subject-standing.ts';

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

/** SI 2025/558 reg 64(3), decided per allegation where the caller knows; else the regime's feature. */
const formerAccelerated = (ctx: AllegationContext): boolean =>
  ctx.formerOfficerAcceleratedRule ?? regimeFeatures(ctx.regime).formerOfficersDefaultToAccelerated;

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
  const result = apply(state, action, ctx);
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

const ok = (next: AllegationState, effects: WorkflowEffect[] = []): TransitionResult => ({ ok: true, next, effects });
const refuse = (reason: string): TransitionResult => ({ ok: false, reason });

const FORMER_NO_MEETING_OR_RPRP =
  'A former officer cannot be sent to a misconduct meeting, practice requiring improvement or reflective practice (Conduct Regs Sch 1 para 1): only gross misconduct proceedings apply';

/** Conduct Regs reg 4(2)–(5): a former officer's matter is only gross misconduct, under Condition A, B or C. */
function formerOfficerRefusal(severity: Severity, ctx: AllegationContext): string | null {
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

const NO_RPRP_2012 =
  'Reflective practice (RPRP) was introduced by the 2020 Regulations; it is not available under the 2012 Regulations (§2.11)';

/** Refusal reasons that do not depend on the details of the action; null when the action is possible. */
function precondition(type: ActionType, state: AllegationState, ctx: AllegationContext): string | null {
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

function apply(state: AllegationState, action: AllegationAction, ctx: AllegationContext): TransitionResult {
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
    case 'record_finding': {
      if (state.form === 'meeting' && action.finding === 'gross_misconduct')
        return refuse('A misconduct meeting cannot find gross misconduct (§2.9)');
      if (state.form === 'accelerated_hearing' && action.finding !== 'gross_misconduct')
        // Nothing proven: the case is dismissed unless the hearing returned it.
        return acceleratedShortOfGross(
          state,
          action.acceleratedOutcome ?? (action.finding === 'not_proven' ? 'dismiss_case' : undefined),
        );
      const finding =
        ctx.subject === 'former' && action.finding === 'gross_misconduct'
          ? 'would_have_been_dismissed'
          : action.finding;
      const next: AllegationState = {
        ...state,
        status: 'finding_recorded',
        finding,
        ...(action.admitted !== undefined ? { admitted: action.admitted } : {}),
      };
      const effects: WorkflowEffect[] = [];
      if (finding === 'would_have_been_dismissed') effects.push(...barredListEffects());
      if (!sanctionPending(next, ctx)) effects.push(...outcomeEffects(next));
      return ok(next, effects);
    }
    case 'record_sanction': {
      const refusal = sanctionRefusal(
        state.form ?? 'hearing',
        state.finding ?? 'not_proven',
        action.sanction,
        ctx,
        action.exceptionalCircumstances,
      );
      if (refusal) return refuse(refusal);
      const length = finalWrittenWarningMonths(action.sanction, action.finalWrittenWarningYears);
      if (!length.ok) return refuse(length.reason);
      const rationale =
        action.sanction !== 'dismissal_without_notice' ? action.exceptionalCircumstances?.trim() : undefined;
      const next: AllegationState = {
        ...state,
        sanction: action.sanction,
        exceptionalCircumstances: rationale || undefined,
      };
      // Without a length from the panel the configured period (2 years by default) applies.
      const months = action.finalWrittenWarningYears === undefined ? undefined : length.months;
      const changes = sanctionChangeEffects(undefined, action.sanction).map((e) =>
        months !== undefined && e.kind === 'start_clock' && e.period === 'final_written_warning_expiry'
          ? { ...e, amount: months }
          : e,
      );
      return ok(next, [...changes, ...outcomeEffects(next)]);
    }
    case 'lodge_appeal':
      return ok({ ...state, status: 'appeal_pending', appeal: 'lodged' }, [
        { kind: 'stop_clock', period: appealPeriod(state.form) },
      ]);
    case 'decide_appeal': {
      const back: AllegationState = { ...state, status: 'finding_recorded', appeal: action.outcome };
      if (action.outcome === 'dismissed') return ok(back);
      const admittedRefusal = appealAfterAdmissionRefusal(state.admitted, action.outcome);
      if (admittedRefusal) return refuse(admittedRefusal);
      if (action.outcome === 'finding_overturned') {
        const effects = sanctionChangeEffects(state.sanction, undefined);
        if (state.finding === 'would_have_been_dismissed') effects.push({ kind: 'barred_list_further_report' });
        return ok(
          { ...back, finding: 'not_proven', sanction: undefined, exceptionalCircumstances: undefined },
          effects,
        );
      }
      if (!action.sanction) return refuse('Give the sanction the appeal substituted');
      if (action.sanction === state.sanction)
        return refuse('The substituted sanction is the same as the original: record the appeal as dismissed');
      const refusal = sanctionRefusal(
        state.form ?? 'hearing',
        state.finding ?? 'not_proven',
        action.sanction,
        ctx,
        undefined,
        false,
      );
      if (refusal) return refuse(refusal);
      return ok(
        { ...back, sanction: action.sanction, exceptionalCircumstances: undefined },
        sanctionChangeEffects(state.sanction, action.sanction),
      );
    }
    case 'close': {
      if (action.route !== 'performance_regulations') return ok({ ...state, status: 'closed' });
      if (
        !['no_case_to_answer', 'case_to_answer_misconduct', 'case_to_answer_gross_misconduct'].includes(state.status)
      ) {
        return refuse(
          'Referral to the Performance Regulations is an outcome only after the case-to-answer decision, when no proceedings are brought (§2.8)',
        );
      }
      return ok({ ...state, status: 'closed' }, [{ kind: 'refer_to_performance_regulations' }]);
    }
    default: {
      const unknownAction: never = action;
      throw new RangeError(`Unknown action: ${JSON.stringify(unknownAction)}`);
    }
  }
}

/**
 * Conduct Regs reg 62(8): an accelerated hearing that finds the conduct is not gross misconduct may dismiss the
 * case or return it to the appropriate authority to be dealt with under Part 4. It records no misconduct finding,
 * imposes no sanction and starts no appeal clock; a returned case goes back to the misconduct assessment.
 */
function acceleratedShortOfGross(state: AllegationState, outcome: AcceleratedOutcome | undefined): TransitionResult {
  if (!outcome) {
    return refuse(
      'An accelerated hearing that does not find gross misconduct cannot record misconduct: say whether it dismissed the case or returned it to the appropriate authority (Conduct Regs reg 62(8))',
    );
  }
  if (outcome === 'dismiss_case') {
    const next: AllegationState = {
      ...state,
      status: 'finding_recorded',
      finding: 'not_proven',
      acceleratedOutcome: outcome,
    };
    return ok(next, outcomeEffects(next));
  }
  return ok(
    {
      ...state,
      status: 'assessed_misconduct',
      severity: 'misconduct',
      form: undefined,
      finding: undefined,
      acceleratedOutcome: outcome,
    },
    [{ kind: 'give_notice', notice: 'outcome' }],
  );
}

function statusForSeverity(severity: Severity): AllegationStatus {
  const map = {
    none: 'assessed_no_case',
    pri: 'assessed_pri',
    misconduct: 'assessed_misconduct',
    gross_misconduct: 'assessed_gross_misconduct',
    vetting_referral: 'referred_to_vetting',
  } as const;
  return map[severity];
}

function isGrossMisconduct(state: AllegationState): boolean {
  if (state.status === 'assessed_gross_misconduct' || state.status === 'case_to_answer_gross_misconduct') return true;
  return state.status === 'under_investigation' && state.severity === 'gross_misconduct';
}

/** A proven finding against a serving officer, under a modelled regime, with no sanction yet. */
function sanctionPending(state: AllegationState, ctx: AllegationContext): boolean {
  if (state.status !== 'finding_recorded' || state.sanction || !state.form || !state.finding) return false;
  return availableSanctions(state.form, state.finding, ctx).ok;
}
