import { and, count, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { notifications, users } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { can, type Principal as Reader } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { visibleVettingSql } from '../../kernel/access/vetting-scope.ts';
import { visibleComplaintsSql } from '../../kernel/access/complaints-scope.ts';

/**
 * The only SQL for notices (the e-mail outbox has outbox.repository.ts). Inserts are idempotent on their dedupe
 * keys, so a reminder is recorded once per clock, threshold and recipient however many instances (or runs) try.
 */

export type NewNotification = typeof notifications.$inferInsert;

// The outbox has its own repository; exported from here too for the callers that import them from this module.
export {
  claimDueMessages,
  countOutboxByStatus,
  insertOutboxMessage,
  listOutbox,
  lockWaitingDigestMessages,
  markMessageFailedAttempt,
  markMessageSent,
  markMessagesDigested,
  outboxMessagesDueBefore,
  type NewOutboxMessage,
  type OutboxFilter,
  type OutboxRow,
} from './outbox.repository.ts';

/** True when the notice was new (not already recorded under its dedupe key). */
export async function insertNotification(tx: Db, values: NewNotification): Promise<boolean> {
  const rows = await tx.insert(notifications).values(values).onConflictDoNothing().returning({ id: notifications.id });
  return rows.length === 1;
}

export type NoticeRow = {
  id: string;
  kind: string;
  subject_type: string;
  reference: string;
  message: string;
  link: string;
  created_at: Date;
  read_at: Date | null;
  /** False when the notice is about a case the reader may no longer see: it is then shown without naming it. */
  visible: boolean;
};

/**
 * A user's notices, unread first, newest first. Need-to-know is checked now, not when the notice was made:
 * a case notice is `visible` only while the case passes {@link visibleCasesSql} for this principal, a complaint's
 * only while the complaint passes {@link visibleComplaintsSql}.
 */
export async function listNoticesOfUser(db: Db, principal: Principal, limit: number): Promise<NoticeRow[]> {
  const rows = await rawRows<NoticeRow & { created_at: Date | string; read_at: Date | string | null }>(
    db,
    sql`select n.id, n.kind, n.subject_type, n.reference, n.message, n.link, n.created_at, n.read_at,
        case when n.subject_type = 'case' then exists (
          select 1 from cases c where c.force_id = n.force_id and c.id = n.subject_id and ${visibleCasesSql(principal)}
        ) when n.subject_type = 'vetting_review' then ${vettingReviewVisible(principal)}
        when n.subject_type = 'confidential_report' then ${confidentialReportVisible(principal)}
        when n.subject_type = 'complaint' then exists (
          select 1 from complaints c where c.force_id = n.force_id and c.id = n.subject_id and ${visibleComplaintsSql(principal)}
        )
        else true end as visible
      from notifications n
      where n.user_id = ${principal.userId}::uuid
      order by (n.read_at is null) desc, n.created_at desc
      limit ${limit}`,
  );
  return rows.map((r) => ({
    ...r,
    created_at: new Date(r.created_at),
    read_at: r.read_at === null ? null : new Date(r.read_at),
  }));
}

/** A vetting review notice is shown only while its reader may still read that review (vetting-scope.ts). */
function vettingReviewVisible(principal: Reader) {
  if (!can(principal, 'vetting.read')) return sql`false`;
  return sql`exists (select 1 from vetting_reviews r where r.force_id = n.force_id and r.id = n.subject_id
      and ${visibleVettingSql(principal, sql`r.force_id`, sql`r.person_id`)})`;
}

/** A confidential report's notice is shown only while its reader may read the force's reports (reporting). */
function confidentialReportVisible(principal: Reader) {
  if (!can(principal, 'report.read')) return sql`false`;
  return sql`exists (select 1 from reports r where r.force_id = n.force_id and r.id = n.subject_id
      and r.force_id = ${principal.forceId})`;
}

export async function countUnreadNotices(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the user's own notices read (others' ids change nothing); the number marked. */
export async function setDeliveryChoice(db: Db, userId: string, delivery: 'immediate' | 'digest'): Promise<void> {
  await db.update(users).set({ notificationDelivery: delivery }).where(eq(users.id, userId));
}

export async function deliveryChoiceOf(db: Db, userId: string): Promise<'immediate' | 'digest'> {
  const [row] = await db.select({ d: users.notificationDelivery }).from(users).where(eq(users.id, userId));
  return row?.d ?? 'immediate';
}

export async function markNoticesRead(db: Db, userId: string, ids: string[] | 'all', at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === 'all' ? undefined : inArray(notifications.id, ids),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export type RecipientRow = { id: string; email: string; forceId: string; delivery: 'immediate' | 'digest' };

export async function findRecipients(db: Db, userIds: string[]): Promise<RecipientRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, forceId: users.forceId, delivery: users.notificationDelivery })
    .from(users)
    .where(and(inArray(users.id, userIds), or(eq(users.status, 'active'), eq(users.status, 'pending'))));
}

export type CaseReminderRow = {
  force_id: string;
  clock_id: string;
  case_id: string;
  case_reference: string;
  period: string;
  due_on: IsoDate;
  responsible_user_id: string | null;
};

/**
 * Live duty clocks of open cases (not windows) due on or before `dueOnOrBefore` whose last stage (the
 * escalation) has not yet been recorded, for the reminder pass. The person responsible is the clock's owner,
 * else the case lead.
 */
export async function caseReminderRows(
  db: Db,
  o: { dueOnOrBefore: IsoDate; windows: string[]; afterClockId: string | null; limit: number },
): Promise<CaseReminderRow[]> {
  const windows = o.windows.length
    ? sql.join(
        o.windows.map((w) => sql`${w}`),
        sql`, `,
      )
    : sql`''`;
  return rawRows<CaseReminderRow>(
    db,
    sql`select k.force_id, k.id as clock_id, k.case_id, c.reference as case_reference, k.period,
        k.due_on::text as due_on, coalesce(k.owner_user_id, c.lead_investigator_id) as responsible_user_id
      from clocks k join cases c on c.force_id = k.force_id and c.id = k.case_id
      where k.owner_kind = 'case' and k.state in ('running', 'due', 'overdue') and k.due_on <= ${o.dueOnOrBefore}::date
        and k.period not in (${windows}) and c.status = 'open'
        and not exists (select 1 from notifications n where n.dedupe_key = 'clock:' || k.id::text || ':escalation')
        ${o.afterClockId ? sql`and k.id > ${o.afterClockId}::uuid` : sql``}
      order by k.id
      limit ${o.limit}`,
  );
}

/** Whether the principal (signed in or not) may see this case now ({@link visibleCasesSql}). */
export async function caseVisibleTo(db: Db, principal: Principal, forceId: string, caseId: string): Promise<boolean> {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select c.id from cases c where c.force_id = ${forceId} and c.id = ${caseId}::uuid and ${visibleCasesSql(principal)}`,
  );
  return rows.length === 1;
}

/** Whether the principal (signed in or not) may read this vetting review now ({@link visibleVettingSql}). */
export async function vettingReviewVisibleTo(db: Db, principal: Principal, forceId: string, reviewId: string) {
  const rows = await rawRows<{ id: string }>(
    db,
    sql`select r.id from vetting_reviews r where r.force_id = ${forceId} and r.id = ${reviewId}::uuid
      and ${visibleVettingSql(principal, sql`r.force_id`, sql`r.person_id`)}`,
  );
  return rows.length === 1;
}

export type VettingReviewCandidate = {
  force_id: string;
  review_id: string;
  opened_on: IsoDate;
  due_on: IsoDate;
  assigned_user_id: string | null;
};

/**
 * Open vetting reviews due on or before `dueOnOrBefore` whose last stage (the escalation) has not yet been
 * recorded, for the reminder pass. The person responsible is the review's assignee.
 */
export async function vettingReviewReminderCandidates(
  db: Db,
  o: { dueOnOrBefore: IsoDate; afterReviewId: string | null; limit: number },
): Promise<VettingReviewCandidate[]> {
  return rawRows<VettingReviewCandidate>(
    db,
    sql`select r.force_id, r.id as review_id, r.opened_on::text as opened_on, r.due_on::text as due_on,
        r.assigned_user_id
      from vetting_reviews r
      where r.status = 'open' and r.due_on <= ${o.dueOnOrBefore}::date
        and not exists (select 1 from notifications n where n.dedupe_key = 'vetting-review:' || r.id::text || ':escalation')
        ${o.afterReviewId ? sql`and r.id > ${o.afterReviewId}::uuid` : sql``}
      order by r.id
      limit ${o.limit}`,
  );
}
