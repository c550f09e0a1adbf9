import { z } from 'zod';
import { criminalEventKinds } from '../../db/schema/index.ts';

/** The shapes /api/v1/cases answers with and accepts beyond the use cases' own input schemas (cases.api.ts). */

export const caseParams = z.object({ id: z.string() });

/** One row of the case list. */
const caseListItem = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  summary: z.string(),
  source: z.string(),
  cameToAttentionOn: z.string(),
  confidentiality: z.string(),
  status: z.string(),
  leadInvestigator: z.string().nullable(),
  subjects: z.number().int(),
  allegations: z.number().int(),
});

/** A case with every allegation’s track, clocks, list returns and timeline. */
export const caseDetail = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  source: z.string(),
  caseType: z.string(),
  cameToAttentionOn: z.string(),
  regimeVersion: z.string(),
  confidentiality: z.string(),
  status: z.string(),
  summary: z.string(),
  leadInvestigatorId: z.string().uuid().nullable(),
  version: z.number().int(),
  subjects: z.array(
    z.object({
      id: z.string().uuid(),
      personId: z.string().uuid(),
      givenName: z.string(),
      familyName: z.string(),
      leftOn: z.string().nullable(),
      version: z.number().int(),
    }),
  ),
  allegations: z.array(
    z.object({
      id: z.string().uuid(),
      subjectId: z.string().uuid(),
      categoryCode: z.string(),
      standards: z.array(z.string()),
      description: z.string(),
      state: z.string(),
      statusLabel: z.string(),
      version: z.number().int(),
      track: z.record(z.string(), z.unknown()),
      actions: z.array(z.string()).describe('The actions this user may take on the allegation now'),
    }),
  ),
  clocks: z.array(
    z.object({
      period: z.string(),
      sequence: z.number().int(),
      dueOn: z.string(),
      state: z.string(),
      allegationId: z.string().uuid().nullable(),
    }),
  ),
  returns: z.array(
    z.object({
      id: z.string().uuid(),
      list: z.string(),
      subjectId: z.string().uuid(),
      triggeredOn: z.string(),
      submittedOn: z.string().nullable(),
      document: z.unknown(),
    }),
  ),
  timeline: z.array(
    z.object({
      allegationId: z.string().uuid(),
      action: z.string(),
      fromState: z.string(),
      toState: z.string(),
      occurredOn: z.string(),
      recordedAt: z.string(),
      actor: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});

/** The case list’s filters, search and sort (GET /api/v1/cases). */
export const caseListQuery = z.object({
  view: z.string().optional().describe('mine (default), unallocated or all'),
  status: z.string().optional().describe('open or closed'),
  q: z
    .string()
    .optional()
    .describe('Reference, words of the summary, a subject’s name, or any number a subject holds or has held'),
  category: z.string().optional().describe('An allegation category code; a parent finds its sub-categories'),
  stage: z.string().optional().describe('An allegation state, e.g. under_investigation'),
  lead: z.string().optional().describe('A lead investigator’s user id, or none'),
  source: z.string().optional(),
  confidentiality: z.string().optional().describe('normal or restricted'),
  from: z.string().optional().describe('Came to attention on or after (YYYY-MM-DD)'),
  to: z.string().optional().describe('Came to attention on or before (YYYY-MM-DD)'),
  sort: z.string().optional().describe('reference, received (default), lead, subjects or allegations'),
  dir: z.string().optional().describe('asc or desc'),
  page: z.string().optional(),
});

/** One page of the case list, with how far the count went. */
export const caseListPage = z.object({
  total: z.number().int().describe('Cases counted, up to PROBITY_CASE_LIST_COUNT_LIMIT (1,000 unless configured)'),
  moreThanTotal: z.boolean().describe('True when more cases match than `total`: narrow the filters to count them'),
  page: z.number().int(),
  pageCount: z
    .number()
    .int()
    .describe('Pages known; while moreThanTotal, one more than the current page when it is full'),
  items: z.array(caseListItem),
});

/** An allegation after one action: its new state and version, and what the action set off. */
export const allegationProgressed = z.object({
  allegationId: z.string().uuid(),
  state: z.string(),
  version: z.number().int(),
  effects: z.array(z.string()),
});

/** A step in criminal proceedings against a subject, with any sub judice period. */
export const criminalEventBody = z.object({
  subjectId: z.string(),
  kind: z.enum(criminalEventKinds),
  occurredOn: z.string(),
  details: z.string().optional(),
  indictableOnlyConviction: z.boolean().optional(),
  subJudiceFrom: z.string().optional(),
  subJudiceTo: z.string().optional(),
});

/** The recorded step and the clocks it paused. */
export const criminalEventRecorded = z.object({
  id: z.string().uuid(),
  adjustments: z.array(
    z.object({
      clockId: z.string().uuid(),
      period: z.string(),
      previousDueOn: z.string(),
      dueOn: z.string(),
      pausedDays: z.number().int(),
    }),
  ),
});

/** The draft regulation 19 report to the PCC. */
export const pccReportDraft = z.object({
  reference: z.string(),
  preparedOn: z.string(),
  relevantPeriodEnds: z.string().nullable(),
  cameToAttentionOn: z.string(),
  reg17NoticeServedOn: z.string().nullable(),
  progress: z.array(z.object({ subject: z.string(), status: z.string() })),
  subJudicePeriods: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable(), kind: z.string() })),
  mayPrejudice: z.boolean(),
});
