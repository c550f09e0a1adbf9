import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { notifications, outbox, users } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { can, type Principal as Reader } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import { visibleVettingSql } from '../../kernel/access/vetting-scope.ts';

/**
 * The only SQL for notices and the e-mail outbox. Inserts are idempotent on their dedupe keys, so a reminder
 * is recorded once per clock, threshold and recipient however many instances (or runs) try.
 */

export type NewNotification = typeof notifications.$inferInsert;
export type NewOutboxMessage = typeof outbox.$inferInsert;
export type OutboxRow = typeof outbox.$inferSelect;

/** True when the notice was new (not already recorded under its dedupe key). */
export async function insertNotification(tx: Db, values: NewNotification): Promise<boolean> {
  const rows = await tx.insert(notifications).values(values).onConflictDoNothing().returning({ id: notifications.id });
  return rows.length === 1;
}

export async function insertOutboxMessage(tx: Db, values: NewOutboxMessage): Promise<boolean> {
  const rows = await tx.insert(outbox).values(values).onConflictDoNothing().returning({ id: outbox.id });
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
 * a case notice is `visible` only while the case passes {@link visibleCasesSql} for this principal.
 */
export async function listNoticesOfUser(db: Db, principal: Principal, limit: number): Promise<NoticeRow[]> {
  const rows = await rawRows<NoticeRow & { created_at: Date | string; read_at: Date | string | null }>(
    db,
    sql`select n.id, n.kind, n.subject_type, n.reference, n.message, n.link, n.created_at, n.read_at,
        case when n.subject_type = 'case' then exists (
          select 1 from cases c where c.force_id = n.force_id and c.id = n.subject_id and ${visibleCasesSql(principal)}
        ) when n.subject_type = 'vetting_review' then ${vettingReviewVisible(principal)}
        when n.subject_type = 'confidential_report' then ${confidentialReportVisible(principal)}
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

/**
 * Claims up to `limit` immediate messages that are due to be tried, for `leaseSeconds`: locked FOR UPDATE
 * SKIP LOCKED so that two senders take different rows, then leased (status 'sending', locked_until) so the
 * SMTP conversation happens outside any transaction. A sender that dies leaves a lease that runs out.
 */
export async function claimDueMessages(db: Db, now: Date, limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const ids = await rawRows<{ id: string }>(
      tx,
      sql`select o.id from outbox o
        where o.digest = 'immediate' and o.next_attempt_at <= ${now.toISOString()}::timestamptz
          and (o.status = 'pending' or (o.status = 'sending' and o.locked_until < ${now.toISOString()}::timestamptz))
        order by o.next_attempt_at limit ${limit} for update skip locked`,
    );
    if (ids.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: 'sending', lockedUntil: new Date(now.getTime() + leaseSeconds * 1000) })
      .where(
        inArray(
          outbox.id,
          ids.map((r) => r.id),
        ),
      )
      .returning();
  });
}

export async function markMessageSent(db: Db, id: string, at: Date, messageId: string | null): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: at, lockedUntil: null, messageId, attempts: sql`${outbox.attempts} + 1` })
    .where(eq(outbox.id, id));
}

export async function markMessageFailedAttempt(
  db: Db,
  id: string,
  failure: { error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: failure.retryAt ? 'pending' : 'failed',
      nextAttemptAt: failure.retryAt ?? sql`${outbox.nextAttemptAt}`,
      lockedUntil: null,
      lastError: failure.error.slice(0, 1000),
      attempts: sql`${outbox.attempts} + 1`,
    })
    .where(eq(outbox.id, id));
}

/** Digest messages still waiting, with their recipients, for the daily digest. */
export async function lockWaitingDigestMessages(tx: Db, limit: number): Promise<OutboxRow[]> {
  return tx
    .select()
    .from(outbox)
    .where(and(eq(outbox.digest, 'digest'), eq(outbox.status, 'pending')))
    .orderBy(asc(outbox.userId), asc(outbox.createdAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function markMessagesDigested(tx: Db, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(outbox).set({ status: 'digested', sentAt: at }).where(inArray(outbox.id, ids));
}

export type OutboxFilter = { forceId: string; status?: (typeof outbox.$inferSelect)['status']; limit: number };

/** The outbox for administrators: recipients, subjects and states, never bodies. Failed and waiting first. */
export async function listOutbox(db: Db, f: OutboxFilter) {
  return db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      kind: outbox.kind,
      subject: outbox.subject,
      status: outbox.status,
      digest: outbox.digest,
      attempts: outbox.attempts,
      nextAttemptAt: outbox.nextAttemptAt,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(and(eq(outbox.forceId, f.forceId), f.status ? eq(outbox.status, f.status) : undefined))
    .orderBy(
      sql`case ${outbox.status} when 'failed' then 0 when 'pending' then 1 when 'sending' then 2 else 3 end`,
      desc(outbox.createdAt),
    )
    .limit(f.limit);
}

export async function countOutboxByStatus(db: Db, forceId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(eq(outbox.forceId, forceId))
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export type RecipientRow = { id: string; email: string; forceId: string; delivery: 'immediate' | 'digest' };

export async function findRecipients(db: Db, userIds: string[]): Promise<RecipientRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({ id: users.id, email: users.email, forceId: users.forceId, delivery: users.notificationDelivery })
    .from(users)
    .where(and(inArray(users.id, userIds), or(eq(users.status, 'active'), eq(users.status, 'pending'))));
}

/** Active appropriate authorities of a force: who is told when a deadline stays overdue. */
export async function appropriateAuthoritiesOf(db: Db, forceId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.forceId, forceId), eq(users.role, 'appropriate_authority'), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}

export type ReminderCandidate = {
  force_id: string;
  clock_id: string;
  case_id: string;
  case_reference: string;
  period: string;
  sequence: number;
  due_on: IsoDate;
  responsible_user_id: string | null;
};

/**
 * Live duty clocks (not windows) due on or before `dueOnOrBefore` whose last stage (the escalation) has not
 * yet been recorded, for the reminder pass. The person responsible is the clock's owner, else the case lead.
 */
export async function reminderCandidates(
  db: Db,
  o: { dueOnOrBefore: IsoDate; windows: string[]; afterClockId: string | null; limit: number },
): Promise<ReminderCandidate[]> {
  const windows = o.windows.length
    ? sql.join(
        o.windows.map((w) => sql`${w}`),
        sql`, `,
      )
    : sql`''`;
  return rawRows<ReminderCandidate>(
    db,
    sql`select k.force_id, k.id as clock_id, k.case_id, c.reference as case_reference, k.period, k.sequence,
        k.due_on::text as due_on, coalesce(k.owner_user_id, c.lead_investigator_id) as responsible_user_id
      from clocks k join cases c on c.force_id = k.force_id and c.id = k.case_id
      where k.state in ('running', 'due', 'overdue') and k.due_on <= ${o.dueOnOrBefore}::date
        and k.period not in (${windows}) and c.status = 'open'
        and not exists (select 1 from notifications n where n.dedupe_key = 'clock:' || k.id::text || ':escalation')
        ${o.afterClockId ? sql`and k.id > ${o.afterClockId}::uuid` : sql``}
      order by k.id
      limit ${o.limit}`,
  );
}

export async function outboxMessagesDueBefore(db: Db, at: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), eq(outbox.digest, 'immediate'), lte(outbox.nextAttemptAt, at)));
  return row?.n ?? 0;
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

/** Active vetting officers of a force: told of an unassigned review, and when a review stays overdue. */
export async function vettingOfficersOf(db: Db, forceId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.forceId, forceId), eq(users.role, 'vetting_officer'), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}
