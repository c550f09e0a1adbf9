import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import { createAccount, createForce } from '../../../test/support/factories.ts';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { Role } from '../../kernel/access/roles.ts';
import { runSweep } from '../scheduler/scheduler.ts';
import { listNotifications } from '../notifications/list-notifications.ts';
import { principalOf } from '../auth/sessions.ts';
import { users } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { enqueueReportReminders } from './enqueue-report-reminders.ts';
import { REPORT_TEXT, reportFields, sendReport } from '../../../test/fixtures/reporting/reporting.http-fixtures.ts';

/**
 * Reminders of a confidential report's acknowledgement limit (7 days by default): received Monday 2 March
 * 2026, due Monday 9 March. Reminder points 5 working days before and on the day; escalation after 5
 * working days overdue (the defaults of the case clocks).
 */
let t: TestApp;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};
let reportId = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  await createForce(t.deps.db, 'west', 'Westshire Police');
  const people: [string, Role][] = [
    ['unit', 'confidential_unit'],
    ['unit2', 'confidential_unit'],
    ['psd', 'psd_investigator'],
  ];
  for (const [who, role] of people) {
    const { user } = await createAccount(t.deps, { email: `${who}@west.example`, role, forceId: 'west' });
    ids[who] = user.id;
    tokens[who] = (await createApiToken(t.deps, systemActor('test', 'west'), user.id, 'test')).token;
  }
  await sendReport(t.app, 'west', reportFields());
  reportId = (await t.database.query<{ id: string }>('select id from reports'))[0]!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const at = (day: string): Deps => ({ ...t.deps, now: () => new Date(`${day}T10:00:00Z`) });
const noticesOf = async (who: string) =>
  t.database.query<{ dedupe_key: string; message: string; link: string; subject_type: string }>(
    `select dedupe_key, message, link, subject_type from notifications where user_id = $1 order by dedupe_key`,
    [ids[who]],
  );
const version = async () =>
  (await t.database.query<{ version: number }>('select version from reports where id = $1', [reportId]))[0]!.version;

describe('reminders of the report clocks', () => {
  it('tells the whole unit while nobody is assigned, once, with nothing of the report in the notice', async () => {
    const first = await enqueueReportReminders(at('2026-03-02'), { today: '2026-03-02' });
    expect(first).toEqual({ reminders: 1, overdue: 0, escalations: 0 });
    for (const who of ['unit', 'unit2']) {
      const [notice, ...rest] = await noticesOf(who);
      expect(rest).toEqual([]);
      expect(notice).toMatchObject({
        dedupe_key: `report:${reportId}:report_acknowledgement:before-5`,
        link: `/reports/${reportId}`,
        subject_type: 'confidential_report',
      });
      expect(notice!.message).toBe(
        'The confidential report received on 2 March 2026 must be acknowledged by 9 March 2026, within 5 working days.',
      );
    }
    expect(await noticesOf('psd')).toEqual([]);
    // Shown in the unit member's notices with its link while they may read the force's reports.
    const [user] = await t.deps.db.select().from(users).where(eq(users.id, ids['unit']!));
    const shown = await listNotifications(t.deps, principalOf(user!));
    expect(shown.items).toEqual([
      expect.objectContaining({ link: `/reports/${reportId}`, reference: 'Confidential report' }),
    ]);
    const stored = JSON.stringify([
      await t.database.query('select * from notifications'),
      await t.database.query('select * from outbox'),
    ]);
    expect(stored).not.toContain(REPORT_TEXT);
    expect(stored).not.toContain('isogyn');
    expect(await enqueueReportReminders(at('2026-03-02'), { today: '2026-03-02' })).toEqual({
      reminders: 0,
      overdue: 0,
      escalations: 0,
    });
  });

  it('tells the assignee alone when overdue, the whole unit past the escalation point, and stops once met', async () => {
    const assigned = await api(t.app, 'POST', `/api/v1/reports/${reportId}/assign`, tokens['unit'], {
      version: await version(),
      assignedTo: ids['unit2'],
    });
    expect(assigned.statusCode).toBe(200);
    expect(await enqueueReportReminders(at('2026-03-10'), { today: '2026-03-10' })).toEqual({
      reminders: 0,
      overdue: 1,
      escalations: 0,
    });
    expect((await noticesOf('unit2')).map((n) => n.dedupe_key)).toContain(
      `report:${reportId}:report_acknowledgement:overdue`,
    );
    expect((await noticesOf('unit')).map((n) => n.dedupe_key)).not.toContain(
      `report:${reportId}:report_acknowledgement:overdue`,
    );
    // Through the scheduler's sweep, as it runs each day: 16 March is 5 working days overdue.
    const swept = await runSweep(at('2026-03-16'), null);
    expect(swept.reportReminders).toEqual({ reminders: 0, overdue: 0, escalations: 1 });
    expect((await noticesOf('unit')).map((n) => n.dedupe_key)).toContain(
      `report:${reportId}:report_acknowledgement:escalation`,
    );

    const unit = (await t.database.query<{ n: number }>('select count(*)::int as n from notifications'))[0]!.n;
    const ack = await api(t.app, 'POST', `/api/v1/reports/${reportId}/acknowledge`, tokens['unit2'], {
      version: await version(),
    });
    expect(ack.statusCode).toBe(200);
    expect(
      await t.database.query(`select period, state from clocks where report_id = $1 order by period`, [reportId]),
    ).toEqual([
      { period: 'report_acknowledgement', state: 'met' },
      { period: 'report_feedback', state: 'running' },
    ]);
    expect(await enqueueReportReminders(at('2026-03-17'), { today: '2026-03-17' })).toEqual({
      reminders: 0,
      overdue: 0,
      escalations: 0,
    });
    expect((await t.database.query<{ n: number }>('select count(*)::int as n from notifications'))[0]!.n).toBe(unit);
  });
});
