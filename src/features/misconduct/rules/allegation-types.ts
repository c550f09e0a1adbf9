import type { PeriodKey } from '../../../kernel/time/periods.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { RegimeVersion } from '../../../kernel/time/regime.ts';
import type { PersonType } from './subject-standing.ts';

/**
 * The vocabulary of the allegation track (§2.4, §2.8–2.11, §2.13, §2.18). Kept apart from the transition
 * rules so screens, storage and tests share one spelling of every state, action, finding and sanction.
 */

export const ALLEGATION_STATUSES = [
  'received',
  'assessed_no_case',
  'assessed_pri',
  'assessed_misconduct',
  'assessed_gross_misconduct',
  'referred_to_vetting',
  'referred_to_iopc',
  'under_investigation',
  'report_submitted',
  'no_case_to_answer',
  'case_to_answer_misconduct',
  'case_to_answer_gross_misconduct',
  'rprp',
  'meeting_scheduled',
  'hearing_scheduled',
  'accelerated_hearing_scheduled',
  'finding_recorded',
  'appeal_pending',
  'withdrawn',
  'closed',
] as const;
export type AllegationStatus = (typeof ALLEGATION_STATUSES)[number];

export const ACTION_TYPES = [
  'assess_severity',
  'record_referral_check',
  'record_iopc_mode',
  'serve_reg17_notice',
  'start_investigation',
  'submit_report',
  'decide_case_to_answer',
  'refer_to_rprp',
  'complete_rprp',
  'schedule_meeting',
  'schedule_hearing',
  'schedule_accelerated_hearing',
  'withdraw',
  'record_finding',
  'record_sanction',
  'lodge_appeal',
  'decide_appeal',
  'close',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Severity assessment outcomes (reg 14, §2.4); 'vetting_referral' only from 28 May 2025. */
export type Severity = 'none' | 'pri' | 'misconduct' | 'gross_misconduct' | 'vetting_referral';
/** IOPC mode of investigation (§2.5), or the matter returned to the appropriate authority to handle. */
export type IopcMode = 'local' | 'directed' | 'independent' | 'returned';
export type CaseToAnswerOutcome = 'no_case' | 'misconduct' | 'gross_misconduct';
export type ProceedingsForm = 'meeting' | 'hearing' | 'accelerated_hearing';
/** What misconduct proceedings may find (§2.9). */
export type RecordedFinding = 'not_proven' | 'misconduct' | 'gross_misconduct';
/** As stored: a former officer's gross misconduct is recorded as 'would_have_been_dismissed' (§2.14). */
export type Finding = RecordedFinding | 'would_have_been_dismissed';

/**
 * Sanctions under the 2020 Regulations (§2.9 (Conduct Regs 2020 reg 42)). Management advice (2012) was abolished in 2020
 * (§2.3 (Conduct Regs 2020 Part 6, as explained by UK Police Law Blog)) and there is no dismissal WITH notice under the 2020 Regulations (§2.9 (Conduct Regs 2012 reg 35)).
 */
export const SANCTIONS = [
  'written_warning',
  'final_written_warning',
  'reduction_in_rank',
  'dismissal_without_notice',
] as const;
export type Sanction = (typeof SANCTIONS)[number];

export type WithdrawalRoute = 'no_further_action' | 'rprp' | 'performance_regulations';
export type CloseRoute = 'no_further_action' | 'performance_regulations';
export type FullHearingReason = 'officer_opted_for_full_hearing' | 'authority_decided_full_hearing_needed';
export type AppealOutcome = 'dismissed' | 'finding_overturned' | 'sanction_varied';
/** Conduct Regs reg 62(8): an accelerated hearing that does not find gross misconduct dismisses or returns the case. */
export const ACCELERATED_OUTCOMES = ['dismiss_case', 'return_to_authority'] as const;
export type AcceleratedOutcome = (typeof ACCELERATED_OUTCOMES)[number];

export type AllegationAction =
  | { type: 'assess_severity'; severity: Severity }
  | { type: 'record_referral_check'; referable: boolean }
  | { type: 'record_iopc_mode'; mode: IopcMode }
  | { type: 'serve_reg17_notice' }
  | { type: 'start_investigation' }
  | { type: 'submit_report' }
  | { type: 'decide_case_to_answer'; outcome: CaseToAnswerOutcome }
  | { type: 'refer_to_rprp' }
  | { type: 'complete_rprp' }
  | { type: 'schedule_meeting' }
  /** `fullHearingReason` is needed only for a former officer's gross misconduct from 28 May 2025 (§2.10). */
  | { type: 'schedule_hearing'; fullHearingReason?: FullHearingReason }
  | { type: 'schedule_accelerated_hearing'; specialConditionsCertified: boolean }
  | { type: 'withdraw'; route: WithdrawalRoute }
  /**
   * `acceleratedOutcome`: what an accelerated hearing that does not find gross misconduct does instead — dismiss
   * the case, or return it to the appropriate authority under Part 4 (Conduct Regs reg 62(8)).
   */
  | {
      type: 'record_finding';
      finding: RecordedFinding;
      acceleratedOutcome?: AcceleratedOutcome;
      /** The officer admitted the conduct: any appeal is then against the sanction only (Conduct Regs reg 45). */
      admitted?: boolean;
    }
  /** `exceptionalCircumstances` is the rationale for a lesser sanction under the presumption of dismissal. */
  /** `finalWrittenWarningYears`: the panel's length for a final written warning, 2 to 5 (reg 62(4)). */
  | {
      type: 'record_sanction';
      sanction: Sanction;
      exceptionalCircumstances?: string;
      finalWrittenWarningYears?: number;
    }
  | { type: 'lodge_appeal' }
  /** `sanction` is the substituted sanction when `outcome` is 'sanction_varied'. */
  | { type: 'decide_appeal'; outcome: AppealOutcome; sanction?: Sanction }
  | { type: 'close'; route?: CloseRoute };

/** What the workflow itself remembers about an allegation: its status and the decisions taken so far. */
export interface AllegationState {
  status: AllegationStatus;
  reg17NoticeServed: boolean;
  severity?: Severity;
  referral?: 'not_referable' | 'referred';
  iopcMode?: IopcMode;
  caseToAnswer?: CaseToAnswerOutcome;
  form?: ProceedingsForm;
  finding?: Finding;
  sanction?: Sanction;
  exceptionalCircumstances?: string;
  appeal?: 'lodged' | AppealOutcome;
  /** The officer admitted the conduct at the finding: an appeal is against the sanction only (reg 45). */
  admitted?: boolean;
  /** Set when an accelerated hearing did not find gross misconduct (Conduct Regs reg 62(8)). */
  acceleratedOutcome?: AcceleratedOutcome;
}

/** Facts decided outside the workflow that change what it allows. */
export interface AllegationContext {
  /** From `regimeFor(cameToAttentionOn)` or stored on the case. */
  regime: RegimeVersion;
  /** 'former' once the officer has resigned or retired (§2.14). */
  subject: 'serving' | 'former';
  /** A final written warning was in force at the severity assessment (§2.9). */
  finalWrittenWarningInForce: boolean;
  /** The misconduct arises from multiple unconnected incidents (§2.9). */
  multipleUnconnectedIncidents: boolean;
  /** From the person record at the relevant date; staff and volunteers are refused the officer track. */
  personType?: PersonType;
  /** False when no lower rank exists (a constable, a special, no rank recorded) — reg 62(6). Unknown: not checked. */
  lowerRankExists?: boolean;
  /** A reduction in rank was already given to this subject in the same case (reg 62(7)). */
  alreadyReducedInRank?: boolean;
  /**
   * Whether a former officer goes to an accelerated hearing by default, decided per allegation by
   * SI 2025/558 reg 64(3) (transitional.ts). Unknown: the regime's own feature decides.
   */
  formerOfficerAcceleratedRule?: boolean;
  /** The date of the subject's conviction for an indictable-only offence, from the criminal proceedings record. */
  indictableOnlyConvictionOn?: IsoDate;
  /** For a former officer: when they left, when the matter came to attention, and any IOPC special determination. */
  formerOfficer?: { leftOn: IsoDate; cameToAttentionOn: IsoDate; iopcSpecialDetermination: boolean };
}

/** When a started clock's period begins (the words of each period are in clocks/periods.ts). */
export type ClockAnchor =
  'this_event' | 'came_to_attention' | 'report_received_by_officer' | 'documents_supplied_to_chair';

export type NoticeKind =
  | 'severity_assessment_changed'
  | 'referral_to_proceedings'
  | 'withdrawal'
  | 'rprp_reasons'
  | 'outcome'
  | 'outcome_and_appeal_rights';

/**
 * What the caller must do after a successful transition. `start_clock` is idempotent: the caller keeps
 * at most one running clock per period per allegation.
 */
export type WorkflowEffect =
  /** `amount` replaces the period's configured amount (a final written warning's length set by the panel). */
  | {
      kind: 'start_clock';
      period: PeriodKey;
      anchor: ClockAnchor;
      owner?: 'appropriate_authority' | 'iopc';
      amount?: number;
    }
  /** 'met' (the default): the thing counted down to happened; 'superseded': a later step made it moot. */
  | { kind: 'stop_clock'; period: PeriodKey; outcome?: 'met' | 'superseded' }
  | { kind: 'give_notice'; notice: NoticeKind }
  | { kind: 'refer_to_iopc' }
  | { kind: 'refer_to_vetting_process' }
  | { kind: 'refer_to_performance_regulations' }
  | { kind: 'appoint_hearing_panel'; chair: 'chief_officer_or_delegate' | 'legally_qualified_chair' }
  | { kind: 'create_barred_list_return' }
  | { kind: 'barred_list_further_report' }
  | { kind: 'create_advisory_list_return' };

export type TransitionResult =
  { ok: true; next: AllegationState; effects: readonly WorkflowEffect[] } | { ok: false; reason: string };
