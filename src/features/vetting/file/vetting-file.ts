import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import type { AuditSubject } from '../../../kernel/audit/record-audit.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { findVisibleApplication } from '../applications/applications.repository.ts';
import { lockOpenReview } from '../reviews/review-lock.ts';
import { isoDateString } from '../../../kernel/validation.ts';

/**
 * A vetting file: an application for clearance (recruitment, uk-domain.md §4.3) or a review of a serving
 * person's clearance (§4.1). Both keep their checks, adverse information and decision in the same tables
 * (`vetting_checks`, `adverse_information`, `vetting_decisions`, keyed by `application_id` or `review_id`), and
 * the code that records them is one piece, keyed by this reference. What really differs between the two is
 * named where it applies (the checks an application starts with, the outcomes a decision can have).
 */
export const VETTING_FILE_KINDS = ['application', 'review'] as const;
export type VettingFileKind = (typeof VETTING_FILE_KINDS)[number];
export type VettingFileRef = { kind: VettingFileKind; id: string };

/** An open file the principal may see, locked for a change in the current transaction. */
export type OpenVettingFile = {
  ref: VettingFileRef;
  forceId: string;
  personId: string | null;
  audit: AuditSubject;
};

const AUDIT_SUBJECT: Record<VettingFileKind, string> = {
  application: 'vetting_application',
  review: 'vetting_review',
};

/**
 * Finds the file (through the vetting scope) and locks it. Not visible → 404, like a missing one; already
 * decided → 422 with the same words for an application and a review.
 */
export async function lockOpenFile(tx: Db, principal: Principal, ref: VettingFileRef): Promise<OpenVettingFile> {
  if (!z.string().uuid().safeParse(ref.id).success) throw notFound(ref.kind);
  const found =
    ref.kind === 'review'
      ? await lockOpenReview(tx, principal, ref.id)
      : await findVisibleApplication(tx, principal, ref.id, true);
  if (!found) throw notFound(ref.kind);
  if (found.status !== 'open')
    throw new AppError('invalid_state', `This ${ref.kind} has been decided: its file can no longer be changed.`);
  return {
    ref,
    forceId: found.forceId,
    personId: found.personId,
    audit: { type: AUDIT_SUBJECT[ref.kind], id: found.id, personId: found.personId },
  };
}

/** A calendar date as the API and the pages send it (the pages build it from day, month and year). */
export const isoDate = (what: string) => isoDateString(`Enter ${what} in the format 2026-03-27`);
