import type { ActionType, AllegationStatus } from './allegation-types.ts';

/**
 * The allegation track declared as DATA: for each action, the states it can be taken from. This table is
 * the first gate; the guards in allegation-workflow.ts then apply the rules that depend on the regime,
 * the officer and what was decided earlier (each guard names its reference section).
 *
 * Flow (§2.4, §2.8, §2.18): received → severity assessment → (no case | PRI → RPRP | misconduct / gross
 * misconduct → investigation | vetting referral) with the IOPC referral test alongside; investigation →
 * report → case to answer → (no case | RPRP | no proceedings | meeting | hearing | accelerated hearing);
 * proceedings → finding → sanction → appeal → closed. Withdrawal is possible once proceedings are
 * arranged and before they begin (reg 27).
 */

const ASSESSED = ['assessed_no_case', 'assessed_pri', 'assessed_misconduct', 'assessed_gross_misconduct'] as const;
const CASE_TO_ANSWER = ['case_to_answer_misconduct', 'case_to_answer_gross_misconduct'] as const;
const SCHEDULED = ['meeting_scheduled', 'hearing_scheduled', 'accelerated_hearing_scheduled'] as const;

export interface ActionRule {
  label: string;
  from: readonly AllegationStatus[];
  source: string;
}

export const ACTION_TABLE: Readonly<Record<ActionType, ActionRule>> = Object.freeze({
  assess_severity: {
    label: 'Assess severity',
    from: ['received', ...ASSESSED, 'under_investigation'],
    source: '§2.4 reg 14; §2.6 (later change of severity)',
  },
  record_referral_check: {
    label: 'Record the IOPC referral check',
    from: ['received', ...ASSESSED, 'under_investigation'],
    source: '§2.5',
  },
  record_iopc_mode: { label: 'Record the IOPC decision', from: ['referred_to_iopc'], source: '§2.5' },
  serve_reg17_notice: { label: 'Serve the regulation 17 notice', from: ['under_investigation'], source: '§2.6' },
  start_investigation: {
    label: 'Start the investigation',
    from: ['assessed_misconduct', 'assessed_gross_misconduct'],
    source: '§2.4',
  },
  submit_report: {
    label: 'Submit the investigation report',
    from: ['under_investigation'],
    source: '§2.1 reg 21; §2.8',
  },
  decide_case_to_answer: {
    label: 'Decide whether there is a case to answer',
    from: ['report_submitted'],
    source: '§2.8 reg 23',
  },
  refer_to_rprp: {
    label: 'Refer to reflective practice',
    from: ['assessed_pri', 'no_case_to_answer', ...CASE_TO_ANSWER, 'finding_recorded'],
    source: '§2.8, §2.11',
  },
  complete_rprp: { label: 'Complete reflective practice', from: ['rprp'], source: '§2.11' },
  schedule_meeting: { label: 'Arrange a misconduct meeting', from: [...CASE_TO_ANSWER], source: '§2.9' },
  schedule_hearing: { label: 'Arrange a misconduct hearing', from: [...CASE_TO_ANSWER], source: '§2.9' },
  schedule_accelerated_hearing: {
    label: 'Arrange an accelerated misconduct hearing',
    from: ['assessed_misconduct', 'assessed_gross_misconduct', 'under_investigation', ...CASE_TO_ANSWER],
    source: '§2.4, §2.10',
  },
  withdraw: { label: 'Withdraw the proceedings', from: [...SCHEDULED], source: '§2.8 reg 27' },
  record_finding: { label: 'Record the finding', from: [...SCHEDULED], source: '§2.9 reg 42' },
  record_sanction: { label: 'Record the sanction', from: ['finding_recorded'], source: '§2.9 reg 42' },
  lodge_appeal: { label: 'Lodge an appeal', from: ['finding_recorded'], source: '§2.13' },
  decide_appeal: { label: 'Record the appeal decision', from: ['appeal_pending'], source: '§2.13' },
  close: {
    label: 'Close',
    from: [
      'assessed_no_case',
      'referred_to_vetting',
      'no_case_to_answer',
      ...CASE_TO_ANSWER,
      'finding_recorded',
      'withdrawn',
    ],
    source: '§2.8',
  },
});

export const STATUS_LABELS: Readonly<Record<AllegationStatus, string>> = Object.freeze({
  received: 'received and not yet assessed',
  assessed_no_case: 'assessed as no case (no further action)',
  assessed_pri: 'assessed as practice requiring improvement',
  assessed_misconduct: 'assessed as misconduct',
  assessed_gross_misconduct: 'assessed as gross misconduct',
  referred_to_vetting: 'referred to the vetting process',
  referred_to_iopc: 'referred to the IOPC',
  under_investigation: 'under investigation',
  report_submitted: 'awaiting the case-to-answer decision',
  no_case_to_answer: 'no case to answer',
  case_to_answer_misconduct: 'a case to answer for misconduct',
  case_to_answer_gross_misconduct: 'a case to answer for gross misconduct',
  rprp: 'in reflective practice',
  meeting_scheduled: 'awaiting a misconduct meeting',
  hearing_scheduled: 'awaiting a misconduct hearing',
  accelerated_hearing_scheduled: 'awaiting an accelerated hearing',
  finding_recorded: 'decided by the proceedings',
  appeal_pending: 'under appeal',
  withdrawn: 'withdrawn',
  closed: 'closed',
});
