import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/support/test-app.ts';
import { startSmtpTestServer } from '../../../test/support/smtp-test-server.ts';
import {
  buildComplaintWorld,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';
import { runSweep } from '../scheduler/scheduler.ts';
import { createMailer } from '../notifications/mailer.ts';

/**
 * Reminders of complaint clocks (issue 16), through the scheduler's sweep and a real SMTP server. The
 * complaint is logged on Monday 2026-02-23, so its first contact (10 working days, a force target [R]) is due
 * on Monday 2026-03-09; reminder points 5 working days before (2 March) and on the day, overdue from 10 March,
 * escalated at 5 working days overdue (16 March).
 */

let t: TestApp;
let w: ComplaintWorld;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await createTestApp(
    { mail: { ...testConfig().mail, smtpUrl: smtp.url } },
    () => new Date('2026-03-02T10:00:00Z'),
  );
  w = await buildComplaintWorld(t);
});

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const on = (day: string): Deps => ({ ...t.deps, now: () => new Date(`${day}T10:00:00Z`) });
const sweep = async (day: string) => {
  const mailer = createMailer(t.deps.config.mail);
  try {
    return await runSweep(on(day), mailer);
  } finally {
    mailer?.close();
  }
};
const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => t.database.query<T>(sql, params);
const noticesOf = async (userId: string) =>
  rows<{ kind: string; subject_type: string; message: string; link: string; dedupe_key: string }>(
    `select kind, subject_type, message, link, dedupe_key from notifications where user_id = $1 order by created_at, kind`,
    [userId],
  );
const notices = (token: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: { authorization: `Bearer ${token}` } });

describe('reminders of complaint clocks', () => {
  it('tells the complaints function who may read the complaint, in the app and by e-mail, once per point', async () => {
    const first = await sweep('2026-03-02');
    expect(first.reminders).toEqual({ reminders: 1, overdue: 0, escalations: 0 });
    const [clock] = await rows<{ id: string }>(
      `select id from clocks where owner_kind = 'complaint' and period = 'complaint_first_contact'`,
    );
    for (const who of ['handler', 'aa'] as const) {
      expect(await noticesOf(w.accounts[who].user.id)).toEqual([
        {
          kind: 'clock_reminder',
          subject_type: 'complaint',
          message: `${w.complaint.reference}: “First contact with the complainant about how they want the complaint handled” is due on 9 March 2026, within 5 working days.`,
          link: `/complaints/${w.complaint.id}`,
          dedupe_key: `clock:${clock?.id}:before-5`,
        },
      ]);
    }
    // The handler complained about, the other force, the investigator and the PCC office are told nothing.
    for (const who of ['subject', 'east', 'investigator', 'pcc'] as const) {
      expect(await noticesOf(w.accounts[who].user.id)).toEqual([]);
    }
    // Delivered through the real SMTP server: the reference and a link, never the complaint's words or names.
    expect(smtp.received.map((m) => m.to && 'text' in m.to && m.to.text).sort()).toEqual([
      'aa@west.example',
      'handler@west.example',
    ]);
    for (const mail of smtp.received) {
      expect(mail.text).toContain(w.complaint.reference);
      expect(mail.text).toContain(`/complaints/${w.complaint.id}`);
      expect(mail.text).not.toMatch(/Rude|rough|Jane|Jones|Alice|Ashworth|Swore/);
      expect(mail.html).not.toMatch(/Rude|rough|Jane|Jones|Alice|Ashworth|Swore/);
    }
    // A second run (or a second instance) tells nobody again.
    expect((await sweep('2026-03-02')).reminders).toEqual({ reminders: 0, overdue: 0, escalations: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('shows the notice in the API to its reader, and nothing to those it was not sent to', async () => {
    const mine = await notices(w.tokens.handler);
    expect(mine.statusCode).toBe(200);
    const item = mine.json<{ items: { link: string | null; message: string }[] }>().items[0];
    expect(item?.link).toBe(`/complaints/${w.complaint.id}`);
    expect(item?.message).toContain('is due on 9 March 2026');
    const theirs = await notices(w.tokens.subject);
    expect(theirs.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('tells of the day, the overdue clock and the escalation, each once', async () => {
    expect((await sweep('2026-03-09')).reminders).toEqual({ reminders: 1, overdue: 0, escalations: 0 });
    expect((await sweep('2026-03-10')).reminders).toEqual({ reminders: 0, overdue: 1, escalations: 0 });
    expect((await sweep('2026-03-11')).reminders).toEqual({ reminders: 0, overdue: 0, escalations: 0 });
    expect((await sweep('2026-03-16')).reminders).toEqual({ reminders: 0, overdue: 0, escalations: 1 });
    expect((await sweep('2026-03-17')).reminders).toEqual({ reminders: 0, overdue: 0, escalations: 0 });
    expect((await noticesOf(w.accounts.handler.user.id)).map((n) => n.kind)).toEqual([
      'clock_reminder',
      'clock_reminder',
      'clock_overdue',
      'clock_escalation',
    ]);
    expect(await noticesOf(w.accounts.subject.user.id)).toEqual([]);
  });

  it('tells nothing of a clock that has ended', async () => {
    await t.database.query(`update clocks set state = 'cancelled' where owner_kind = 'complaint'`);
    await t.database.query(`delete from notifications`);
    expect((await sweep('2026-03-18')).reminders).toEqual({ reminders: 0, overdue: 0, escalations: 0 });
    expect(await noticesOf(w.accounts.handler.user.id)).toEqual([]);
  });
});
