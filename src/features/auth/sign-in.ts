import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { addMinutes } from '../../lib/dates.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requiresSecondFactor, isRole } from '../access/roles.ts';
import { decoyPasswordHash, passwordMatches } from './credentials.ts';
import { findUserByEmail, updateUser, type UserRow } from './accounts.repository.ts';
import { startSession, type SessionStage } from './sessions.ts';
import type { Db } from '../../db/client.ts';

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
  | { ok: true; sessionToken: string; stage: SessionStage }
  | { ok: false; reason: 'bad_credentials' | 'locked' | 'local_disabled'; message: string };

const BAD = 'Email address or password is incorrect';

/**
 * First step of signing in. Repeated failures (password or second factor) lock the account for a
 * configured time; every failure and lock-out is audited. The answer for an unknown email is the same
 * as for a wrong password.
 */
export async function signIn(
  deps: Deps,
  input: z.infer<typeof signInInput>,
  requestId: string | null,
): Promise<SignInResult> {
  const user = await findUserByEmail(deps.db, input.email);
  const now = deps.now();
  if (!user || !user.passwordHash || user.status !== 'active') {
    await passwordMatches(await decoyPasswordHash(), input.password);
    await deps.db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: null, label: input.email.toLowerCase(), requestId, forceId: user?.forceId ?? null },
        { type: 'user', id: user?.id ?? input.email.toLowerCase() },
        {
          type: 'user.sign_in_failed',
          email: input.email.toLowerCase(),
          reason: user ? 'not_active' : 'unknown_account',
        },
      ),
    );
    return { ok: false, reason: 'bad_credentials', message: BAD };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await deps.db.transaction((tx) => auditFailure(tx, user, requestId, 'locked'));
    return { ok: false, reason: 'locked', message: lockedMessage(deps) };
  }
  if (!(await passwordMatches(user.passwordHash, input.password))) {
    const locked = await deps.db.transaction((tx) => registerFailure(tx, deps, user, requestId, 'bad_password'));
    return locked
      ? { ok: false, reason: 'locked', message: lockedMessage(deps) }
      : { ok: false, reason: 'bad_credentials', message: BAD };
  }
  const role = isRole(user.role) ? user.role : 'officer';
  // With single sign-on and PROBITY_OIDC_LOCAL_SIGN_IN=0, staff sign in only through the provider (said only
  // after the right password, so the form tells no one else which accounts exist).
  if (deps.config.oidc && !deps.config.oidc.localSignIn && requiresSecondFactor(role)) {
    await deps.db.transaction((tx) => auditFailure(tx, user, requestId, 'local_disabled'));
    return {
      ok: false,
      reason: 'local_disabled',
      message: `Staff sign in through their organisation: use “${deps.config.oidc.label}”.`,
    };
  }
  const stage: SessionStage = !requiresSecondFactor(role) ? 'full' : user.totpEnabledAt ? 'password' : 'totp_enrol';
  const sessionToken = await deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { failedSignIns: 0, lockedUntil: null });
    if (stage === 'full') {
      await recordAudit(
        tx,
        actorFor(user, requestId),
        { type: 'user', id: user.id },
        { type: 'user.signed_in', userId: user.id, method: 'password' },
      );
    }
    return startSession(tx, deps, user.id, stage);
  });
  return { ok: true, sessionToken, stage };
}

export function lockedMessage(deps: Deps): string {
  return `This account is locked after too many failed attempts. Try again in ${deps.config.lockout.minutes} minutes.`;
}

export function actorFor(user: UserRow, requestId: string | null) {
  return { userId: user.id, label: user.email, requestId, forceId: user.forceId };
}

async function auditFailure(
  tx: Db,
  user: UserRow,
  requestId: string | null,
  reason: 'bad_password' | 'bad_totp' | 'locked' | 'local_disabled',
) {
  await recordAudit(
    tx,
    actorFor(user, requestId),
    { type: 'user', id: user.id },
    { type: 'user.sign_in_failed', email: user.email, reason },
  );
}

/** Counts a failed attempt; returns true when this failure locked the account. */
export async function registerFailure(
  tx: Db,
  deps: Deps,
  user: UserRow,
  requestId: string | null,
  reason: 'bad_password' | 'bad_totp',
): Promise<boolean> {
  const failures = user.failedSignIns + 1;
  const lock = failures >= deps.config.lockout.threshold;
  const until = lock ? addMinutes(deps.now(), deps.config.lockout.minutes) : null;
  await updateUser(tx, user.id, { failedSignIns: lock ? 0 : failures, lockedUntil: until });
  await auditFailure(tx, user, requestId, reason);
  if (until) {
    await recordAudit(
      tx,
      actorFor(user, requestId),
      { type: 'user', id: user.id },
      { type: 'user.locked_out', userId: user.id, until: until.toISOString() },
    );
  }
  return lock;
}
