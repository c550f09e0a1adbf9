import { z } from 'zod';
import {
  complainantBases,
  complaintChannels,
  complaintHandlingRoutes,
  complaintInitialHandlings,
  complaintIopcDecisions,
  complaintSubjectKinds,
  contactMethods,
} from '../../db/schema/index.ts';
import { isoDateString } from '../../kernel/validation.ts';
import { OUTCOME_CODES } from './rules/outcomes.ts';
import { RECORDING_GROUNDS } from './rules/recording.ts';
import { REFERRAL_GROUNDS } from './rules/referral.ts';
import { REVIEW_GROUNDS } from './rules/review-body.ts';

/**
 * The inputs of the complaint use cases: the API's bodies (and the OpenAPI document), and what the page
 * handlers build from their forms. Each use case parses its schema, so every problem comes back as a 400
 * with one message per field and nothing written.
 */
export const isoDate = isoDateString('Enter a date in the format 2026-03-27');
const text = (max: number) => z.string().trim().max(max, `Use ${max} characters or fewer`);
const version = z.number({ message: 'Send the version you saw' }).int().positive();

export const complainantInput = z.object({
  name: text(200).min(1, 'Enter the complainant’s name'),
  basis: z.enum(complainantBases, { message: 'Say how the complainant was involved' }),
  representedBasis: z.enum(complainantBases).optional(),
  representedName: text(200).optional(),
  underSameChiefOfficer: z.boolean().default(false),
  onDutyAtTime: z.boolean().default(false),
  email: text(320).default(''),
  phone: text(40).default(''),
  address: text(1000).default(''),
  contactMethod: z.enum(contactMethods, { message: 'Choose how the complainant wants to be contacted' }),
  format: text(200).default(''),
  language: text(100).default(''),
  accessibilityNeeds: text(2000).default(''),
});

export const subjectInput = z.object({
  kind: z.enum(complaintSubjectKinds, { message: 'Say who the complaint is about' }),
  personId: z.string().uuid('Choose a person from the directory').optional(),
  description: text(1000).default(''),
});

export const allegationInput = z.object({
  /** Index into `subjects`: whom this allegation is about. */
  subject: z.number().int().min(0).default(0),
  categoryCode: text(100).min(1, 'Choose the category of the allegation'),
  description: text(5000).min(1, 'Describe the allegation'),
  incidentOn: isoDate.optional(),
  incidentPlace: text(500).default(''),
});

export const logComplaintBody = z.object({
  channel: z.enum(complaintChannels, { message: 'Say how the complaint was received' }),
  receivedOn: isoDate,
  loggedOn: isoDate,
  summary: text(5000).min(1, 'Summarise the complaint'),
  desiredOutcome: text(5000).default(''),
  complainants: z.array(complainantInput).min(1, 'Add at least one complainant').max(20),
  subjects: z.array(subjectInput).min(1, 'Say who or what the complaint is about').max(50),
  allegations: z.array(allegationInput).min(1, 'Add at least one allegation').max(100),
});
export type LogComplaintInput = z.input<typeof logComplaintBody>;

export const initialHandlingBody = z.object({
  version,
  contactMadeOn: isoDate,
  complainantWishes: text(5000).min(1, 'Record what the complainant wants'),
  complainantWantsRecorded: z.boolean({ message: 'Say whether the complainant wants it recorded' }),
  recordingGrounds: z.array(z.enum(RECORDING_GROUNDS)).max(RECORDING_GROUNDS.length).default([]),
  handling: z.enum(complaintInitialHandlings, { message: 'Choose how the complaint is handled' }),
  decidedOn: isoDate,
  reasons: text(10000).min(1, 'Give the reasons for the decision'),
});
export type InitialHandlingInput = z.input<typeof initialHandlingBody>;

export const referralBody = z.object({
  version,
  referralGrounds: z.array(z.enum(REFERRAL_GROUNDS)).max(REFERRAL_GROUNDS.length).default([]),
  referred: z.boolean({ message: 'Say whether the complaint was referred to the IOPC' }),
  decidedOn: isoDate,
  iopcDecision: z.enum(complaintIopcDecisions).optional(),
  iopcDecidedOn: isoDate.optional(),
  reasons: text(10000).min(1, 'Give the reasons for the decision'),
});
export type ReferralInput = z.input<typeof referralBody>;

export const handlingBody = z.object({
  version,
  route: z.enum(complaintHandlingRoutes, { message: 'Choose how the complaint is handled' }),
  startedOn: isoDate,
  reviewGrounds: z.array(z.enum(REVIEW_GROUNDS)).max(REVIEW_GROUNDS.length).default([]),
  reasons: text(10000).min(1, 'Say why this handling is reasonable and proportionate'),
});
export type HandlingInput = z.input<typeof handlingBody>;

export const outcomesBody = z.object({
  version,
  decidedOn: isoDate,
  notifiedOn: isoDate.optional(),
  outcomes: z
    .array(
      z.object({
        allegationId: z.string().uuid('Choose an allegation of this complaint'),
        outcome: z.enum(OUTCOME_CODES as [string, ...string[]], { message: 'Choose the outcome' }),
        actions: z
          .array(z.enum(OUTCOME_CODES as [string, ...string[]]))
          .max(OUTCOME_CODES.length)
          .default([]),
        notes: text(5000).default(''),
      }),
    )
    .min(1, 'Record an outcome for every allegation')
    .max(100),
  learning: text(10000).default(''),
  reasons: text(10000).min(1, 'Give the reasons for the outcome'),
});
export type OutcomesInput = z.input<typeof outcomesBody>;

export const withdrawalBody = z.object({
  version,
  withdrawnOn: isoDate,
  signedNotice: z.literal(true, { message: 'A withdrawal needs the complainant’s signed notice (reg 38)' }),
  reasons: text(5000).default(''),
});
export type WithdrawalInput = z.input<typeof withdrawalBody>;

export const complaintListQuery = z.object({
  status: z
    .enum(['logged', 'outside_schedule_3', 'recorded', 'referred', 'being_handled', 'finalised', 'withdrawn'])
    .optional(),
  q: text(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const progressUpdateBody = z.object({
  version,
  sentOn: isoDate,
  reasons: text(5000).default(''),
});
export type ProgressUpdateInput = z.input<typeof progressUpdateBody>;

export const outcomeNoticeBody = z.object({ version, notifiedOn: isoDate });
export type OutcomeNoticeInput = z.input<typeof outcomeNoticeBody>;
