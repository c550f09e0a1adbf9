import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { complaintAccess, users } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { isRole } from '../../kernel/access/roles.ts';
import { visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';

/** Need-to-know given on one complaint (`complaint_access`): the only SQL for it but the scope's. */

/** An account of the force by its e-mail, as a principal (not signed in) with its status; null when none. */
export async function forceAccountByEmail(db: Db, forceId: string, email: string) {
  const [row] = await db
    .select({
      userId: users.id,
      forceId: users.forceId,
      role: users.role,
      email: users.email,
      displayName: users.displayName,
      personId: users.personId,
      status: users.status,
    })
    .from(users)
    .where(and(eq(users.forceId, forceId), sql`lower(${users.email}) = lower(${email})`));
  if (!row || !isRole(row.role)) return null;
  return { ...row, role: row.role };
}

/** Whether this principal (signed in or not) may read the complaint now. */
export async function complaintReadableBy(db: Db, principal: Principal, complaintId: string): Promise<boolean> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select c.id from complaints c where c.id = ${complaintId}::uuid and ${visibleComplaintsSql(principal)}`,
  );
  return rows.length === 1;
}

/** Whether the person is one of those complained about in the complaint. */
export async function isComplainedAbout(db: Db, forceId: string, complaintId: string, personId: string) {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select s.id from complaint_subjects s where s.force_id = ${forceId} and s.complaint_id = ${complaintId}::uuid
      and s.person_id = ${personId}::uuid`,
  );
  return rows.length > 0;
}

export async function insertComplaintAccess(tx: Db, values: typeof complaintAccess.$inferInsert): Promise<void> {
  await tx.insert(complaintAccess).values(values).onConflictDoNothing();
}

/** Who was given need-to-know on the complaint, with who gave it, oldest first. */
export async function accessOfComplaint(db: Db, forceId: string, complaintId: string) {
  return db
    .select({
      userId: complaintAccess.userId,
      name: users.displayName,
      email: users.email,
      grantedOn: complaintAccess.grantedOn,
      reason: complaintAccess.reason,
    })
    .from(complaintAccess)
    .innerJoin(users, eq(users.id, complaintAccess.userId))
    .where(and(eq(complaintAccess.forceId, forceId), eq(complaintAccess.complaintId, complaintId)))
    .orderBy(asc(complaintAccess.createdAt));
}
