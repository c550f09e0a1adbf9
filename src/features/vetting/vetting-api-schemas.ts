import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';

/**
 * Response shapes of /api/v1/vetting. Request bodies are deliberately loose here (strings, numbers, lists):
 * the use case authorises first and then validates with its own schema, so a caller without the ability
 * gets the same 404 whatever they send, and a bad value gets the use case's message for its field.
 */

export const errors = apiErrors(400, 401, 404, 409, 422);
export const idParams = z.object({ id: z.string() });
export const created = z.object({ id: z.string().uuid() });

const str = z.string();
const opt = z.string().optional();
const date = z.string().nullable();

export const clearanceItem = z.object({
  id: z.string().uuid(),
  level: str,
  status: str.describe('As of today: an active clearance past its expiry is "expired"'),
  storedStatus: str,
  grantedOn: str,
  expiresOn: str,
  renewal: z.object({
    amount: z.number().int(),
    unit: str,
    confidence: z.enum(['V', 'R']),
    overridden: z.boolean(),
    source: str,
  }),
  conditions: str,
  applicationId: z.string().uuid().nullable(),
  endedOn: date,
  endedReason: z.string().nullable(),
});

export const requirementItem = z.object({
  level: str,
  because: str,
  postId: z.string().uuid().nullable(),
  reason: z.string().nullable(),
});

export const complianceItem = z.object({
  personId: z.string().uuid(),
  givenName: str,
  familyName: str,
  rank: z.string().nullable(),
  role: z.string().nullable(),
  unit: z.string().nullable(),
  reasons: z.array(str),
  valid: z.array(str),
  unmet: z.array(requirementItem),
});

export const postItem = z.object({
  id: z.string().uuid(),
  title: str,
  postingRole: str,
  unitId: z.string().uuid().nullable(),
  unitName: z.string().nullable(),
  requiredLevel: str,
  active: z.boolean(),
});

export const applicationListItem = z.object({
  id: z.string().uuid(),
  reference: str,
  kind: str,
  level: str,
  givenName: str,
  familyName: str,
  status: str,
  receivedOn: str,
  pendingChecks: z.number().int(),
  adverseItems: z.number().int(),
  pendingMatches: z.number().int(),
});

export const checkItem = z.object({
  id: z.string().uuid(),
  checkType: str,
  status: str,
  completedOn: date,
  notes: str,
  version: z.number().int(),
});

export const adverseItem = z.object({
  id: z.string().uuid(),
  checkId: z.string().uuid().nullable(),
  source: str,
  infoType: str,
  occurredOn: date,
  relation: str,
  severity: z.number().int(),
  credibility: z.number().int(),
  description: str,
  assessment: str,
  resolvedByDecisionId: z.string().uuid().nullable(),
  resolution: z.record(z.string(), z.string()).nullable(),
});

export const matchItem = z.object({
  id: z.string().uuid(),
  score: z.number(),
  reasons: z.array(str),
  decision: str,
  decidedOn: date,
  note: str,
  entry: z.object({
    list: str,
    origin: str,
    givenName: str,
    familyName: str,
    dateOfBirth: date,
    formerForce: str,
    rank: str,
    identifiers: z.array(str),
    reason: str,
    listedOn: date,
  }),
});

export const appealItem = z.object({
  id: z.string().uuid(),
  decisionId: z.string().uuid(),
  kind: str.describe('refusal, or withdrawal (its own route: /api/v1/vetting/withdrawal-appeals/:id)'),
  lodgedOn: str,
  grounds: str,
  panel: str,
  outcome: str,
  decidedOn: date,
  outcomeReasons: str,
  version: z.number().int(),
});

export const decisionItem = z.object({
  id: z.string().uuid(),
  applicationId: z.string().uuid().nullable(),
  reviewId: z.string().uuid().nullable(),
  personId: z.string().uuid().nullable(),
  outcome: str,
  decidedOn: str,
  rationale: str,
  conditions: str,
  reasonsForApplicant: str,
  appealWindowEndsOn: date,
  appeals: z.array(appealItem),
});

export const applicationDetail = z.object({
  id: z.string().uuid(),
  reference: str,
  kind: str,
  level: str,
  status: str,
  personId: z.string().uuid().nullable(),
  givenName: str,
  familyName: str,
  formerNames: z.array(str),
  dateOfBirth: str,
  formerNumbers: z.array(str),
  previousForce: z.string().nullable(),
  receivedOn: str,
  version: z.number().int(),
  decidable: z.boolean().describe('Whether a decision can be recorded now (open, or refused with an upheld appeal)'),
  clearanceId: z.string().uuid().nullable(),
  checks: z.array(checkItem),
  adverseInformation: z.array(adverseItem),
  matches: z.array(matchItem),
  decisions: z.array(decisionItem),
});

/** Loose request bodies (see the note above). */
export const bodies = {
  clearance: z.object({ level: opt, grantedOn: opt, conditions: opt }),
  post: z.object({ title: opt, postingRole: opt, unitId: z.string().nullable().optional(), requiredLevel: opt }),
  application: z.object({
    kind: opt,
    level: opt,
    personId: z.string().nullable().optional(),
    givenName: opt,
    familyName: opt,
    formerNames: z.array(str).optional(),
    dateOfBirth: opt,
    formerNumbers: z.array(str).optional(),
    previousForce: z.string().nullable().optional(),
    receivedOn: opt,
  }),
  check: z.object({ version: z.number().int().optional(), status: opt, completedOn: opt, notes: opt }),
  adverse: z.object({
    checkId: z.string().nullable().optional(),
    source: opt,
    infoType: opt,
    occurredOn: z.string().nullable().optional(),
    relation: opt,
    severity: z.number().int().optional(),
    credibility: z.number().int().optional(),
    description: opt,
    assessment: opt,
  }),
  match: z.object({ decision: opt, note: opt }),
  person: z.object({ version: z.number().int().optional(), personId: opt }),
  decision: z.object({
    version: z.number().int().optional(),
    outcome: opt,
    rationale: opt,
    conditions: opt,
    reasonsForApplicant: opt,
    items: z
      .record(z.string(), z.object({ relevance: opt, riskAssessment: opt, mitigation: opt, reason: opt }))
      .optional()
      .describe('The structured rationale of each adverse item, by item id'),
  }),
  appeal: z.object({ lodgedOn: opt, grounds: opt }),
  appealOutcome: z.object({
    version: z.number().int().optional(),
    panel: opt,
    outcome: opt,
    decidedOn: opt,
    reasons: opt,
  }),
  listImport: z.object({ list: opt, csv: opt.describe('The CSV text of the file (columns in docs/vetting.md)') }),
};
