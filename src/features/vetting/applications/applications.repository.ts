import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { checkTypes, vettingApplications, vettingChecks } from '../../../db/schema/index.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { visibleVettingSql } from '../../../kernel/access/vetting-scope.ts';

/**
 * The SQL of vetting applications (their checks and adverse information: vetting-file.repository.ts). Reads for a
 * user go through the vetting scope.
 */

export type ApplicationRow = typeof vettingApplications.$inferSelect;

/** The next application reference of the force for a year, e.g. VET-WESTSHIRE-2026-0007 (the force row is locked). */
export async function nextApplicationReference(tx: Db, forceId: string, year: number): Promise<string> {
  await rawRows(tx, sql`select id from forces where id = ${forceId} for update`);
  const prefix = `VET-${forceId.toUpperCase()}-${year}-`;
  const [row] = await rawRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from vetting_applications where force_id = ${forceId} and reference like ${`${prefix}%`}`,
  );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertApplication(tx: Db, row: typeof vettingApplications.$inferInsert): Promise<ApplicationRow> {
  const [inserted] = await tx.insert(vettingApplications).values(row).returning();
  if (!inserted) throw new Error('application insert returned nothing');
  return inserted;
}

/** The nine checks of an application, each pending. */
export async function insertPendingChecks(tx: Db, forceId: string, applicationId: string): Promise<void> {
  await tx
    .insert(vettingChecks)
    .values(checkTypes.map((checkType) => ({ forceId, applicationId, checkType, status: 'pending' as const })));
}

function visibleApplication(principal: Principal): SQL {
  return visibleVettingSql(principal, sql`${vettingApplications.forceId}`, sql`${vettingApplications.personId}`);
}

/** One application the principal may see, optionally locked. */
export async function findVisibleApplication(
  db: Db,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<ApplicationRow | undefined> {
  const query = db
    .select()
    .from(vettingApplications)
    .where(and(eq(vettingApplications.id, id), visibleApplication(principal)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function updateApplication(
  tx: Db,
  row: ApplicationRow,
  set: Partial<Pick<ApplicationRow, 'status' | 'personId'>>,
): Promise<void> {
  await tx
    .update(vettingApplications)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(vettingApplications.forceId, row.forceId), eq(vettingApplications.id, row.id)));
}

export async function applicationsOfPerson(db: Db, forceId: string, personId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(vettingApplications)
    .where(and(eq(vettingApplications.forceId, forceId), eq(vettingApplications.personId, personId)))
    .orderBy(desc(vettingApplications.receivedOn), desc(vettingApplications.reference));
}

export type ApplicationFilter = { status?: string | undefined; kind?: string | undefined; q?: string | undefined };
export type ApplicationListRow = {
  id: string;
  reference: string;
  kind: string;
  level: string;
  given_name: string;
  family_name: string;
  status: string;
  received_on: string;
  pending_checks: number;
  adverse_items: number;
  pending_matches: number;
};

function listWhere(principal: Principal, f: ApplicationFilter): SQL {
  const parts = [visibleVettingSql(principal, sql`a.force_id`, sql`a.person_id`)];
  if (f.status) parts.push(sql`a.status = ${f.status}`);
  if (f.kind) parts.push(sql`a.kind = ${f.kind}`);
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(a.reference ilike ${like} or (a.given_name || ' ' || a.family_name) ilike ${like})`);
  }
  return sql.join(parts, sql` and `);
}

/** Applications the principal may see, oldest open first; the count shares the WHERE clause. */
export async function listApplications(
  db: Db,
  principal: Principal,
  f: ApplicationFilter,
  page: { limit: number; offset: number },
) {
  const where = listWhere(principal, f);
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from vetting_applications a where ${where}`,
  );
  const rows = await rawRows<ApplicationListRow>(
    db,
    sql`select a.id, a.reference, a.kind, a.level, a.given_name, a.family_name, a.status, a.received_on::text as received_on,
        (select count(*)::int from vetting_checks k where k.force_id = a.force_id and k.application_id = a.id and k.status = 'pending') as pending_checks,
        (select count(*)::int from adverse_information i where i.force_id = a.force_id and i.application_id = a.id) as adverse_items,
        (select count(*)::int from list_matches m where m.force_id = a.force_id and m.application_id = a.id and m.decision = 'pending') as pending_matches
      from vetting_applications a where ${where}
      order by (a.status = 'open') desc, a.received_on, a.reference
      limit ${page.limit} offset ${page.offset}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export async function countApplications(db: Db, principal: Principal, status: string): Promise<number> {
  const [row] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from vetting_applications a where ${listWhere(principal, { status })}`,
  );
  return row?.n ?? 0;
}
