import { blank, isoDateString } from '../../kernel/validation.ts';
import { z } from 'zod';
import { ACCELERATED_OUTCOMES, SANCTIONS } from './rules/allegation-types.ts';
import type { Ability } from '../../kernel/access/roles.ts';
import type { ActionType, AllegationAction } from './rules/allegation-types.ts';

/** The details each action needs, validated at the boundary (form or API) before the workflow sees them. */
export const allegationActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('assess_severity'),
    severity: z.enum(['none', 'pri', 'misconduct', 'gross_misconduct', 'vetting_referral'], {
      message: 'Choose the severity',
    }),
    rationale: z.string().trim().min(10, 'Give the reasons for the assessment in at least 10 characters').max(5000),
    finalWrittenWarningInForce: z.boolean().default(false),
    multipleUnconnectedIncidents: z.boolean().default(false),
    /** A former officer under Condition C needs the IOPC's special determination (Conduct Regs reg 4A). */
    iopcSpecialDetermination: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('record_referral_check'),
    referable: z.boolean(),
    criteria: z.array(z.string()).default([]),
    rationale: z.string().trim().max(5000).default(''),
  }),
  z.object({
    type: z.literal('record_iopc_mode'),
    mode: z.enum(['local', 'directed', 'independent', 'returned'], {
      message: 'Choose the mode of investigation the IOPC decided',
    }),
  }),
  z.object({
    type: z.literal('serve_reg17_notice'),
    /** The date the notice was given: the event date of this step, from which reg 18's period runs. */
    servedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date the notice was given in the format 2026-12-03')
      .optional(),
  }),
  z.object({ type: z.literal('start_investigation'), plan: z.string().trim().max(5000).default('') }),
  z.object({
    type: z.literal('submit_report'),
    summary: z.string().trim().min(10, 'Summarise the investigation report in at least 10 characters').max(10000),
  }),
  z.object({
    type: z.literal('decide_case_to_answer'),
    outcome: z.enum(['no_case', 'misconduct', 'gross_misconduct'], { message: 'Choose the decision' }),
    rationale: z.string().trim().min(10, 'Give the reasons in at least 10 characters').max(5000),
  }),
  z.object({ type: z.literal('refer_to_rprp') }),
  z.object({
    type: z.literal('complete_rprp'),
    report: z.string().trim().min(10, 'Summarise the reflective review development report').max(10000),
  }),
  z.object({
    type: z.literal('schedule_meeting'),
    date: isoDateString('Enter the date of the meeting'),
  }),
  z.object({
    type: z.literal('schedule_hearing'),
    date: isoDateString('Enter the date of the hearing'),
    inPublic: z.boolean().default(true),
    panel: z.string().trim().max(1000).default(''),
    fullHearingReason: z.enum(['officer_opted_for_full_hearing', 'authority_decided_full_hearing_needed']).optional(),
  }),
  z.object({
    type: z.literal('schedule_accelerated_hearing'),
    date: isoDateString('Enter the date of the hearing'),
    specialConditionsCertified: z.boolean(),
  }),
  z.object({
    type: z.literal('withdraw'),
    route: z.enum(['no_further_action', 'rprp', 'performance_regulations']),
    rationale: z.string().trim().min(10).max(5000),
  }),
  z.object({
    type: z.literal('record_finding'),
    finding: z.enum(['not_proven', 'misconduct', 'gross_misconduct'], { message: 'Choose the finding' }),
    acceleratedOutcome: z.enum(ACCELERATED_OUTCOMES).optional(),
    /** Whether the officer admitted the conduct; if so, an appeal is against the sanction only (reg 45). */
    admitted: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('record_sanction'),
    sanction: z.enum(SANCTIONS, { message: 'Choose the sanction' }),
    exceptionalCircumstances: z.string().trim().max(5000).optional(),
    /** A final written warning's length in years, set by the panel: 2 to 5 (Conduct Regs reg 62(4)). */
    finalWrittenWarningYears: z.preprocess(
      blank,
      z.coerce
        .number({ message: 'Enter the length in whole years, from 2 to 5' })
        .int('Enter the length in whole years, from 2 to 5')
        .min(2, 'A final written warning is in force for 2 to 5 years')
        .max(5, 'A final written warning is in force for 2 to 5 years')
        .optional(),
    ),
  }),
  z.object({
    type: z.literal('lodge_appeal'),
    grounds: z.string().trim().min(10, 'Give the grounds of appeal').max(5000),
  }),
  z.object({
    type: z.literal('decide_appeal'),
    outcome: z.enum(['dismissed', 'finding_overturned', 'sanction_varied']),
    sanction: z.enum(SANCTIONS).optional(),
  }),
  z.object({ type: z.literal('close'), route: z.enum(['no_further_action', 'performance_regulations']).optional() }),
]);

export type AllegationActionInput = z.infer<typeof allegationActionSchema>;

/**
 * The date an action's own form gives for the event, where it has one, and the name of that field: the
 * regulation 17 notice's "date the notice was given" is the date the representations clock runs from
 * (Conduct Regs reg 18), whatever day it is recorded. Null when the action has no such field.
 */
export function eventDateOf(a: AllegationActionInput): { field: string; on: string } | null {
  if (a.type === 'serve_reg17_notice' && a.servedOn) return { field: 'servedOn', on: a.servedOn };
  return null;
}

/**
 * Who may take each action: decisions the law gives the appropriate authority (severity, referral, case to
 * answer, form of proceedings, withdrawal, sanction recorded from the panel, closure) need `allegation.decide`;
 * investigation steps need `allegation.progress`.
 */
export const actionAbility: Record<ActionType, Ability> = {
  assess_severity: 'allegation.decide',
  record_referral_check: 'allegation.decide',
  record_iopc_mode: 'allegation.decide',
  serve_reg17_notice: 'allegation.progress',
  start_investigation: 'allegation.progress',
  submit_report: 'allegation.progress',
  decide_case_to_answer: 'allegation.decide',
  refer_to_rprp: 'allegation.decide',
  complete_rprp: 'allegation.progress',
  schedule_meeting: 'allegation.decide',
  schedule_hearing: 'allegation.decide',
  schedule_accelerated_hearing: 'allegation.decide',
  withdraw: 'allegation.decide',
  record_finding: 'allegation.decide',
  record_sanction: 'allegation.decide',
  lodge_appeal: 'allegation.progress',
  decide_appeal: 'allegation.decide',
  close: 'allegation.decide',
};

/** The workflow's own action: the details that only feed the record (rationale, dates) stay out of it. */
export function toWorkflowAction(a: AllegationActionInput): AllegationAction {
  switch (a.type) {
    case 'assess_severity':
      return { type: a.type, severity: a.severity };
    case 'record_referral_check':
      return { type: a.type, referable: a.referable };
    case 'record_iopc_mode':
      return { type: a.type, mode: a.mode };
    case 'decide_case_to_answer':
      return { type: a.type, outcome: a.outcome };
    case 'schedule_hearing':
      return a.fullHearingReason ? { type: a.type, fullHearingReason: a.fullHearingReason } : { type: a.type };
    case 'schedule_accelerated_hearing':
      return { type: a.type, specialConditionsCertified: a.specialConditionsCertified };
    case 'withdraw':
      return { type: a.type, route: a.route };
    case 'record_finding':
      return {
        type: a.type,
        finding: a.finding,
        ...(a.acceleratedOutcome ? { acceleratedOutcome: a.acceleratedOutcome } : {}),
        ...(a.admitted !== undefined ? { admitted: a.admitted } : {}),
      };
    case 'record_sanction':
      return {
        type: a.type,
        sanction: a.sanction,
        ...(a.exceptionalCircumstances ? { exceptionalCircumstances: a.exceptionalCircumstances } : {}),
        ...(a.finalWrittenWarningYears !== undefined ? { finalWrittenWarningYears: a.finalWrittenWarningYears } : {}),
      };
    case 'decide_appeal':
      return a.sanction
        ? { type: a.type, outcome: a.outcome, sanction: a.sanction }
        : { type: a.type, outcome: a.outcome };
    case 'close':
      return a.route ? { type: a.type, route: a.route } : { type: a.type };
    case 'serve_reg17_notice':
    case 'start_investigation':
    case 'submit_report':
    case 'refer_to_rprp':
    case 'complete_rprp':
    case 'schedule_meeting':
    case 'lodge_appeal':
      return { type: a.type };
    default: {
      const unknownAction: never = a;
      throw new Error(`unknown action ${JSON.stringify(unknownAction)}`);
    }
  }
}
