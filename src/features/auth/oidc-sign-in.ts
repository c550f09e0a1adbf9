import type { Deps } from '../../kernel/deps.ts';
import type { OidcConfig } from '../../kernel/config/config.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { isRole, requiresSecondFactor } from '../../kernel/access/roles.ts';
import { findUserByEmail, findUserByOidcSubject, updateUser, type UserRow } from './accounts.repository.ts';
import {
  OIDC_TRANSACTION_MINUTES,
  authorizationRequest,
  exchangeCode,
  openTransaction,
  sealTransaction,
} from './oidc-client.ts';
import { mappedRole, providerAssertedMfa, stringClaim } from './oidc-claims.ts';
import { startSession, type SessionStage } from './sessions.ts';
import { actorFor } from './sign-in.ts';

/** Single sign-on is configured, or the route does not exist for this installation. */
export function oidcConfigOf(deps: Deps): OidcConfig {
  if (!deps.config.oidc) throw new AppError('not_found', 'Single sign-on is not set up here.');
  return deps.config.oidc;
}

/** First leg: where to send the browser, and the sealed transaction for the cookie. */
export async function beginOidcSignIn(deps: Deps, next: string): Promise<{ url: string; sealed: string }> {
  const oidc = oidcConfigOf(deps);
  const { url, transaction } = await authorizationRequest(oidc, next, deps.now());
  return { url: url.href, sealed: sealTransaction(oidc, transaction) };
}

export type OidcSignInResult =
  | { ok: true; sessionToken: string; stage: SessionStage; next: string }
  | {
      ok: false;
      reason: 'expired' | 'refused' | 'unknown_account' | 'not_active' | 'subject_conflict';
      message: string;
      /** Why, for the log (never shown: it may name the provider's internals). */
      detail?: string;
    };

const MESSAGES = {
  expired: 'Signing in took too long or was started in another window. Start again.',
  refused: 'Signing in through your organisation did not complete. Start again.',
  unknown_account: 'There is no Probity account for you. Ask your Probity administrator to create one.',
  not_active: 'Your Probity account is not active. Ask your Probity administrator.',
  subject_conflict: 'Your Probity account is linked to another sign-in. Ask your Probity administrator.',
} as const;

/**
 * Second leg, at the callback. The provider's answer is checked (state, PKCE, nonce, ID token) before any
 * account is looked at. The account is found by the provider's stable subject (`sub`); only an account not
 * yet linked, and only when the configuration allows it, is found by its e-mail claim on this first sign-in
 * (and linked from then on). Roles stay Probity's, unless a group → role mapping is configured. If the
 * provider asserts multi-factor authentication in `amr`, the session is full; otherwise Probity asks for its
 * own code (or enrolment) as after a password. Every outcome is audited.
 */
export async function completeOidcSignIn(
  deps: Deps,
  input: { query: string; sealed: string | undefined },
  requestId: string | null,
): Promise<OidcSignInResult> {
  const oidc = oidcConfigOf(deps);
  const transaction = openTransaction(oidc, input.sealed);
  const now = deps.now();
  if (!transaction || now.getTime() - transaction.startedAt > OIDC_TRANSACTION_MINUTES * 60_000) {
    await deps.db.transaction((tx) => auditFailure(tx, null, '', 'oidc_expired', requestId));
    return { ok: false, reason: 'expired', message: MESSAGES.expired };
  }
  let claims: Record<string, unknown> & { sub: string };
  try {
    claims = await exchangeCode(oidc, input.query, transaction);
  } catch (err) {
    await deps.db.transaction((tx) => auditFailure(tx, null, '', 'oidc_failed', requestId));
    return { ok: false, reason: 'refused', message: MESSAGES.refused, detail: (err as Error).message };
  }
  const email = stringClaim(claims, oidc.emailClaim)?.toLowerCase() ?? '';
  const mfa = providerAssertedMfa(claims['amr'], oidc.mfaAmr);
  const role = mappedRole(claims[oidc.groupsClaim], oidc.groupRoles);

  return deps.db.transaction(async (tx): Promise<OidcSignInResult> => {
    let user = await findUserByOidcSubject(tx, claims.sub);
    let linked = false;
    if (!user && oidc.matchEmail && email && claims['email_verified'] !== false) {
      const byEmail = await findUserByEmail(tx, email);
      if (byEmail?.oidcSubject) {
        await auditFailure(tx, byEmail, email, 'oidc_subject_conflict', requestId);
        return { ok: false, reason: 'subject_conflict', message: MESSAGES.subject_conflict };
      }
      if (byEmail) {
        user = byEmail;
        linked = true;
      }
    }
    if (!user) {
      await auditFailure(tx, null, email, 'unknown_account', requestId);
      return { ok: false, reason: 'unknown_account', message: MESSAGES.unknown_account };
    }
    // A disabled account stays shut; an account created but never set up is activated by the provider's word.
    if (user.status === 'disabled' || (user.lockedUntil && user.lockedUntil > now)) {
      await auditFailure(tx, user, user.email, user.status === 'disabled' ? 'not_active' : 'locked', requestId);
      return { ok: false, reason: 'not_active', message: MESSAGES.not_active };
    }
    const actor = actorFor(user, requestId);
    const target = { type: 'user' as const, id: user.id };
    const changes: Parameters<typeof updateUser>[2] = {};
    const audited: Record<string, { from: string | null; to: string | null }> = {};
    if (linked) changes.oidcSubject = claims.sub;
    if (user.status === 'pending') {
      changes.status = 'active';
      audited['status'] = { from: 'pending', to: 'active' };
    }
    if (role && role !== user.role) {
      changes.role = role;
      audited['role'] = { from: user.role, to: role };
    }
    if (Object.keys(changes).length) {
      await updateUser(tx, user.id, { ...changes, version: user.version + 1 });
      user = { ...user, ...changes };
    }
    if (linked) await recordAudit(tx, actor, target, { type: 'user.oidc_linked', userId: user.id, matchedBy: 'email' });
    if (Object.keys(audited).length)
      await recordAudit(tx, actor, target, { type: 'user.updated', userId: user.id, changes: audited });
    const stage = stageAfterProvider(user, mfa);
    if (stage === 'full')
      await recordAudit(tx, actor, target, {
        type: 'user.signed_in',
        userId: user.id,
        method: mfa ? 'oidc+mfa' : 'oidc',
      });
    const sessionToken = await startSession(tx, deps, user.id, stage, 'oidc');
    return { ok: true, sessionToken, stage, next: transaction.next };
  });
}

/** Staff need a second factor: the provider's, when it asserts one, or else Probity's own. */
function stageAfterProvider(user: UserRow, mfa: boolean): SessionStage {
  const role = isRole(user.role) ? user.role : 'officer';
  if (!requiresSecondFactor(role) || mfa) return 'full';
  return user.totpEnabledAt ? 'password' : 'totp_enrol';
}

/** A refused single sign-on, in the caller's transaction. */
async function auditFailure(
  tx: Db,
  user: UserRow | null,
  email: string,
  reason: 'oidc_expired' | 'oidc_failed' | 'unknown_account' | 'not_active' | 'locked' | 'oidc_subject_conflict',
  requestId: string | null,
): Promise<void> {
  await recordAudit(
    tx,
    user ? actorFor(user, requestId) : { userId: null, label: email || 'single sign-on', requestId, forceId: null },
    { type: 'user', id: user?.id ?? (email || 'single-sign-on') },
    { type: 'user.sign_in_failed', email, reason },
  );
}
