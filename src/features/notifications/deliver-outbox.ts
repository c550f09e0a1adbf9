import type { Deps } from '../../kernel/deps.ts';
import type { Mailer } from './mailer.ts';
import { claimDueMessages, markMessageFailedAttempt, markMessageSent } from './notifications.repository.ts';

export type DeliveryResult = { sent: number; retrying: number; failed: number };

/** Seconds before retry n (1-based): 30 s, 1 min, 2 min … doubling, at most 6 hours. */
export function backoffSeconds(attempt: number): number {
  return Math.min(30 * 2 ** (attempt - 1), 6 * 60 * 60);
}

/**
 * Delivers the outbox's due immediate messages. Rows are claimed with a lease (claimDueMessages), so two
 * instances never send the same row, and a row is marked sent only after the SMTP server accepted it. A
 * refusal schedules a retry with backoff; after PROBITY_OUTBOX_MAX_ATTEMPTS tries the row is `failed` and
 * shows on the administrators' outbox page. Without a mailer nothing is claimed: the mail waits.
 */
export async function deliverOutbox(
  deps: Deps,
  mailer: Mailer | null,
  o: { batchSize?: number } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  if (!mailer) return result;
  for (;;) {
    const now = deps.now();
    const batch = await claimDueMessages(deps.db, now, o.batchSize ?? 50, 120);
    if (batch.length === 0) return result;
    for (const message of batch) {
      try {
        const info = await mailer.send({
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
        });
        await markMessageSent(deps.db, message.id, deps.now(), info.messageId);
        result.sent += 1;
      } catch (err) {
        const attempt = message.attempts + 1;
        const last = attempt >= deps.config.mail.maxAttempts;
        await markMessageFailedAttempt(deps.db, message.id, {
          error: err instanceof Error ? err.message : String(err),
          retryAt: last ? null : new Date(deps.now().getTime() + backoffSeconds(attempt) * 1000),
        });
        if (last) result.failed += 1;
        else result.retrying += 1;
      }
    }
  }
}
