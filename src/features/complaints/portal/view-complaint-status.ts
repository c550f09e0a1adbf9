import type { Deps } from '../../../kernel/deps.ts';
import type { complaintStatuses } from '../../../db/schema/index.ts';
import { systemActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { PORTAL_ACTOR, PortalAnswersError } from './make-complaint.ts';
import {
  afterFailure,
  decoyFollowUpHash,
  followUpCodeMatches,
  isLocked,
  normaliseFollowUpCode,
} from './follow-up-code.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import {
  findPortalComplaint,
  latestReview,
  letterHeadings,
  runningClocks,
  setFollowUpAttempts,
} from './portal.repository.ts';

/** The periods the complainant is told about (the others, such as the report to the PCC, are internal). */
const TOLD_TO_COMPLAINANT = [
  'complaint_first_contact',
  'complaint_progress_update',
  'complaint_outcome_notice',
  'complainant_review_window',
];

export class PortalLockedError extends Error {}

export type ComplaintStatusView = {
  reference: string;
  receivedOn: string;
  status: (typeof complaintStatuses)[number];
  next: { period: string; dueOn: string } | null;
  letters: { kind: string; writtenOn: string }[];
  review: { status: string; result: string | null } | null;
  canApplyForReview: boolean;
  reviewBody: string | null;
  reviewWindowEndsOn: string | null;
};

/**
 * What the complainant sees with their reference and follow-up code: the stage, the next date they are told
 * to expect and the letters sent — never notes, decisions' reasons, staff names or other parties. Every
 * wrong pair gets the same answer after the same argon2 verification (a decoy for an unknown reference);
 * wrong codes count against the complaint named and lock it, without any address. The read is audited.
 */
/**
 * The complaint a reference and follow-up code open, or the portal's refusal: every wrong pair gets the same
 * answer after the same argon2 verification; wrong codes count against the complaint named and lock it.
 */
export async function openWithCode(deps: Deps, forceId: string, body: Record<string, unknown>) {
  const reference = typeof body['reference'] === 'string' ? body['reference'].trim().toUpperCase() : '';
  const typed = typeof body['code'] === 'string' ? body['code'] : '';
  const missing: Record<string, { key: string }> = {};
  if (!reference) missing['reference'] = { key: 'errors.reference' };
  if (!typed.trim()) missing['code'] = { key: 'errors.code' };
  if (Object.keys(missing).length) throw new PortalAnswersError(missing);

  const code = normaliseFollowUpCode(typed);
  const row = reference.length <= 60 ? await findPortalComplaint(deps.db, forceId, reference) : undefined;
  const matches = await followUpCodeMatches(row?.followUpHash ?? (await decoyFollowUpHash()), code ?? 'x');
  const wrong = new PortalAnswersError({ code: { key: 'errors.wrong' } });
  if (!row) throw wrong;
  const now = deps.now();
  const state = { failedAttempts: row.failedAttempts, lockedUntil: row.lockedUntil };
  if (isLocked(state, now)) throw new PortalLockedError();
  if (!matches || !code) {
    await setFollowUpAttempts(deps.db, row.forceId, row.id, afterFailure(state, now));
    throw wrong;
  }
  if (row.failedAttempts > 0 || row.lockedUntil)
    await setFollowUpAttempts(deps.db, row.forceId, row.id, { failedAttempts: 0, lockedUntil: null });
  return row;
}

export async function viewComplaintStatus(
  deps: Deps,
  forceId: string,
  body: Record<string, unknown>,
  requestId: string | null,
): Promise<ComplaintStatusView> {
  const row = await openWithCode(deps, forceId, body);
  return deps.db.transaction(async (tx) => {
    const clocks = (await runningClocks(tx, row.forceId, row.id)).filter((c) => TOLD_TO_COMPLAINANT.includes(c.period));
    const letters = await letterHeadings(tx, row.forceId, row.id);
    const review = await latestReview(tx, row.forceId, row.id);
    await recordAudit(
      tx,
      { ...systemActor(PORTAL_ACTOR, row.forceId), requestId },
      { type: 'complaint', id: row.id },
      { type: 'complaint.viewed', complaintId: row.id },
    );
    return {
      reference: row.reference,
      receivedOn: row.receivedOn,
      status: row.status,
      next: clocks[0] ?? null,
      letters,
      review,
      canApplyForReview:
        !review &&
        row.status === 'finalised' &&
        (row.reviewBody === 'iopc' || row.reviewBody === 'local_policing_body') &&
        !!row.reviewWindowEndsOn &&
        ukToday(deps.now()) <= row.reviewWindowEndsOn,
      reviewBody: row.reviewBody,
      reviewWindowEndsOn: row.reviewWindowEndsOn,
    };
  });
}
