import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { masterKeyOf, sealFollowUpToken } from './report-crypto.ts';
import { afterFailure, decoyReceiptHash, isLocked, parseReceipt, receiptMatches } from './receipt.ts';
import { findReportByLookup, setReceiptAttempts } from './reports.repository.ts';

/** How long the follow-up cookie opens the report for. */
export const FOLLOW_UP_MINUTES = 30;

const WRONG = 'That receipt does not open a report. Check it and enter it again, exactly as it was given to you.';

/**
 * The reporter opens their report with the receipt. Every wrong receipt — malformed, unknown, or wrong —
 * gets the same answer after the same argon2 verification; wrong ones count against the report they name
 * and lock it after {@link RECEIPT_LOCK_THRESHOLD}, without any address. The answer is a sealed token for
 * the follow-up cookie.
 */
export async function openFollowUp(deps: Deps, forceId: string, typed: unknown): Promise<{ token: string }> {
  const master = masterKeyOf(deps.config.reporting);
  const receipt = typeof typed === 'string' ? parseReceipt(typed) : null;
  if (!receipt) {
    if (typeof typed !== 'string' || typed.trim() === '')
      throw new AppError('validation', 'Enter your receipt', { receipt: 'Enter your receipt' });
    await receiptMatches(await decoyReceiptHash(), 'x');
    throw new AppError('validation', 'Check your receipt', { receipt: WRONG });
  }
  const now = deps.now();
  const row = /^[a-z0-9_-]{1,40}$/.test(forceId)
    ? await findReportByLookup(deps.db, forceId, receipt.lookup)
    : undefined;
  const matches = await receiptMatches(row?.receiptHash ?? (await decoyReceiptHash()), receipt.secret);
  if (!row) throw new AppError('validation', 'Check your receipt', { receipt: WRONG });
  const state = { failedAttempts: row.failedAttempts, lockedUntil: row.lockedUntil };
  if (isLocked(state, now))
    throw new AppError(
      'locked',
      'This report cannot be opened for now because of too many wrong receipts. Try again in an hour.',
    );
  if (!matches) {
    await setReceiptAttempts(deps.db, row.forceId, row.id, afterFailure(state, now));
    throw new AppError('validation', 'Check your receipt', { receipt: WRONG });
  }
  if (row.failedAttempts > 0 || row.lockedUntil)
    await setReceiptAttempts(deps.db, row.forceId, row.id, { failedAttempts: 0, lockedUntil: null });
  return {
    token: sealFollowUpToken(master, {
      forceId: row.forceId,
      reportId: row.id,
      expiresAt: now.getTime() + FOLLOW_UP_MINUTES * 60_000,
    }),
  };
}
