import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { sha256Hex } from '../../kernel/crypto.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { claimTotpStep, deleteSession, updateUser } from './accounts.repository.ts';
import { newTotpSecret, totpCodeStep, totpUri } from './credentials.ts';
import { actorFor, auditFailure } from './sign-in.ts';
import {
  recordSignInFailure,
  recordSignInSuccess,
  secondsBeforeAttempt,
  throttleFor,
  waitMessage,
  type SignInClient,
} from './sign-in-throttle.ts';
import { startSession, type ResolvedSession } from './sessions.ts';

export const codeInput = z.object({
  code: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app')),
});

export type FactorResult =
  | { ok: true; sessionToken: string; deviceToken: string | null }
  | { ok: false; message: string; retryAfterSeconds?: number };

/**
 * Second step of signing in. A wrong code counts like a wrong password (the same slow-down, per account
 * and address), and while a wait runs no code is checked. On success the half-signed-in session is replaced
 * by a new full one (a fresh token, so a token seen before sign-in is worthless after it).
 */
export async function verifySecondFactor(
  deps: Deps,
  session: ResolvedSession,
  oldToken: string,
  code: string,
  requestId: string | null,
  client: SignInClient,
): Promise<FactorResult> {
  const user = session.user;
  if (session.stage !== 'password' || !user.totpSecret || !user.totpEnabledAt)
    return { ok: false, message: 'Sign in again.' };
  const throttle = await throttleFor(deps, user.email, user.id, client);
  const wait = await secondsBeforeAttempt(deps, throttle);
  if (wait > 0) {
    await deps.db.transaction((tx) => auditFailure(tx, user, user.email, requestId, 'throttled'));
    return { ok: false, message: waitMessage(wait), retryAfterSeconds: wait };
  }
  const step = await totpCodeStep(user.totpSecret, code, user.totpLastStep);
  if (step === null || !(await claimTotpStep(deps.db, user.id, step))) {
    await deps.db.transaction(async (tx) => {
      await recordSignInFailure(tx, deps, throttle);
      await auditFailure(tx, user, user.email, requestId, 'bad_totp');
    });
    return { ok: false, message: 'The code is not correct. Enter the current code from your authenticator app.' };
  }
  return deps.db.transaction(async (tx) => {
    await deleteSession(tx, sha256Hex(oldToken));
    const deviceToken = await recordSignInSuccess(tx, deps, throttle, user.id);
    await recordAudit(
      tx,
      actorFor(user, requestId),
      { type: 'user', id: user.id },
      { type: 'user.signed_in', userId: user.id, method: `${session.firstFactor}+totp` },
    );
    return {
      ok: true as const,
      sessionToken: await startSession(tx, deps, user.id, 'full', session.firstFactor),
      deviceToken,
    };
  });
}

/** The secret being enrolled: created on first view and kept until confirmed, so a reload shows the same one. */
export async function beginEnrolment(deps: Deps, session: ResolvedSession): Promise<{ secret: string; uri: string }> {
  let secret = session.user.totpSecret;
  if (!secret) {
    secret = newTotpSecret();
    await updateUser(deps.db, session.user.id, { totpSecret: secret });
  }
  return { secret, uri: totpUri(secret, session.user.email) };
}

export async function confirmEnrolment(
  deps: Deps,
  session: ResolvedSession,
  oldToken: string,
  code: string,
  requestId: string | null,
  client: SignInClient,
): Promise<FactorResult> {
  const user = session.user;
  if (session.stage !== 'totp_enrol' || !user.totpSecret) return { ok: false, message: 'Sign in again.' };
  const step = await totpCodeStep(user.totpSecret, code, user.totpLastStep);
  if (step === null || !(await claimTotpStep(deps.db, user.id, step))) {
    return { ok: false, message: 'The code is not correct. Check the time on your phone and enter the current code.' };
  }
  const throttle = await throttleFor(deps, user.email, user.id, client);
  return deps.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { totpEnabledAt: deps.now() });
    await deleteSession(tx, sha256Hex(oldToken));
    const deviceToken = await recordSignInSuccess(tx, deps, throttle, user.id);
    const actor = actorFor(user, requestId);
    await recordAudit(tx, actor, { type: 'user', id: user.id }, { type: 'user.totp_enrolled', userId: user.id });
    await recordAudit(
      tx,
      actor,
      { type: 'user', id: user.id },
      { type: 'user.signed_in', userId: user.id, method: `${session.firstFactor}+totp` },
    );
    return {
      ok: true as const,
      sessionToken: await startSession(tx, deps, user.id, 'full', session.firstFactor),
      deviceToken,
    };
  });
}
