import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import { isRole, type Role } from '../../kernel/access/roles.ts';
import type { Principal } from '../../kernel/access/principal.ts';

/**
 * The accounts a reminder may go to, as principals (not signed in) for the owners' need-to-know SQL. Only
 * active accounts; which roles is the caller's question, asked of abilities (rolesHolding), never of a role's name.
 */
const columns = {
  userId: users.id,
  forceId: users.forceId,
  role: users.role,
  email: users.email,
  displayName: users.displayName,
  personId: users.personId,
};

function asPrincipals(
  rows: {
    userId: string;
    forceId: string;
    role: string;
    email: string;
    displayName: string;
    personId: string | null;
  }[],
): Principal[] {
  return rows.flatMap((r) => (isRole(r.role) ? [{ ...r, role: r.role }] : []));
}

/** Active accounts of a force whose role is one of `roles`. */
export async function activeAccountsWithRoles(db: Db, forceId: string, roles: readonly Role[]): Promise<Principal[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.forceId, forceId), inArray(users.role, [...roles]), eq(users.status, 'active')));
  return asPrincipals(rows);
}

/** These accounts of a force, when active. */
export async function activeAccountsByIds(db: Db, forceId: string, ids: readonly string[]): Promise<Principal[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(users)
    .where(and(eq(users.forceId, forceId), inArray(users.id, [...ids]), eq(users.status, 'active')));
  return asPrincipals(rows);
}
