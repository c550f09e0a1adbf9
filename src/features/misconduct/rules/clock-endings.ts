import type { PeriodKey } from '../../../kernel/time/periods.ts';
import type { ActionType, AllegationStatus, WorkflowEffect } from './allegation-types.ts';

/**
 * What ends each clock, declared beside the workflow (issue 17: "every clock is met, stopped or superseded by
 * the step that ends it"). The table is a `Record` over EVERY period, so a new period cannot be added without
 * saying what ends it, and {@link clockEndingsOf} is applied by `transition` to every step, so a new step
 * cannot forget the clocks it ends.
 *
 * For each period:
 * - `scope`: 'allegation' — started by the allegation track and ended here; 'case' — the reports to the PCC,
 *   ended by the case's own rule in progress-allegation.ts (reg 19: met when no allegation is still being
 *   investigated, cancelled when the case closes); 'feature' — started and ended by another feature
 *   (restrictions, complaints, vetting), named in `endedBy`.
 * - `metBy`: the steps that MEET it (the thing it counts down to happened): the hearing held (a finding),
 *   the appeal lodged, reflective practice completed.
 * - `livesIn`: the allegation states it can run in. A step that moves the allegation anywhere else
 *   SUPERSEDES it (it can no longer be met): the officer's statement window (reg 18) once the report is
 *   submitted, the pre-hearing once the proceedings are withdrawn. 'any' means no state ends it: a duty that
 *   outlives the track (the barred list return, the outcome report, a warning in force) is met by a person
 *   marking it done on the case page (features/misconduct/act-on-clock.ts).
 */

export type ClockEndingRule =
  | {
      scope: 'allegation';
      metBy: readonly ActionType[];
      livesIn: readonly AllegationStatus[] | 'any';
      /** How it ends when no step does, in words for the page. */
      otherwise: string;
    }
  | { scope: 'case'; endedBy: string }
  | { scope: 'feature'; endedBy: string };

const feature = (endedBy: string): ClockEndingRule => ({ scope: 'feature', endedBy });

export const CLOCK_ENDINGS: Readonly<Record<PeriodKey, ClockEndingRule>> = Object.freeze({
  pcc_report_first: { scope: 'case', endedBy: 'the last investigation ending, or the case closing (reg 19)' },
  pcc_report_repeat: { scope: 'case', endedBy: 'the last investigation ending, or the case closing (reg 19)' },
  // Conduct Regs reg 18: the officer's statement answers the investigation; once the report is in it is moot.
  reg18_representations: {
    scope: 'allegation',
    metBy: [],
    livesIn: ['under_investigation'],
    otherwise: 'superseded by the investigation report',
  },
  rprp_account: {
    scope: 'allegation',
    metBy: ['complete_rprp'],
    livesIn: ['rprp'],
    otherwise: 'met when reflective practice is completed',
  },
  // Conduct Regs reg 33: the pre-hearing comes before the hearing; the hearing held (its finding) meets it.
  pre_hearing: {
    scope: 'allegation',
    metBy: ['record_finding'],
    livesIn: ['hearing_scheduled'],
    otherwise: 'superseded when the hearing is withdrawn',
  },
  // Conduct Regs reg 52(1): the accelerated hearing held (its finding recorded) meets it.
  accelerated_hearing: {
    scope: 'allegation',
    metBy: ['record_finding'],
    livesIn: ['accelerated_hearing_scheduled'],
    otherwise: 'superseded when the hearing is withdrawn',
  },
  outcome_report: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'marked done on the case page when the written report reaches the appropriate authority',
  },
  // Conduct Regs reg 45 / PAT Rules: the appeal lodged meets the window; once the track moves on it is moot.
  meeting_appeal: {
    scope: 'allegation',
    metBy: ['lodge_appeal'],
    livesIn: ['finding_recorded'],
    otherwise: 'elapses at its end, or superseded when the allegation is closed',
  },
  pat_appeal: {
    scope: 'allegation',
    metBy: ['lodge_appeal'],
    livesIn: ['finding_recorded'],
    otherwise: 'elapses at its end, or superseded when the allegation is closed',
  },
  barred_list_return: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'met when the return is marked sent to the College of Policing',
  },
  barred_list_further_report: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'met when the further report is marked sent to the College of Policing',
  },
  advisory_list_return: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'met when the return is marked sent to the College of Policing',
  },
  written_warning_expiry: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'elapses at its end; ended early when an appeal removes the warning',
  },
  final_written_warning_expiry: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'elapses at its end; ended early when an appeal removes the warning',
  },
  rprp_pdr_followup: {
    scope: 'allegation',
    metBy: [],
    livesIn: 'any',
    otherwise: 'marked done on the case page after the PDR discussion',
  },
  suspension_notice_written: feature('the restriction feature (notice recorded, suspension lifted)'),
  suspension_review: feature('the restriction feature (each review, the suspension lifted)'),
  restriction_notice: feature('the restriction feature (notice recorded, restriction lifted)'),
  restriction_review: feature('the restriction feature (each review, the restriction lifted)'),
  complainant_review_window: feature('the complaints feature'),
  complaint_first_contact: feature('the complaints feature'),
  complaint_progress_update: feature('the complaints feature'),
  complaint_outcome_notice: feature('the complaints feature'),
  vetting_renewal_rv: feature('the vetting feature (renewal)'),
  vetting_renewal_mv: feature('the vetting feature (renewal)'),
  vetting_renewal_nppv1: feature('the vetting feature (renewal)'),
  vetting_renewal_nppv2a: feature('the vetting feature (renewal)'),
  vetting_renewal_nppv2f: feature('the vetting feature (renewal)'),
  vetting_renewal_nppv3: feature('the vetting feature (renewal)'),
  vetting_renewal_ctc: feature('the vetting feature (renewal)'),
  vetting_renewal_sc: feature('the vetting feature (renewal)'),
  vetting_renewal_esc: feature('the vetting feature (renewal)'),
  vetting_renewal_dv: feature('the vetting feature (renewal)'),
  vetting_renewal_edv: feature('the vetting feature (renewal)'),
  vetting_review: feature('the vetting feature (review decided)'),
  vetting_appeal: feature('the vetting feature (appeal decided)'),
  vetting_withdrawal_appeal: feature('the vetting feature (withdrawal appeal received)'),
  vetting_withdrawal_appeal_decision: feature('the vetting feature (withdrawal appeal decided)'),
  vetting_withdrawal_tribunal: feature('the vetting feature (a window: it elapses)'),
  report_acknowledgement: feature('the reporting feature (met by acknowledging the report)'),
  report_feedback: feature('the reporting feature (met by feedback to the reporter or closing the report)'),
});

export type ClockStop = Extract<WorkflowEffect, { kind: 'stop_clock' }>;

/** Whether a live clock of this period is out of place on an allegation in this state (the repair's test). */
export function clockOutlivedItsStage(period: PeriodKey, status: AllegationStatus): boolean {
  const rule = CLOCK_ENDINGS[period];
  return rule.scope === 'allegation' && rule.livesIn !== 'any' && !rule.livesIn.includes(status);
}

/** Allegation-level periods, with their rule. */
export const ALLEGATION_CLOCK_PERIODS = (Object.keys(CLOCK_ENDINGS) as PeriodKey[]).filter(
  (p) => CLOCK_ENDINGS[p].scope === 'allegation',
);

/**
 * The clocks a step ends: met when the table says the step meets them, otherwise superseded when the step
 * leaves the states they live in (from one they live in to one they do not). Clocks the step itself starts
 * are left alone.
 */
export function clockEndingsOf(
  action: ActionType,
  fromStatus: AllegationStatus,
  nextStatus: AllegationStatus,
  started: readonly PeriodKey[] = [],
): ClockStop[] {
  const effects: ClockStop[] = [];
  for (const period of ALLEGATION_CLOCK_PERIODS) {
    if (started.includes(period)) continue;
    const rule = CLOCK_ENDINGS[period];
    if (rule.scope !== 'allegation') continue;
    const livedHere = rule.livesIn === 'any' || rule.livesIn.includes(fromStatus);
    if (!livedHere) continue;
    if (rule.metBy.includes(action)) effects.push({ kind: 'stop_clock', period });
    else if (rule.livesIn !== 'any' && !rule.livesIn.includes(nextStatus))
      effects.push({ kind: 'stop_clock', period, outcome: 'superseded' });
  }
  return effects;
}
