import type { PeriodKey } from '../../../kernel/time/periods.ts';
import type { AllegationState, ProceedingsForm, Sanction, WorkflowEffect } from './allegation-types.ts';

/**
 * The effects the allegation workflow asks its caller to carry out, built in one place so the same event
 * always produces the same clocks and notices. Periods are in clocks/periods.ts; sections cited there.
 */

/** Appeal against a meeting goes to an appeal meeting (7 WD); against a hearing, to the PAT (10 WD) (§2.13). */
export function appealPeriod(form: ProceedingsForm | undefined): PeriodKey {
  return form === 'meeting' ? 'meeting_appeal' : 'pat_appeal';
}

export function stopInvestigationClocks(): WorkflowEffect[] {
  return [
    { kind: 'stop_clock', period: 'pcc_report_first' },
    { kind: 'stop_clock', period: 'pcc_report_repeat' },
  ];
}

export function rprpEffects(): WorkflowEffect[] {
  return [
    { kind: 'give_notice', notice: 'rprp_reasons' },
    { kind: 'start_clock', period: 'rprp_account', anchor: 'this_event' },
  ];
}

export function barredListEffects(): WorkflowEffect[] {
  return [
    { kind: 'create_barred_list_return' },
    { kind: 'start_clock', period: 'barred_list_return', anchor: 'this_event' },
  ];
}

/** End of proceedings: the outcome report (§2.9), the officer told of the outcome and, if any, appeal rights. */
export function outcomeEffects(state: AllegationState): WorkflowEffect[] {
  const effects: WorkflowEffect[] = [{ kind: 'start_clock', period: 'outcome_report', anchor: 'this_event' }];
  if (state.finding === 'not_proven') return [...effects, { kind: 'give_notice', notice: 'outcome' }];
  return [
    ...effects,
    { kind: 'give_notice', notice: 'outcome_and_appeal_rights' },
    { kind: 'start_clock', period: appealPeriod(state.form), anchor: 'report_received_by_officer' },
  ];
}

/** Warning-expiry clocks and barred-list duties when a sanction is imposed, replaced or removed. */
export function sanctionChangeEffects(before: Sanction | undefined, after: Sanction | undefined): WorkflowEffect[] {
  const expiry = (s: Sanction | undefined): PeriodKey | null =>
    s === 'written_warning'
      ? 'written_warning_expiry'
      : s === 'final_written_warning'
        ? 'final_written_warning_expiry'
        : null;
  const effects: WorkflowEffect[] = [];
  const oldExpiry = expiry(before);
  const newExpiry = expiry(after);
  if (oldExpiry) effects.push({ kind: 'stop_clock', period: oldExpiry });
  if (newExpiry) effects.push({ kind: 'start_clock', period: newExpiry, anchor: 'this_event' });
  const wasDismissed = before === 'dismissal_without_notice';
  const isDismissed = after === 'dismissal_without_notice';
  if (isDismissed && !wasDismissed) effects.push(...barredListEffects());
  if (wasDismissed && !isDismissed) effects.push({ kind: 'barred_list_further_report' });
  return effects;
}
