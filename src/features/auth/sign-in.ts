import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { requiresSecondFactor, isRole } from '../../kernel/access/roles.ts';
import { decoyPasswordHash, passwordMatches } from './credentials.ts';
import { findUserByEmail, type UserRow } from './accounts.repository.ts';
import { startSession, type SessionStage } from './sessions.ts';
import type { Db } from '../../db/client.ts';
import type { AuditEvent } from '../../kernel/audit/audit-events.ts';
import {
  recordSignInFailure,
  recordSignInSuccess,
  secondsBeforeAttempt,
  throttleFor,
  waitMessage,
  type SignInClient,
} from './sign-in-throttle.ts';

export const signInInput = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Enter your email address')
    .max(320)
    .email('Enter an email address in the correct format, like name@example.org'),
  password: z.string().min(1, 'Enter your password').max(1024),
});

export type SignInResult =
  | { ok: true; sessionToken: string; stage: SessionStage; deviceToken: string | null }
  | { ok: false; reason: 'bad_credentials' | 'local_disabled'; message: string }
  | { ok: false; reason: 'wait'; message: string; retryAfterSeconds: number };

const BAD = 'Email address or password is incorrect';

/**
 * First step of signing in. An unknown account, an account that is not active or locked, and a wrong
 * password get the same answer; repeated failures (password or second factor) slow attempts down per
 * account and per client address (sign-in-throttle.ts) — the same for an account that does not exist —
 * rather than locking the account, which anyone who knows the address could do. Every failure is audited.
 */
export async function signIn(
  deps: Deps,
  input: z.infer<typeof signInInput>,
  requestId: string | null,
  client: SignInClient,
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(deps.db, email);
  const now = deps.now();
  const throttle = await throttleFor(deps, email, user?.id, client);
  const wait = await secondsBeforeAttempt(deps, throttle);
  if (wait > 0) {
    // Not checked at all: neither the password nor whether the account exists.
    await deps.db.transaction((tx) => auditFailure(tx, user, email, requestId, 'throttled'));
    return { ok: false, reason: 'wait', message: waitMessage(wait), retryAfterSeconds: wait };
  }
  const usable = user && user.passwordHash && user.status === 'active' ? user : undefined;
  const locked = !!usable?.lockedUntil && usable.lockedUntil > now;
  // The password is checked even for an unknown or locked account (a decoy hash), so the time taken says nothing.
  const matches = await passwordMatches(usable?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!usable || locked || !matches) {
    const reason = !user ? 'unknown_account' : !usable ? 'not_active' : locked ? 'locked' : 'bad_password';
    await deps.db.transaction(async (tx) => {
      await recordSignInFailure(tx, deps, throttle);
      await auditFailure(tx, user, email, requestId, reason);
    });
    return { ok: false, reason: 'bad_credentials', message: BAD };
  }
  const role = isRole(usable.role) ? usable.role : 'officer';
  // With single sign-on and PROBITY_OIDC_LOCAL_SIGN_IN=0, staff sign in only through the provider (said only
  // after the right password, so the form tells no one else which accounts exist).
  if (deps.config.oidc && !deps.config.oidc.localSignIn && requiresSecondFactor(role)) {
    await deps.db.transaction((tx) => auditFailure(tx, usable, email, requestId, 'local_disabled'));
    return {
      ok: false,
      reason: 'local_disabled',
      message: `Staff sign in through their organisation: use “${deps.config.oidc.label}”.`,
    };
  }
  const stage: SessionStage = !requiresSecondFactor(role) ? 'full' : usable.totpEnabledAt ? 'password' : 'totp_enrol';
  return deps.db.transaction(async (tx) => {
    let deviceToken: string | null = null;
    // The count starts again only when sign-in is complete: a password alone does not reset the second factor's.
    if (stage === 'full') {
      deviceToken = await recordSignInSuccess(tx, deps, throttle, usable.id);
      await recordAudit(
        tx,
        actorFor(usable, requestId),
        { type: 'user', id: usable.id },
        { type: 'user.signed_in', userId: usable.id, method: 'password' },
      );
    }
    const sessionToken = await startSession(tx, deps, usable.id, stage);
    return { ok: true as const, sessionToken, stage, deviceToken };
  });
}

export function actorFor(user: UserRow, requestId: string | null) {
  return { userId: user.id, label: user.email, requestId, forceId: user.forceId };
}

type FailureReason = Extract<AuditEvent, { type: 'user.sign_in_failed' }>['reason'];

export async function auditFailure(
  tx: Db,
  user: UserRow | undefined,
  email: string,
  requestId: string | null,
  reason: FailureReason,
) {
  await recordAudit(
    tx,
    user ? actorFor(user, requestId) : { userId: null, label: email, requestId, forceId: null },
    { type: 'user', id: user?.id ?? email },
    { type: 'user.sign_in_failed', email: user?.email ?? email, reason },
  );
}
