import type { Deps } from '../../kernel/deps.ts';
import { randomToken, sha256Hex } from '../../kernel/crypto.ts';
import { addMinutes } from '../../kernel/time/dates.ts';
import type { Db } from '../../db/client.ts';
import { isRole } from '../../kernel/access/roles.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import {
  deleteSession,
  findSessionWithUser,
  insertSession,
  touchSession,
  updateUser,
  type UserRow,
} from './accounts.repository.ts';

export type SessionStage = 'password' | 'totp_enrol' | 'full';
/** How the first factor was given: Probity's password form or the OpenID Provider (docs/sso.md). */
export type FirstFactor = 'password' | 'oidc';

/** Creates a server-side session and returns the cookie token (only its hash is stored). */
export async function startSession(
  db: Db,
  deps: Deps,
  userId: string,
  stage: SessionStage,
  firstFactor: FirstFactor = 'password',
): Promise<string> {
  const token = randomToken(32);
  const now = deps.now();
  await insertSession(db, {
    tokenHash: sha256Hex(token),
    userId,
    stage,
    firstFactor,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: addMinutes(now, deps.config.session.absoluteHours * 60),
  });
  // "Last sign-in" for administrators: the moment a session became fully signed in.
  if (stage === 'full') await updateUser(db, userId, { lastSignedInAt: now });
  return token;
}

export function principalOf(user: UserRow): Principal {
  if (!isRole(user.role)) throw new Error(`user ${user.id} has unknown role ${user.role}`);
  return {
    userId: user.id,
    forceId: user.forceId,
    role: user.role,
    email: user.email,
    displayName: user.displayName,
    personId: user.personId,
  };
}

export type ResolvedSession = {
  stage: SessionStage;
  firstFactor: FirstFactor;
  user: UserRow;
  principal: Principal | null;
};

/**
 * The session behind a cookie token, if it is still alive: within both the idle and the absolute
 * time-out and belonging to an active account. A dead session is deleted.
 * `principal` is set only for a fully signed-in session.
 */
export async function resolveSession(deps: Deps, token: string | undefined): Promise<ResolvedSession | null> {
  if (!token) return null;
  const tokenHash = sha256Hex(token);
  const found = await findSessionWithUser(deps.db, tokenHash);
  if (!found) return null;
  const now = deps.now();
  const idleLimit = addMinutes(found.session.lastSeenAt, deps.config.session.idleMinutes);
  if (found.session.expiresAt <= now || idleLimit <= now || found.user.status !== 'active') {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  // Write last-seen at most once a minute, not on every request.
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) await touchSession(deps.db, tokenHash, now);
  const stage = found.session.stage;
  return {
    stage,
    firstFactor: found.session.firstFactor,
    user: found.user,
    principal: stage === 'full' ? principalOf(found.user) : null,
  };
}
