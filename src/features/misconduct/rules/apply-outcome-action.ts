import { appealPeriod, barredListEffects, outcomeEffects, sanctionChangeEffects } from './allegation-effects.ts';
import {
  type AcceleratedOutcome,
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
  type TransitionResult,
  type WorkflowEffect,
} from './allegation-types.ts';
import { appealAfterAdmissionRefusal } from './appeal-grounds.ts';
import { finalWrittenWarningMonths } from './warning-length.ts';
import { sanctionRefusal } from './sanctions.ts';
import { sanctionPending } from './allegation-preconditions.ts';
import { ok, refuse } from './transition-result.ts';

/**
 * The steps after proceedings (allegation-workflow.ts for the whole track): the finding, the sanction, the
 * appeal and its decision, and closing the allegation.
 */

type OutcomeAction = Extract<
  AllegationAction,
  { type: 'record_finding' | 'record_sanction' | 'lodge_appeal' | 'decide_appeal' | 'close' }
>;

export function applyOutcomeAction(
  state: AllegationState,
  action: OutcomeAction,
  ctx: AllegationContext,
): TransitionResult {
  switch (action.type) {
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
