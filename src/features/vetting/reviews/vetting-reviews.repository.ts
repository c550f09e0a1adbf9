import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { rawRows } from '../../../db/raw-rows.ts';
import { users, vettingReviews } from '../../../db/schema/index.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { visibleVettingSql } from '../../../kernel/access/vetting-scope.ts';

/** SQL for vetting reviews. Reads on behalf of a user must be made only after `vetting.read` is authorised. */

export type VettingReviewRow = typeof vettingReviews.$inferSelect;

/** Inserts a review unless one exists for (force, person, trigger, source key); either way returns that review. */
export async function insertReviewIfNew(
  tx: Db,
  row: Pick<
    typeof vettingReviews.$inferInsert,
    'forceId' | 'personId' | 'trigger' | 'sourceKey' | 'caseId' | 'openedOn' | 'dueOn' | 'summary'
  >,
): Promise<{ id: string; dueOn: string; created: boolean }> {
  const [inserted] = await tx
    .insert(vettingReviews)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: vettingReviews.id, dueOn: vettingReviews.dueOn });
  if (inserted) return { ...inserted, created: true };
  const [existing] = await tx
    .select({ id: vettingReviews.id, dueOn: vettingReviews.dueOn })
    .from(vettingReviews)
    .where(
      and(
        eq(vettingReviews.forceId, row.forceId),
        eq(vettingReviews.personId, row.personId),
        eq(vettingReviews.trigger, row.trigger),
        eq(vettingReviews.sourceKey, row.sourceKey),
      ),
    );
  if (!existing) throw new Error('vetting review neither inserted nor found');
  return { ...existing, created: false };
}

export type ReviewFilter = {
  status?: 'open' | 'completed';
  trigger?: string;
  overdue?: boolean;
  personId?: string;
  today: string;
};

export type ReviewListRow = {
  id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  trigger: string;
  opened_on: string;
  due_on: string;
  status: string;
  assigned_name: string | null;
  case_reference: string | null;
};

/** The WHERE clause of a review list: the vetting scope (own force, never the reader's own file) and the filters. */
function reviewConditions(principal: Principal, f: ReviewFilter): SQL {
  const parts = [visibleVettingSql(principal, sql`r.force_id`, sql`r.person_id`)];
  if (f.status) parts.push(sql`r.status = ${f.status}`);
  if (f.trigger) parts.push(sql`r.trigger = ${f.trigger}`);
  if (f.overdue) parts.push(sql`r.status = 'open' and r.due_on < ${f.today}::date`);
  if (f.personId) parts.push(sql`r.person_id = ${f.personId}::uuid`);
  return sql.join(parts, sql` and `);
}

/** Reviews the principal may see, most urgent first; the count uses the same WHERE clause. Call after `vetting.read` is authorised. */
export async function listReviews(
  db: Db,
  principal: Principal,
  f: ReviewFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ReviewListRow[]; total: number }> {
  const where = reviewConditions(principal, f);
  const rows = await rawRows<ReviewListRow>(
    db,
    sql`select r.id, r.person_id, p.given_name, p.family_name, r.trigger, r.opened_on::text as opened_on, r.due_on::text as due_on, r.status,
        u.display_name as assigned_name, c.reference as case_reference
      from vetting_reviews r
      join people p on p.force_id = r.force_id and p.id = r.person_id
      left join users u on u.id = r.assigned_user_id
      left join cases c on c.force_id = r.force_id and c.id = r.case_id
      where ${where}
      order by (r.status = 'open') desc, r.due_on, p.family_name, p.given_name, r.id
      limit ${page.limit} offset ${page.offset}`,
  );
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from vetting_reviews r where ${where}`,
  );
  return { rows, total: count?.n ?? 0 };
}

export type ReviewDetailRow = VettingReviewRow & {
  givenName: string;
  familyName: string;
  personStatus: string;
  assignedName: string | null;
  caseReference: string | null;
};

/** One review the principal may see (vetting scope), optionally locked for update. */
export async function findVisibleReview(
  db: Db,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<ReviewDetailRow | undefined> {
  const [row] = await rawRows<{ id: string }>(
    db,
    sql`select r.id from vetting_reviews r where r.id = ${id}::uuid and ${visibleVettingSql(principal, sql`r.force_id`, sql`r.person_id`)} ${forUpdate ? sql`for update` : sql``}`,
  );
  if (!row) return undefined;
  const [review] = await db
    .select()
    .from(vettingReviews)
    .where(and(eq(vettingReviews.forceId, principal.forceId), eq(vettingReviews.id, row.id)));
  if (!review) return undefined;
  const [extra] = await rawRows<{
    given_name: string;
    family_name: string;
    status: string;
    assigned_name: string | null;
    case_reference: string | null;
  }>(
    db,
    sql`select p.given_name, p.family_name, p.status, u.display_name as assigned_name, c.reference as case_reference
      from people p
      left join users u on u.id = ${review.assignedUserId}::uuid
      left join cases c on c.force_id = p.force_id and c.id = ${review.caseId}::uuid
      where p.force_id = ${review.forceId} and p.id = ${review.personId}::uuid`,
  );
  return {
    ...review,
    givenName: extra?.given_name ?? '',
    familyName: extra?.family_name ?? '',
    personStatus: extra?.status ?? '',
    assignedName: extra?.assigned_name ?? null,
    caseReference: extra?.case_reference ?? null,
  };
}

export async function updateReview(
  tx: Db,
  row: VettingReviewRow,
  set: Partial<Pick<VettingReviewRow, 'status' | 'assignedUserId'>>,
): Promise<void> {
  await tx
    .update(vettingReviews)
    .set({ ...set, version: row.version + 1 })
    .where(and(eq(vettingReviews.forceId, row.forceId), eq(vettingReviews.id, row.id)));
}

/** Active accounts of the force whose role may read vetting files: the people a review can be assigned to. */
export async function vettingOfficersOf(
  db: Db,
  forceId: string,
  roles: readonly string[],
): Promise<{ id: string; displayName: string; personId: string | null }[]> {
  if (roles.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, personId: users.personId })
    .from(users)
    .where(and(eq(users.forceId, forceId), eq(users.status, 'active'), inArray(users.role, [...roles])))
    .orderBy(users.displayName);
}

/** The earliest open review of a person, whoever is asking: for the "review open since" line on the person page. */
export async function openReviewSince(db: Db, forceId: string, personId: string): Promise<string | null> {
  const [row] = await rawRows<{ since: string | null }>(
    db,
    sql`select min(opened_on)::text as since from vetting_reviews where force_id = ${forceId} and person_id = ${personId}::uuid and status = 'open'`,
  );
  return row?.since ?? null;
}
