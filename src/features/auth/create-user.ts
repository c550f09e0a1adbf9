import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { randomToken, sha256Hex } from '../../kernel/crypto.ts';
import { addMinutes } from '../../kernel/time/dates.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findForce } from '../organisation/index.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { roles } from '../../kernel/access/roles.ts';
import { findUserByEmail, insertSetupToken, insertUser, type UserRow } from './accounts.repository.ts';
import { queueAccountEmail } from '../notifications/index.ts';

export const createUserInput = z.object({
  email: z.string().trim().toLowerCase().email('Enter an email address in the correct format'),
  role: z.enum(roles, { message: `Role must be one of: ${roles.join(', ')}` }),
  forceId: z.string().trim().min(1, 'Name the force'),
  displayName: z.string().trim().min(1).max(200).optional(),
  personId: z.string().uuid().nullable().optional(),
});

export type CreatedUser = { user: UserRow; setupLink: string };

/** Creates a pending account and a one-time set-up link; the account has no password until the link is used. */
export async function createUser(
  deps: Deps,
  actor: AuditActor,
  raw: z.input<typeof createUserInput>,
): Promise<CreatedUser> {
  const input = parseInput(createUserInput, raw);
  return deps.db.transaction(async (tx) => {
    const force = await findForce(tx, input.forceId);
    if (!force) throw new AppError('validation', `No force with id "${input.forceId}"`, { forceId: 'Unknown force' });
    if (await findUserByEmail(tx, input.email)) {
      throw new AppError('validation', `An account for ${input.email} already exists`, { email: 'Already in use' });
    }
    const user = await insertUser(tx, {
      email: input.email,
      role: input.role,
      forceId: input.forceId,
      displayName: input.displayName ?? input.email.split('@')[0] ?? input.email,
      personId: input.personId ?? null,
      status: 'pending',
    });
    const scoped = { ...actor, forceId: input.forceId };
    await recordAudit(
      tx,
      scoped,
      { type: 'user', id: user.id },
      { type: 'user.created', userId: user.id, email: user.email, role: user.role },
    );
    const setupLink = await issueSetupLink(tx, deps, scoped, user.id);
    await emailSetupLink(tx, deps, { ...user, purpose: 'new' }, setupLink);
    return { user, setupLink };
  });
}

/**
 * The set-up link by e-mail, queued in the outbox in the caller's transaction (sent at once whatever the
 * holder's digest choice). The link is the secret: it is in the e-mail only, never in an in-app notice.
 */
export async function emailSetupLink(
  tx: Db,
  deps: Deps,
  user: { id: string; email: string; forceId: string; purpose: 'new' | 'reset' },
  link: string,
): Promise<void> {
  const hours = deps.config.setupLinkHours;
  await queueAccountEmail(tx, deps, {
    userId: user.id,
    forceId: user.forceId,
    to: user.email,
    kind: user.purpose === 'new' ? 'account_setup' : 'account_reset',
    subject: user.purpose === 'new' ? 'Probity: set up your account' : 'Probity: set up your sign-in again',
    lines: [
      user.purpose === 'new'
        ? 'An account has been made for you in Probity, your force’s professional standards system.'
        : 'Your administrator has reset your sign-in to Probity: set a password and your authenticator app again.',
      `The link works once and for ${hours} hours. If you did not expect this message, tell your administrator.`,
    ],
    link,
    linkText: user.purpose === 'new' ? 'Set up your account' : 'Set up your sign-in',
    dedupeKey: `setup:${sha256Hex(link)}`,
  });
}

export async function issueSetupLink(tx: Db, deps: Deps, actor: AuditActor, userId: string): Promise<string> {
  const token = randomToken(32);
  await insertSetupToken(tx, {
    tokenHash: sha256Hex(token),
    userId,
    expiresAt: addMinutes(deps.now(), deps.config.setupLinkHours * 60),
  });
  await recordAudit(tx, actor, { type: 'user', id: userId }, { type: 'user.setup_link_issued', userId });
  return `${deps.config.publicUrl}/account/setup/${token}`;
}
