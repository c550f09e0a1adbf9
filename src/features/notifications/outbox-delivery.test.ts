import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { users } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { openNotificationWorld } from '../../../test/support/notification-world.ts';
import { startSmtpTestServer } from '../../../test/support/smtp-test-server.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import { enqueueClockReminders } from './enqueue-clock-reminders.ts';
import { createMailer } from './mailer.ts';
import { sendDigests } from './send-digests.ts';
import { eq } from 'drizzle-orm';

let database: Database;
let deps: Deps;
let world: Awaited<ReturnType<typeof openNotificationWorld>>;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
let clock = new Date('2026-12-07T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpTestServer();
  const base = testConfig();
  deps = {
    db: database.db,
    config: { ...base, mail: { ...base.mail, smtpUrl: smtp.url, maxAttempts: 3 } },
    now: () => clock,
  };
  world = await openNotificationWorld(deps, 'mail');
});

beforeEach(async () => {
  clock = new Date('2026-12-07T10:00:00Z');
  smtp.received.length = 0;
  await database.exec(`update clocks set state = 'cancelled' where state in ('running', 'due', 'overdue')`);
  await database.exec(`update outbox set status = 'sent' where status in ('pending', 'sending')`);
  await deps.db.update(users).set({ notificationDelivery: 'immediate' });
});

afterAll(async () => {
  await smtp?.close();
  await database?.close();
});

const statuses = () =>
  rawRows<{ status: string; attempts: number; last_error: string | null }>(
    deps.db,
    sql`select status, attempts, last_error from outbox where status in ('pending', 'sending') order by created_at`,
  );

describe('e-mail through the outbox to a real SMTP server', () => {
  it('delivers a reminder in plain text and HTML, with the reference and a link and no case content', async () => {
    const c = await world.caseWithClockDue('2026-12-14');
    const mailer = createMailer(deps.config.mail);
    expect(await enqueueClockReminders(deps, { today: '2026-12-07' })).toEqual({
      reminders: 1,
      overdue: 0,
      escalations: 0,
    });
    expect(await deliverOutbox(deps, mailer)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    mailer?.close();
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('lead@mail.test');
    expect(mail?.subject).toBe(`Probity: ${c.reference}`);
    expect(mail?.text).toContain(`${c.reference}: “First report to the local policing body`);
    expect(mail?.text).toContain(`http://127.0.0.1:3000/cases/${c.caseId}`);
    expect(mail?.html).toContain(`<a href="http://127.0.0.1:3000/cases/${c.caseId}"`);
    expect(mail?.html).toContain('<html lang="en">');
    expect(`${mail?.text}${String(mail?.html)}`).not.toContain('must never be e-mailed');
  });

  it('retries after the server refuses, with backoff, and marks it failed after the last try', async () => {
    await world.caseWithClockDue('2026-12-07');
    await enqueueClockReminders(deps, { today: '2026-12-07' });
    const mailer = createMailer(deps.config.mail);
    smtp.refuseNext(1);
    expect(await deliverOutbox(deps, mailer)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await statuses();
    expect(waiting.map((w) => [w.status, w.attempts])).toEqual([['pending', 1]]);
    expect(waiting[0]?.last_error).toContain('451');
    // Not yet due again: the backoff holds it.
    expect(await deliverOutbox(deps, mailer)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    clock = new Date(clock.getTime() + 31_000);
    expect(await deliverOutbox(deps, mailer)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await smtp.waitFor(1);

    await world.caseWithClockDue('2026-12-04');
    await enqueueClockReminders(deps, { today: '2026-12-07' });
    smtp.refuseNext(3);
    for (let i = 0; i < 3; i += 1) {
      await deliverOutbox(deps, mailer);
      clock = new Date(clock.getTime() + 10 * 60_000);
    }
    mailer?.close();
    const failed = await rawRows<{ attempts: number }>(
      deps.db,
      sql`select attempts from outbox where status = 'failed'`,
    );
    expect(failed).toEqual([{ attempts: 3 }]);
  });

  it('sends nothing twice: a second run, a restarted sender and a second instance find nothing new', async () => {
    await world.caseWithClockDue('2026-12-08');
    const first = createMailer(deps.config.mail);
    await enqueueClockReminders(deps, { today: '2026-12-07' });
    await deliverOutbox(deps, first);
    first?.close();
    // "Restart": a new mailer, the reminder pass again for the same day, then the next day (same stage).
    const second = createMailer(deps.config.mail);
    expect(await enqueueClockReminders(deps, { today: '2026-12-07' })).toEqual({
      reminders: 0,
      overdue: 0,
      escalations: 0,
    });
    clock = new Date('2026-12-08T09:00:00Z');
    expect((await enqueueClockReminders(deps, { today: '2026-12-08' })).reminders).toBe(1); // the on-the-day point
    expect(await deliverOutbox(deps, second)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await deliverOutbox(deps, second)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    second?.close();
    const mails = await smtp.waitFor(2);
    expect(mails).toHaveLength(2);
  });

  it('holds notices for a digest user and sends them as one e-mail', async () => {
    await deps.db.update(users).set({ notificationDelivery: 'digest' }).where(eq(users.id, world.investigator.user.id));
    const a = await world.caseWithClockDue('2026-12-07');
    const b = await world.caseWithClockDue('2026-12-09');
    await enqueueClockReminders(deps, { today: '2026-12-07' });
    const mailer = createMailer(deps.config.mail);
    expect(await deliverOutbox(deps, mailer)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await sendDigests(deps, { today: '2026-12-07' })).toEqual({ digests: 1, notices: 2 });
    expect(await sendDigests(deps, { today: '2026-12-07' })).toEqual({ digests: 0, notices: 0 });
    expect(await deliverOutbox(deps, mailer)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    mailer?.close();
    const [digest] = await smtp.waitFor(1);
    expect(digest?.subject).toBe('Probity: 2 notices today');
    expect(digest?.text).toContain(a.reference);
    expect(digest?.text).toContain(b.reference);
  });

  it('without SMTP configured, e-mail waits in the outbox while the in-app notice appears', async () => {
    const c = await world.caseWithClockDue('2026-12-07');
    await enqueueClockReminders(deps, { today: '2026-12-07' });
    expect(await deliverOutbox(deps, createMailer({ smtpUrl: null, from: 'x@y.z' }))).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect(await statuses()).toEqual([{ status: 'pending', attempts: 0, last_error: null }]);
    const notices = await rawRows(deps.db, sql`select 1 from notifications where subject_id = ${c.caseId}::uuid`);
    expect(notices).toHaveLength(1);
  });
});
