import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { clocks, complaintLetters, complaintReviews, complaints } from '../../../db/schema/index.ts';

/** The complaint of the force with this reference, if it was made through the portal (it has a code hash). */
export async function findPortalComplaint(db: Db, forceId: string, reference: string) {
  const [row] = await db
    .select({
      id: complaints.id,
      forceId: complaints.forceId,
      reference: complaints.reference,
      status: complaints.status,
      receivedOn: complaints.receivedOn,
      followUpHash: complaints.followUpHash,
      failedAttempts: complaints.followUpFailedAttempts,
      lockedUntil: complaints.followUpLockedUntil,
      reviewBody: complaints.reviewBody,
      reviewWindowEndsOn: complaints.reviewWindowEndsOn,
    })
    .from(complaints)
    .where(
      and(eq(complaints.forceId, forceId), eq(complaints.reference, reference), isNotNull(complaints.followUpHash)),
    );
  return row;
}

export async function setFollowUpAttempts(
  db: Db,
  forceId: string,
  id: string,
  state: { failedAttempts: number; lockedUntil: Date | null },
): Promise<void> {
  await db
    .update(complaints)
    .set({ followUpFailedAttempts: state.failedAttempts, followUpLockedUntil: state.lockedUntil })
    .where(and(eq(complaints.forceId, forceId), eq(complaints.id, id)));
}

/** The running clocks of a complaint, soonest first (what the complainant is told to expect). */
export async function runningClocks(db: Db, forceId: string, complaintId: string) {
  return db
    .select({ period: clocks.period, dueOn: clocks.dueOn })
    .from(clocks)
    .where(
      and(
        eq(clocks.forceId, forceId),
        eq(clocks.ownerKind, 'complaint'),
        eq(clocks.complaintId, complaintId),
        eq(clocks.state, 'running'),
      ),
    )
    .orderBy(asc(clocks.dueOn));
}

/** The letters sent on a complaint: their kind and day only. */
export async function letterHeadings(db: Db, forceId: string, complaintId: string) {
  return db
    .select({ kind: complaintLetters.kind, writtenOn: complaintLetters.writtenOn })
    .from(complaintLetters)
    .where(and(eq(complaintLetters.forceId, forceId), eq(complaintLetters.complaintId, complaintId)))
    .orderBy(asc(complaintLetters.createdAt));
}

/** The complainant's latest review application: its status and result only. */
export async function latestReview(db: Db, forceId: string, complaintId: string) {
  const [row] = await db
    .select({ status: complaintReviews.status, result: complaintReviews.result })
    .from(complaintReviews)
    .where(and(eq(complaintReviews.forceId, forceId), eq(complaintReviews.complaintId, complaintId)))
    .orderBy(desc(complaintReviews.createdAt))
    .limit(1);
  return row ?? null;
}
