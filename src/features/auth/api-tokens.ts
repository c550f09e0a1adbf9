import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { randomToken, sha256Hex } from '../../kernel/crypto.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import {
  findActiveApiTokenWithUser,
  listApiTokensOfUser,
  insertApiToken,
  revokeApiTokenOfUser,
  touchApiToken,
} from './accounts.repository.ts';
import { principalOf } from './sessions.ts';

const PREFIX = 'prb_';

export const tokenNameInput = z.string().trim().min(1, 'Name the token').max(100);

/** The signed-in user's own API tokens (names and dates; never the token itself). */
export async function listApiTokens(deps: Deps, principal: Principal) {
  return listApiTokensOfUser(deps.db, principal.userId);
}

/** Creates an API token for a user; the plain token is returned once and never stored. */
export async function createApiToken(
  deps: Deps,
  actor: AuditActor,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomToken(32);
  return deps.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      userId,
      name: tokenNameInput.parse(name),
      tokenHash: sha256Hex(token),
      createdAt: deps.now(),
    });
    await recordAudit(
      tx,
      actor,
      { type: 'api_token', id: row.id },
      { type: 'api_token.created', userId, tokenId: row.id, name: row.name },
    );
    return { id: row.id, token };
  });
}

export async function revokeApiToken(deps: Deps, actor: AuditActor, userId: string, tokenId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (!(await revokeApiTokenOfUser(tx, userId, tokenId, deps.now()))) throw notFound('API token');
    await recordAudit(tx, actor, { type: 'api_token', id: tokenId }, { type: 'api_token.revoked', userId, tokenId });
  });
}

/** The principal behind a bearer token, if the token is live and its account active and not locked. */
export async function resolveApiToken(deps: Deps, bearer: string): Promise<Principal | null> {
  if (!bearer.startsWith(PREFIX)) return null;
  const found = await findActiveApiTokenWithUser(deps.db, sha256Hex(bearer));
  const now = deps.now();
  if (!found || found.user.status !== 'active') return null;
  // A locked account's tokens stop working too: a lock that only stops the password stops nothing.
  if (found.user.lockedUntil && found.user.lockedUntil > now) return null;
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000)
    await touchApiToken(deps.db, found.token.id, now);
  return principalOf(found.user);
}
