import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { checkStatuses, checkTypes } from '../../../db/schema/index.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion, type FieldErrors } from '../../../kernel/errors.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import type { AuditEvent } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { isoDate, lockOpenFile, type VettingFileKind, type VettingFileRef } from './vetting-file.ts';
import { findCheckForUpdate, insertCheck, updateCheck, type CheckRow } from './vetting-file.repository.ts';

/** The fields of a check's result, with one set of limits for an application and a review (§4.3). */
export const checkFields = z.object({
  /** Absent: a new check (a review only). Present, with its version: a new result for that check. */
  checkId: z.preprocess(blank, z.string().uuid('Choose the check').optional()),
  version: z.preprocess(blank, z.coerce.number().int().min(1).optional()),
  checkType: z.preprocess(blank, z.enum(checkTypes, { message: 'Choose which check' }).optional()),
  status: z.enum(checkStatuses, { message: 'Choose the result of the check' }),
  completedOn: z.preprocess(blank, isoDate('the date the check was completed').optional()),
  notes: z.string().trim().max(5000, 'Notes must be 5,000 characters or fewer').default(''),
});

export const recordCheckInput = checkFields.extend({ applicationId: z.string().uuid() });
export const reviewCheckInput = checkFields.extend({ reviewId: z.string().uuid() });

/**
 * What differs between the files: an application is opened with its nine checks, each pending, so a result
 * is recorded on one of them and "pending" is not a result; a review records each check as it is asked for
 * (pending until the answer comes) and may add any check.
 */
export const CHECKS_OF_FILE: Readonly<Record<VettingFileKind, { addsChecks: boolean; pendingIsAResult: boolean }>> = {
  application: { addsChecks: false, pendingIsAResult: false },
  review: { addsChecks: true, pendingIsAResult: true },
};

function checkRecorded(file: VettingFileRef, check: CheckRow, status: string): AuditEvent {
  const fields = { checkId: check.id, checkType: check.checkType, status };
  return file.kind === 'application'
    ? { type: 'vetting.check_recorded', applicationId: file.id, ...fields }
    : { type: 'vetting.review_check_recorded', reviewId: file.id, ...fields };
}

/**
 * Records the result of a check of an open vetting file — clear, adverse (what was found; the items
 * themselves are recorded as adverse information), not required (why), or for a review, pending — or adds
 * a check to a review. A completed check carries the day it was completed, today if not given. A result
 * can be corrected while the file is open; the version guards against overwriting someone else's result.
 */
export async function recordFileCheck(
  deps: Deps,
  principal: Principal | null,
  file: VettingFileRef,
  raw: z.input<typeof checkFields>,
  requestId: string | null,
): Promise<{ checkId: string }> {
  authorize(principal, 'vetting.decide', file.kind);
  const input = parseInput(checkFields, raw, 'Check the result');
  const rules = CHECKS_OF_FILE[file.kind];
  const today = ukToday(deps.now());
  const fields: FieldErrors = {};
  if (input.status === 'pending' && !rules.pendingIsAResult) fields['status'] = 'Choose the result of the check';
  if (!input.checkId && !rules.addsChecks) fields['checkId'] = 'Choose the check';
  if (!input.checkId && !input.checkType) fields['checkType'] = 'Choose which check';
  if (input.checkId && input.version === undefined) fields['version'] = 'Reload the page and try again';
  if (input.status !== 'clear' && input.status !== 'pending' && input.notes.length < 3)
    fields['notes'] = 'Say what was found, or why the check is not required';
  if (input.completedOn && input.completedOn > today)
    fields['completedOn'] = 'The date completed must be today or in the past';
  if (Object.keys(fields).length > 0) throw new AppError('validation', 'Check the result', fields);
  const completedOn = input.status === 'pending' ? null : (input.completedOn ?? today);
  return deps.db.transaction(async (tx) => {
    const open = await lockOpenFile(tx, principal, file);
    let check: CheckRow;
    if (input.checkId) {
      const existing = await findCheckForUpdate(tx, open.forceId, file, input.checkId);
      if (!existing) throw notFound('check');
      if (existing.version !== input.version) throw staleVersion();
      await updateCheck(tx, existing, { status: input.status, completedOn, notes: input.notes });
      check = existing;
    } else {
      check = await insertCheck(tx, {
        forceId: open.forceId,
        reviewId: file.id,
        checkType: input.checkType ?? 'pnc',
        status: input.status,
        completedOn,
        notes: input.notes,
      });
    }
    await recordAudit(tx, actorOf(principal, requestId), open.audit, checkRecorded(file, check, input.status));
    return { checkId: check.id };
  });
}

/** The result of one of an application's checks: `{ id }` of the check, as the application API answers. */
export async function recordCheck(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof recordCheckInput>,
  requestId: string | null,
): Promise<{ id: string }> {
  const { applicationId, ...fields } = raw;
  const { checkId } = await recordFileCheck(
    deps,
    principal,
    { kind: 'application', id: applicationId },
    fields,
    requestId,
  );
  return { id: checkId };
}

/** A check made for a review, or a new result for one: `{ checkId }`, as the reviews API answers. */
export async function recordReviewCheck(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof reviewCheckInput>,
  requestId: string | null,
): Promise<{ checkId: string }> {
  const { reviewId, ...fields } = raw;
  return recordFileCheck(deps, principal, { kind: 'review', id: reviewId }, fields, requestId);
}
