import { describe, expect, it } from 'vitest';
import {
  ACTION_TYPES,
  ALLEGATION_STATUSES,
  type ActionType,
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
} from './allegation-types.ts';
import { allowedActions, transition } from './allegation-workflow.ts';

/**
 * The whole transition table, written out: for every fixture state (every status at least once, plus the
 * variants whose rules differ) and EVERY action, whether it is allowed. Changing a rule changes a row here.
 * For each cell the test also checks `transition` agrees: a refused action is refused for every sample
 * payload with a reason, and an allowed one succeeds for at least one sample payload.
 */

const CTX: AllegationContext = {
  regime: '2020+2025',
  subject: 'serving',
  finalWrittenWarningInForce: false,
  multipleUnconnectedIncidents: false,
};
const FORMER: AllegationContext = { ...CTX, subject: 'former' };
const WITH_FWW: AllegationContext = { ...CTX, finalWrittenWarningInForce: true };
const OLD: AllegationContext = { ...CTX, regime: '2012' };

const s = (status: AllegationState['status'], more: Partial<AllegationState> = {}): AllegationState => ({
  status,
  reg17NoticeServed: false,
  ...more,
});

interface Row {
  state: AllegationState;
  ctx: AllegationContext;
  allowed: readonly ActionType[];
}

const MATRIX: Record<string, Row> = {
  received: { state: s('received'), ctx: CTX, allowed: ['assess_severity', 'record_referral_check'] },
  assessed_no_case: {
    state: s('assessed_no_case', { severity: 'none' }),
    ctx: CTX,
    allowed: ['assess_severity', 'record_referral_check', 'close'],
  },
  assessed_pri: {
    state: s('assessed_pri', { severity: 'pri' }),
    ctx: CTX,
    allowed: ['assess_severity', 'record_referral_check', 'refer_to_rprp'],
  },
  assessed_misconduct: {
    state: s('assessed_misconduct', { severity: 'misconduct' }),
    ctx: CTX,
    allowed: ['assess_severity', 'record_referral_check', 'start_investigation'],
  },
  assessed_gross_misconduct: {
    state: s('assessed_gross_misconduct', { severity: 'gross_misconduct' }),
    ctx: CTX,
    allowed: ['assess_severity', 'record_referral_check', 'start_investigation', 'schedule_accelerated_hearing'],
  },
  referred_to_vetting: {
    state: s('referred_to_vetting', { severity: 'vetting_referral' }),
    ctx: CTX,
    allowed: ['close'],
  },
  referred_to_iopc: {
    state: s('referred_to_iopc', { severity: 'gross_misconduct', referral: 'referred' }),
    ctx: CTX,
    allowed: ['record_iopc_mode'],
  },
  'under_investigation (misconduct, no notice yet)': {
    state: s('under_investigation', { severity: 'misconduct' }),
    ctx: CTX,
    allowed: ['assess_severity', 'record_referral_check', 'serve_reg17_notice', 'submit_report'],
  },
  'under_investigation (gross, notice served, IOPC local)': {
    state: s('under_investigation', {
      severity: 'gross_misconduct',
      reg17NoticeServed: true,
      referral: 'referred',
      iopcMode: 'local',
    }),
    ctx: CTX,
    allowed: ['assess_severity', 'submit_report', 'schedule_accelerated_hearing'],
  },
  report_submitted: {
    state: s('report_submitted', { severity: 'misconduct' }),
    ctx: CTX,
    allowed: ['decide_case_to_answer'],
  },
  no_case_to_answer: {
    state: s('no_case_to_answer', { caseToAnswer: 'no_case' }),
    ctx: CTX,
    allowed: ['refer_to_rprp', 'close'],
  },
  case_to_answer_misconduct: {
    state: s('case_to_answer_misconduct', { caseToAnswer: 'misconduct' }),
    ctx: CTX,
    allowed: ['refer_to_rprp', 'schedule_meeting', 'close'],
  },
  'case_to_answer_misconduct (FWW in force)': {
    state: s('case_to_answer_misconduct', { caseToAnswer: 'misconduct' }),
    ctx: WITH_FWW,
    allowed: ['refer_to_rprp', 'schedule_hearing', 'close'],
  },
  case_to_answer_gross_misconduct: {
    state: s('case_to_answer_gross_misconduct', { caseToAnswer: 'gross_misconduct' }),
    ctx: CTX,
    allowed: ['refer_to_rprp', 'schedule_hearing', 'schedule_accelerated_hearing', 'close'],
  },
  rprp: { state: s('rprp'), ctx: CTX, allowed: ['complete_rprp'] },
  meeting_scheduled: {
    state: s('meeting_scheduled', { form: 'meeting' }),
    ctx: CTX,
    allowed: ['withdraw', 'record_finding'],
  },
  hearing_scheduled: {
    state: s('hearing_scheduled', { form: 'hearing' }),
    ctx: CTX,
    allowed: ['withdraw', 'record_finding'],
  },
  accelerated_hearing_scheduled: {
    state: s('accelerated_hearing_scheduled', { form: 'accelerated_hearing' }),
    ctx: CTX,
    allowed: ['withdraw', 'record_finding'],
  },
  'finding_recorded (misconduct, no sanction yet)': {
    state: s('finding_recorded', { form: 'hearing', finding: 'misconduct' }),
    ctx: CTX,
    allowed: ['record_sanction'],
  },
  'finding_recorded (misconduct, sanctioned)': {
    state: s('finding_recorded', { form: 'hearing', finding: 'misconduct', sanction: 'written_warning' }),
    ctx: CTX,
    allowed: ['lodge_appeal', 'close'],
  },
  'finding_recorded (not proven)': {
    state: s('finding_recorded', { form: 'hearing', finding: 'not_proven' }),
    ctx: CTX,
    allowed: ['refer_to_rprp', 'close'],
  },
  'finding_recorded (former officer, would have been dismissed)': {
    state: s('finding_recorded', { form: 'hearing', finding: 'would_have_been_dismissed' }),
    ctx: FORMER,
    allowed: ['lodge_appeal', 'close'],
  },
  'finding_recorded (appeal decided)': {
    state: s('finding_recorded', {
      form: 'meeting',
      finding: 'misconduct',
      sanction: 'written_warning',
      appeal: 'dismissed',
    }),
    ctx: CTX,
    allowed: ['close'],
  },
  appeal_pending: {
    state: s('appeal_pending', {
      form: 'hearing',
      finding: 'gross_misconduct',
      sanction: 'dismissal_without_notice',
      appeal: 'lodged',
    }),
    ctx: CTX,
    allowed: ['decide_appeal'],
  },
  withdrawn: { state: s('withdrawn'), ctx: CTX, allowed: ['close'] },
  closed: { state: s('closed'), ctx: CTX, allowed: [] },
  'no_case_to_answer (2012 Regulations: no RPRP)': {
    state: s('no_case_to_answer', { caseToAnswer: 'no_case' }),
    ctx: OLD,
    allowed: ['close'],
  },
  'finding_recorded (2012 Regulations: sanctions not modelled)': {
    state: s('finding_recorded', { form: 'hearing', finding: 'misconduct' }),
    ctx: OLD,
    allowed: ['lodge_appeal', 'close'],
  },
};

/** Every payload variant of every action, so "allowed" means some real request succeeds. */
const SAMPLES: Record<ActionType, readonly AllegationAction[]> = {
  assess_severity: (['none', 'pri', 'misconduct', 'gross_misconduct', 'vetting_referral'] as const).map((severity) => ({
    type: 'assess_severity',
    severity,
  })),
  record_referral_check: [
    { type: 'record_referral_check', referable: true },
    { type: 'record_referral_check', referable: false },
  ],
  record_iopc_mode: (['local', 'directed', 'independent', 'returned'] as const).map((mode) => ({
    type: 'record_iopc_mode',
    mode,
  })),
  serve_reg17_notice: [{ type: 'serve_reg17_notice' }],
  start_investigation: [{ type: 'start_investigation' }],
  submit_report: [{ type: 'submit_report' }],
  decide_case_to_answer: (['no_case', 'misconduct', 'gross_misconduct'] as const).map((outcome) => ({
    type: 'decide_case_to_answer',
    outcome,
  })),
  refer_to_rprp: [{ type: 'refer_to_rprp' }],
  complete_rprp: [{ type: 'complete_rprp' }],
  schedule_meeting: [{ type: 'schedule_meeting' }],
  schedule_hearing: [
    { type: 'schedule_hearing' },
    { type: 'schedule_hearing', fullHearingReason: 'officer_opted_for_full_hearing' },
  ],
  schedule_accelerated_hearing: [
    { type: 'schedule_accelerated_hearing', specialConditionsCertified: true },
    { type: 'schedule_accelerated_hearing', specialConditionsCertified: false },
  ],
  withdraw: (['no_further_action', 'rprp', 'performance_regulations'] as const).map((route) => ({
    type: 'withdraw',
    route,
  })),
  record_finding: (['not_proven', 'misconduct', 'gross_misconduct'] as const).map((finding) => ({
    type: 'record_finding',
    finding,
  })),
  record_sanction: [
    { type: 'record_sanction', sanction: 'written_warning' },
    {
      type: 'record_sanction',
      sanction: 'final_written_warning',
      exceptionalCircumstances: 'Long unblemished service; isolated lapse',
    },
    { type: 'record_sanction', sanction: 'reduction_in_rank' },
    { type: 'record_sanction', sanction: 'dismissal_without_notice' },
  ],
  lodge_appeal: [{ type: 'lodge_appeal' }],
  decide_appeal: [
    { type: 'decide_appeal', outcome: 'dismissed' },
    { type: 'decide_appeal', outcome: 'finding_overturned' },
    { type: 'decide_appeal', outcome: 'sanction_varied', sanction: 'final_written_warning' },
  ],
  close: [
    { type: 'close' },
    { type: 'close', route: 'no_further_action' },
    { type: 'close', route: 'performance_regulations' },
  ],
};

describe('allegation workflow — full state × action matrix', () => {
  it('covers every status and every action', () => {
    const statuses = new Set(Object.values(MATRIX).map((row) => row.state.status));
    expect([...statuses].sort()).toEqual([...ALLEGATION_STATUSES].sort());
    expect(Object.keys(SAMPLES).sort()).toEqual([...ACTION_TYPES].sort());
  });

  for (const [name, row] of Object.entries(MATRIX)) {
    describe(name, () => {
      it('lists exactly the expected actions', () => {
        expect(allowedActions(row.state, row.ctx)).toEqual(ACTION_TYPES.filter((t) => row.allowed.includes(t)));
      });

      for (const type of ACTION_TYPES) {
        const expected = row.allowed.includes(type);
        it(`${expected ? 'allows' : 'refuses'} ${type}`, () => {
          const results = SAMPLES[type].map((action) => transition(row.state, action, row.ctx));
          if (expected) {
            expect(results.some((r) => r.ok)).toBe(true);
          } else {
            for (const r of results) {
              expect(r.ok).toBe(false);
              if (!r.ok) expect(r.reason.length).toBeGreaterThan(10);
            }
          }
        });
      }
    });
  }
});
