import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { composeDigest } from './email-content.ts';
import { insertOutboxMessage, lockWaitingDigestMessages, markMessagesDigested } from './notifications.repository.ts';

const digestMeta = z.object({ line: z.string(), path: z.string() });

/**
 * The daily digest (scheduled by PROBITY_DIGEST_CRON): each user who chose a digest gets one e-mail listing
 * the notices held for them, and those messages are marked `digested` in the same transaction, so a notice
 * is in exactly one digest. The digest itself goes through the outbox like any message (key
 * digest:<user>:<day>:<n>).
 */
export async function sendDigests(deps: Deps, o: { today: IsoDate }): Promise<{ digests: number; notices: number }> {
  let digests = 0;
  let notices = 0;
  for (let round = 0; ; round += 1) {
    const done = await deps.db.transaction(async (tx) => {
      const waiting = await lockWaitingDigestMessages(tx, 500);
      if (waiting.length === 0) return true;
      const byUser = new Map<string, typeof waiting>();
      for (const m of waiting) {
        const key = m.userId ?? m.toAddress;
        byUser.set(key, [...(byUser.get(key) ?? []), m]);
      }
      for (const [userKey, messages] of byUser) {
        const first = messages[0];
        if (!first) continue;
        const items = messages.map((m) => {
          const meta = digestMeta.safeParse(m.meta);
          return meta.success
            ? { line: meta.data.line, href: `${deps.config.publicUrl}${meta.data.path}` }
            : { line: m.subject, href: `${deps.config.publicUrl}/notifications` };
        });
        const email = composeDigest({ items, link: `${deps.config.publicUrl}/notifications` });
        await insertOutboxMessage(tx, {
          forceId: first.forceId,
          userId: first.userId,
          toAddress: first.toAddress,
          kind: 'digest',
          subject: email.subject,
          textBody: email.text,
          htmlBody: email.html,
          dedupeKey: `digest:${userKey}:${o.today}:${round}`,
          digest: 'immediate',
          nextAttemptAt: deps.now(),
          createdAt: deps.now(),
        });
        await markMessagesDigested(
          tx,
          messages.map((m) => m.id),
          deps.now(),
        );
        digests += 1;
        notices += messages.length;
      }
      return false;
    });
    if (done) return { digests, notices };
  }
}
