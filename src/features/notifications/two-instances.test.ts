import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import { openDatabase, type Database } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from '../../../test/support/engine.ts';
import { openNotificationWorld } from '../../../test/support/notification-world.ts';
import { startSmtpTestServer } from '../../../test/support/smtp-test-server.ts';
import { createMailer } from './mailer.ts';
import { runSweep } from '../scheduler/scheduler.ts';

/**
 * Two app instances against one database run the sweep, the reminders and the sender at the same moment.
 * On PostgreSQL (PROBITY_TEST_ENGINE=pg) they are two connection pools, as two servers would be; on PGlite,
 * which one process owns, they are two concurrent callers of the one handle.
 */
let first: Database;
let second: Database;
let cleanup: () => Promise<void>;
let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  if (testEngine === 'pg') {
    const name = `probity_two_instances_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testPgAdminUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${testPgTemplate}`);
    await admin.end();
    first = await openDatabase({ engine: 'pg', url: pgUrlFor(name), poolSize: 4 });
    second = await openDatabase({ engine: 'pg', url: pgUrlFor(name), poolSize: 4 });
    cleanup = async () => {
      await first.close();
      await second.close();
      const dropper = new pg.Client({ connectionString: testPgAdminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  } else {
    first = await createTestDatabase();
    second = first;
    cleanup = () => first.close();
  }
});

afterAll(async () => {
  await smtp?.close();
  await cleanup?.();
});

describe('two instances on one database', () => {
  it('send each reminder exactly once', async () => {
    const base = testConfig();
    const config = { ...base, mail: { ...base.mail, smtpUrl: smtp.url } };
    const now = () => new Date('2026-12-07T10:00:00Z');
    const a: Deps = { db: first.db, config, now };
    const b: Deps = { db: second.db, config, now };
    const world = await openNotificationWorld(a, 'twin');
    const made = [];
    for (const due of ['2026-12-07', '2026-12-08', '2026-12-11', '2026-12-04', '2026-11-20'])
      for (let i = 0; i < 4; i += 1) made.push(await world.caseWithClockDue(due));

    const mailers = [createMailer(config.mail), createMailer(config.mail)];
    const results = await Promise.all([runSweep(a, mailers[0] ?? null), runSweep(b, mailers[1] ?? null)]);
    // And once more each, as the next scheduled runs would.
    await Promise.all([runSweep(a, mailers[0] ?? null), runSweep(b, mailers[1] ?? null)]);
    for (const m of mailers) m?.close();

    const reminded = results.reduce(
      (n, r) => n + r.reminders.reminders + r.reminders.overdue + r.reminders.escalations,
      0,
    );
    expect(reminded).toBe(made.length);
    const notices = await rawRows<{ n: number }>(a.db, sql`select count(*)::int as n from notifications`);
    expect(notices[0]?.n).toBe(made.length);
    const mails = await smtp.waitFor(made.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mails).toHaveLength(made.length);
    const subjects = mails.map((m) => m.subject);
    expect(new Set(subjects).size).toBe(made.length);
    // Escalations went to the appropriate authority, the rest to the lead investigator.
    const to = (m: (typeof mails)[number]) => (m.to && 'text' in m.to ? m.to.text : '');
    expect(mails.filter((m) => to(m) === 'aa@twin.test')).toHaveLength(4);
    expect(mails.filter((m) => to(m) === 'lead@twin.test')).toHaveLength(16);
  });
});
