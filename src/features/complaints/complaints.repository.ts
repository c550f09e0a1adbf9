import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { rawRows } from '../../db/raw-rows.ts';
import {
  complaintAllegations,
  clocks,
  complaintComplainants,
  complaintDecisions,
  complaints,
  complaintSubjects,
} from '../../db/schema/index.ts';
import { staleVersion } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visiblePeopleSql } from '../../kernel/access/people-scope.ts';
import { handledComplaintsSql, visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplainantRow = typeof complaintComplainants.$inferSelect;
export type ComplaintAllegationRow = typeof complaintAllegations.$inferSelect;
export type ComplaintDecisionRow = typeof complaintDecisions.$inferSelect;
/** A complaint's clock in the one clock store (owner kind 'complaint'). */
export type ComplaintClockRow = typeof clocks.$inferSelect & { ownerKind: 'complaint'; complaintId: string };
type NewComplaintClock = Pick<
  typeof clocks.$inferInsert,
  'forceId' | 'period' | 'sequence' | 'startedOn' | 'dueOn' | 'state' | 'metOn'
> & { complaintId: string };
export type ComplaintSubjectView = {
  id: string;
  kind: (typeof complaintSubjects.$inferSelect)['kind'];
  personId: string | null;
  description: string;
  personName: string | null;
};

/** The next complaint reference of the force for a year, e.g. WESTSHIRE-C-2026-00042 (the force row is locked). */
export async function nextComplaintReference(tx: Db, forceId: string, year: number): Promise<string> {
  await rawRows(tx, sql`select id from forces where id = ${forceId} for update`);
  const prefix = `${forceId.toUpperCase()}-C-${year}-`;
  const [row] = await rawRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from complaints where force_id = ${forceId} and reference like ${`${prefix}%`}`,
  );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(5, '0')}`;
}

/** The people of the directory the principal may see, among `ids` (a complaint names only those). */
export async function visiblePersonIds(db: Db, principal: Principal, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select p.id from people p where ${visiblePeopleSql(principal)} and p.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function activeCategoryCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await rawRows<{ code: string }>(
    db,
    sql`select code from allegation_categories where active and code in (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return new Set(rows.map((r) => r.code));
}

export async function insertComplaint(tx: Db, values: typeof complaints.$inferInsert): Promise<ComplaintRow> {
  const [row] = await tx.insert(complaints).values(values).returning();
  if (!row) throw new Error('insert complaints returned nothing');
  return row;
}

export async function insertComplainants(tx: Db, values: (typeof complaintComplainants.$inferInsert)[]) {
  return values.length ? tx.insert(complaintComplainants).values(values).returning() : [];
}

export async function insertComplaintSubjects(tx: Db, values: (typeof complaintSubjects.$inferInsert)[]) {
  return values.length ? tx.insert(complaintSubjects).values(values).returning() : [];
}

export async function insertComplaintAllegations(tx: Db, values: (typeof complaintAllegations.$inferInsert)[]) {
  return values.length ? tx.insert(complaintAllegations).values(values).returning() : [];
}

export async function insertComplaintDecision(tx: Db, values: typeof complaintDecisions.$inferInsert) {
  const [row] = await tx.insert(complaintDecisions).values(values).returning();
  if (!row) throw new Error('insert complaint_decisions returned nothing');
  return row;
}

/** A complaint by its keys, for a reader whose need-to-know was checked on another record (a review). */
export async function findComplaintRow(db: Db, forceId: string, id: string, forUpdate = false) {
  const query = db
    .select()
    .from(complaints)
    .where(and(eq(complaints.forceId, forceId), eq(complaints.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * One complaint the principal may see (locked for update when asked), or null. Locked for a change, it must be
 * one the principal handles ({@link handledComplaintsSql}): need-to-know given on one complaint is to read it.
 */
export async function findVisibleComplaint(
  db: Db,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<ComplaintRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [hit] = await rawRows<{ id: string }>(
    db,
    sql`select c.id from complaints c where c.id = ${id}::uuid and ${
      forUpdate ? handledComplaintsSql(principal) : visibleComplaintsSql(principal)
    } ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!hit) return null;
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.forceId, principal.forceId), eq(complaints.id, hit.id)));
  return row ?? null;
}

/** Writes a decision's result on the complaint, checking the version the user saw (stale → 409). */
export async function updateComplaint(
  tx: Db,
  row: ComplaintRow,
  expectedVersion: number,
  values: Partial<typeof complaints.$inferInsert>,
): Promise<ComplaintRow> {
  if (row.version !== expectedVersion) throw staleVersion();
  const [updated] = await tx
    .update(complaints)
    .set({ ...values, version: row.version + 1 })
    .where(and(eq(complaints.forceId, row.forceId), eq(complaints.id, row.id), eq(complaints.version, row.version)))
    .returning();
  if (!updated) throw staleVersion();
  return updated;
}

export async function complaintParts(db: Db, forceId: string, complaintId: string) {
  const [complainants, subjects, allegations, decisions, complaintClocks] = await Promise.all([
    db
      .select()
      .from(complaintComplainants)
      .where(and(eq(complaintComplainants.forceId, forceId), eq(complaintComplainants.complaintId, complaintId))),
    rawRows<ComplaintSubjectView>(
      db,
      sql`select s.id, s.kind, s.person_id as "personId", s.description,
            case when p.id is null then null else p.given_name || ' ' || p.family_name end as "personName"
          from complaint_subjects s left join people p on p.force_id = s.force_id and p.id = s.person_id
          where s.force_id = ${forceId} and s.complaint_id = ${complaintId}::uuid order by s.kind, s.id`,
    ),
    db
      .select()
      .from(complaintAllegations)
      .where(and(eq(complaintAllegations.forceId, forceId), eq(complaintAllegations.complaintId, complaintId))),
    db
      .select()
      .from(complaintDecisions)
      .where(and(eq(complaintDecisions.forceId, forceId), eq(complaintDecisions.complaintId, complaintId)))
      .orderBy(asc(complaintDecisions.createdAt), asc(complaintDecisions.id)),
    db
      .select()
      .from(clocks)
      .where(and(eq(clocks.forceId, forceId), eq(clocks.ownerKind, 'complaint'), eq(clocks.complaintId, complaintId)))
      .orderBy(asc(clocks.dueOn), asc(clocks.period)),
  ]);
  return { complainants, subjects, allegations, decisions, clocks: complaintClocks as ComplaintClockRow[] };
}

/** The complaint's linked conduct case, named only to a reader with need-to-know of it (else null). */
export async function linkedCaseOf(db: Db, principal: Principal, forceId: string, complaintId: string) {
  const [linked] = await rawRows<{ id: string; reference: string }>(
    db,
    sql`select c.id, c.reference from complaints k join cases c on c.force_id = k.force_id and c.id = k.case_id
        where k.force_id = ${forceId} and k.id = ${complaintId}::uuid and ${visibleCasesSql(principal)}`,
  );
  return linked ?? null;
}

export type ComplaintListRow = {
  id: string;
  reference: string;
  channel: string;
  received_on: string;
  status: string;
  summary: string;
  allegation_count: number;
  next_due_on: string | null;
};

export type ComplaintListFilter = { status?: string | undefined; q?: string | undefined };

function listWhere(principal: Principal, filter: ComplaintListFilter) {
  const parts = [visibleComplaintsSql(principal)];
  if (filter.status) parts.push(sql`c.status = ${filter.status}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(sql`(c.reference ilike ${like} or c.summary ilike ${like})`);
  }
  return sql.join(parts, sql` and `);
}

/** A page of the complaints the principal may see, newest first, and the count under the same rule. */
export async function listVisibleComplaints(
  db: Db,
  principal: Principal,
  filter: ComplaintListFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ComplaintListRow[]; total: number }> {
  const where = listWhere(principal, filter);
  const rows = await rawRows<ComplaintListRow>(
    db,
    sql`select c.id, c.reference, c.channel, c.received_on::text as received_on, c.status, c.summary,
          (select count(*)::int from complaint_allegations a where a.force_id = c.force_id and a.complaint_id = c.id) as allegation_count,
          (select min(k.due_on)::text from clocks k where k.force_id = c.force_id and k.owner_kind = 'complaint' and k.complaint_id = c.id and k.state = 'running') as next_due_on
        from complaints c where ${where}
        order by c.received_on desc, c.id desc limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from complaints c where ${where}`);
  return { rows, total: count?.n ?? 0 };
}

export async function insertComplaintClock(tx: Db, values: NewComplaintClock): Promise<ComplaintClockRow> {
  const [row] = await tx
    .insert(clocks)
    .values({ ...values, ownerKind: 'complaint' })
    .returning();
  if (!row) throw new Error('insert clocks returned nothing');
  return row as ComplaintClockRow;
}

/** Marks the running clocks of the given periods met (or cancelled); returns those changed. */
export async function closeComplaintClocks(
  tx: Db,
  forceId: string,
  complaintId: string,
  periods: readonly string[] | 'all',
  how: { state: 'met'; metOn: string } | { state: 'cancelled' },
): Promise<ComplaintClockRow[]> {
  const conditions = [
    eq(clocks.forceId, forceId),
    eq(clocks.ownerKind, 'complaint'),
    eq(clocks.complaintId, complaintId),
    eq(clocks.state, 'running'),
  ];
  if (periods !== 'all') {
    if (periods.length === 0) return [];
    conditions.push(inArray(clocks.period, [...periods]));
  }
  const rows = await tx
    .update(clocks)
    .set(how.state === 'met' ? { state: 'met', metOn: how.metOn } : { state: 'cancelled' })
    .where(and(...conditions))
    .returning();
  return rows as ComplaintClockRow[];
}

export async function allegationsOf(tx: Db, forceId: string, complaintId: string) {
  return tx
    .select()
    .from(complaintAllegations)
    .where(and(eq(complaintAllegations.forceId, forceId), eq(complaintAllegations.complaintId, complaintId)));
}

export async function subjectsOf(tx: Db, forceId: string, complaintId: string) {
  return tx
    .select()
    .from(complaintSubjects)
    .where(and(eq(complaintSubjects.forceId, forceId), eq(complaintSubjects.complaintId, complaintId)));
}

export async function updateAllegationOutcome(
  tx: Db,
  forceId: string,
  id: string,
  values: { outcome: string; outcomeActions: string[]; outcomeNotes: string },
) {
  await tx
    .update(complaintAllegations)
    .set(values)
    .where(and(eq(complaintAllegations.forceId, forceId), eq(complaintAllegations.id, id)));
}
