import { randomUUID } from 'node:crypto';
import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { notificationKinds } from '../../db/schema/index.ts';
import { composeEmail } from './email-content.ts';
import { findRecipients, insertNotification, insertOutboxMessage } from './notifications.repository.ts';

export type Notice = {
  kind: (typeof notificationKinds)[number];
  subject: {
    type: 'case' | 'account' | 'vetting_review' | 'confidential_report' | 'complaint';
    id: string | null;
    reference: string;
  };
  /** One sentence naming the reference and what is needed: never case content. */
  message: string;
  /** A path inside Probity (e.g. /cases/…); the e-mail gets the full URL. */
  path: string;
  /** Once-only key per event (e.g. clock:<id>:before-5); each recipient gets it at most once. */
  dedupeKey: string;
};

/**
 * Tells users about an event, inside the caller's transaction (so a notice exists exactly when its event
 * does): an in-app notice each, and an e-mail each in the outbox, immediate or held for the daily digest as
 * the user chose. Both are idempotent on the dedupe key. Returns how many users were newly told.
 */
export async function notifyUsers(tx: Db, deps: Deps, userIds: (string | null)[], notice: Notice): Promise<number> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  const recipients = await findRecipients(tx, ids);
  let told = 0;
  for (const r of recipients) {
    const fresh = await insertNotification(tx, {
      forceId: r.forceId,
      userId: r.id,
      kind: notice.kind,
      subjectType: notice.subject.type,
      subjectId: notice.subject.id,
      reference: notice.subject.reference,
      message: notice.message,
      link: notice.path,
      dedupeKey: notice.dedupeKey,
      createdAt: deps.now(),
    });
    if (!fresh) continue;
    told += 1;
    const email = composeEmail({
      subject: `Probity: ${notice.subject.reference}`,
      lines: [notice.message],
      link: { href: `${deps.config.publicUrl}${notice.path}`, text: `Open ${notice.subject.reference} in Probity` },
    });
    await insertOutboxMessage(tx, {
      forceId: r.forceId,
      userId: r.id,
      toAddress: r.email,
      kind: notice.kind,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      dedupeKey: `${notice.dedupeKey}:${r.id}`,
      digest: r.delivery,
      nextAttemptAt: deps.now(),
      createdAt: deps.now(),
      meta: { line: notice.message, path: notice.path },
    });
  }
  return told;
}

/**
 * Queues an e-mail that must go at once whatever the user's digest choice: set-up links and resets. The
 * link is a secret, so it is in the e-mail only, never in an in-app notice.
 */
export async function queueAccountEmail(
  tx: Db,
  deps: Deps,
  o: {
    userId: string;
    forceId: string;
    to: string;
    kind: string;
    subject: string;
    lines: string[];
    link: string;
    linkText: string;
    dedupeKey: string;
  },
): Promise<void> {
  const email = composeEmail({ subject: o.subject, lines: o.lines, link: { href: o.link, text: o.linkText } });
  await insertOutboxMessage(tx, {
    forceId: o.forceId,
    userId: o.userId,
    toAddress: o.to,
    kind: o.kind,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    dedupeKey: o.dedupeKey,
    digest: 'immediate',
    nextAttemptAt: deps.now(),
    createdAt: deps.now(),
  });
}

/**
 * Queues an e-mail to someone without an account (a complainant): the whole message is given, sent at once
 * by the outbox like any other (no in-app notice, no digest).
 */
export async function queueExternalEmail(
  tx: Db,
  deps: Deps,
  o: { forceId: string; to: string; kind: string; subject: string; text: string; html: string; dedupeKey: string },
): Promise<string> {
  const id = randomUUID();
  await insertOutboxMessage(tx, {
    id,
    forceId: o.forceId,
    userId: null,
    toAddress: o.to,
    kind: o.kind,
    subject: o.subject,
    textBody: o.text,
    htmlBody: o.html,
    dedupeKey: o.dedupeKey,
    digest: 'immediate',
    nextAttemptAt: deps.now(),
    createdAt: deps.now(),
  });
  return id;
}
