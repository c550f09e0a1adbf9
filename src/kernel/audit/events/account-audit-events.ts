import { z } from 'zod';

/**
 * The audit events of people records, accounts, sign-in, API tokens and the audit log's own searches, joined
 * into the one typed union in audit-events.ts (in this order).
 */
const uuid = z.string().uuid();

export const accountAuditEvents = [
  z.object({ type: z.literal('person.viewed'), personId: uuid }),
  z.object({
    type: z.literal('person.searched'),
    query: z.string(),
    filters: z.record(z.string(), z.string()),
    resultCount: z.number().int(),
  }),
  z.object({
    type: z.literal('person.merged'),
    mergeId: uuid,
    survivorId: uuid,
    mergedId: uuid,
    reason: z.string(),
  }),
  z.object({
    type: z.literal('person.unmerged'),
    mergeId: uuid,
    survivorId: uuid,
    mergedId: uuid,
    reason: z.string(),
  }),
  // A career break on the person record (people/record-career-break.ts): it extends a warning in force.
  z.object({
    type: z.literal('person.career_break_recorded'),
    personId: uuid,
    careerBreakId: uuid,
    startsOn: z.string(),
    endsOn: z.string().nullable(),
  }),
  z.object({ type: z.literal('person.career_break_ended'), personId: uuid, careerBreakId: uuid, endsOn: z.string() }),
  z.object({ type: z.literal('user.created'), userId: uuid, email: z.string(), role: z.string() }),
  z.object({ type: z.literal('user.setup_link_issued'), userId: uuid }),
  // Account administration (features/admin): what changed, never a secret.
  z.object({
    type: z.literal('user.updated'),
    userId: uuid,
    changes: z.record(z.string(), z.object({ from: z.string().nullable(), to: z.string().nullable() })),
  }),
  z.object({ type: z.literal('user.disabled'), userId: uuid, sessionsEnded: z.number().int() }),
  z.object({ type: z.literal('user.enabled'), userId: uuid }),
  z.object({ type: z.literal('user.second_factor_reset'), userId: uuid, sessionsEnded: z.number().int() }),
  z.object({ type: z.literal('user.password_set'), userId: uuid }),
  z.object({ type: z.literal('user.totp_enrolled'), userId: uuid }),
  // Single sign-on (docs/sso.md): 'oidc+mfa' when the provider asserted multi-factor authentication (amr).
  z.object({
    type: z.literal('user.signed_in'),
    userId: uuid,
    method: z.enum(['password', 'password+totp', 'oidc', 'oidc+mfa', 'oidc+totp']),
  }),
  z.object({
    type: z.literal('user.sign_in_failed'),
    email: z.string(),
    reason: z.enum([
      'unknown_account',
      'bad_password',
      'bad_totp',
      'locked',
      'not_active',
      'local_disabled',
      'oidc_failed',
      'oidc_expired',
      'oidc_subject_conflict',
      'throttled',
    ]),
  }),
  /** An account linked to the provider's subject on its first single sign-on (matched by e-mail). */
  z.object({ type: z.literal('user.oidc_linked'), userId: uuid, matchedBy: z.literal('email') }),
  z.object({ type: z.literal('user.locked_out'), userId: uuid, until: z.string() }),
  z.object({
    type: z.literal('user.signed_out'),
    userId: uuid,
    everywhere: z.boolean(),
    sessionsEnded: z.number().int(),
  }),
  z.object({ type: z.literal('api_token.created'), userId: uuid, tokenId: uuid, name: z.string() }),
  z.object({ type: z.literal('api_token.revoked'), userId: uuid, tokenId: uuid }),
  z.object({
    type: z.literal('audit.searched'),
    filters: z.record(z.string(), z.string()),
    resultCount: z.number().int(),
  }),
] as const;
