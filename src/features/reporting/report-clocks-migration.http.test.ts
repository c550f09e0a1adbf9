import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createForce } from '../../../test/support/factories.ts';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { migrationsFolder } from '../../db/client.ts';
import { resolvePeriods } from '../../kernel/time/periods.ts';
import { plannedReportClocks } from './rules/report-clocks.ts';

/**
 * The migration that moves the report clocks into the one clock store (0045_move-report-clocks.sql): before
 * it a report's two clocks were worked out from its days on each read, so a report of that time has no row
 * in `clocks`. Each such report gets its acknowledgement and feedback clocks, met on the days it recorded.
 */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-06-01T10:00:00Z'));
  await createForce(t.deps.db, 'west', 'Westshire Police');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Runs one checked-in migration's statements against the test database, as the migrator would. */
async function runMigration(suffix: string): Promise<void> {
  const file = fs.readdirSync(migrationsFolder).find((f) => f.endsWith(suffix));
  if (!file) throw new Error(`no migration *${suffix}`);
  const text = fs.readFileSync(path.join(migrationsFolder, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) await t.database.query(statement);
}

/** A report row as the reporting feature stored it before the move (sealed columns are placeholders here). */
async function oldReport(
  n: number,
  days: { status: string; received: string; acknowledged: string | null; feedback: string | null },
): Promise<string> {
  const id = `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
  await t.database.query(
    `insert into reports (force_id, id, receipt_lookup, receipt_hash, key_id, wrapped_key, category, content,
        anonymous, status, received_on, status_on, acknowledged_on, feedback_on)
      values ('west', $1, $2, 'hash', 'k1', 'wrapped', 'other', 'sealed', true, $3, $4, $4, $5, $6)`,
    [id, `L${n}`, days.status, days.received, days.acknowledged, days.feedback],
  );
  return id;
}

const clocksOf = (id: string) =>
  t.database.query(
    `select owner_kind, case_id, complaint_id, subject_key, period, started_on::text, due_on::text, state,
        met_on::text
      from clocks where report_id = $1 order by period`,
    [id],
  );

describe('moving the report clocks into the one clock store', () => {
  it('gives every older report its two clocks, met on its days, and runs twice without doubling them', async () => {
    // Received 2 March, acknowledged in time on 4 March: feedback runs 3 months from the acknowledgement.
    const inTime = await oldReport(1, {
      status: 'assessing',
      received: '2026-03-02',
      acknowledged: '2026-03-04',
      feedback: null,
    });
    // Acknowledged late (20 March) and answered on 1 June: feedback ran from the end of the 7 days (9 March).
    const late = await oldReport(2, {
      status: 'investigating',
      received: '2026-03-02',
      acknowledged: '2026-03-20',
      feedback: '2026-06-01',
    });
    // Never acknowledged; its 7 days end on 31 January, so the 3 months end on the last day of a shorter month.
    const silent = await oldReport(3, {
      status: 'received',
      received: '2026-01-24',
      acknowledged: null,
      feedback: null,
    });
    // Closed before the steps recorded their days (an older row): its unmet clocks end with it.
    const closed = await oldReport(4, {
      status: 'no_action',
      received: '2026-02-02',
      acknowledged: null,
      feedback: null,
    });

    await runMigration('_move-report-clocks.sql');
    await runMigration('_move-report-clocks.sql');

    const row = (period: string, started: string, due: string, state: string, met: string | null) => ({
      owner_kind: 'report',
      case_id: null,
      complaint_id: null,
      subject_key: null,
      period,
      started_on: started,
      due_on: due,
      state,
      met_on: met,
    });
    expect(await clocksOf(inTime)).toEqual([
      row('report_acknowledgement', '2026-03-02', '2026-03-09', 'met', '2026-03-04'),
      row('report_feedback', '2026-03-04', '2026-06-04', 'running', null),
    ]);
    expect(await clocksOf(late)).toEqual([
      row('report_acknowledgement', '2026-03-02', '2026-03-09', 'met', '2026-03-20'),
      row('report_feedback', '2026-03-09', '2026-06-09', 'met', '2026-06-01'),
    ]);
    expect(await clocksOf(silent)).toEqual([
      row('report_acknowledgement', '2026-01-24', '2026-01-31', 'running', null),
      row('report_feedback', '2026-01-31', '2026-04-30', 'running', null),
    ]);
    // The same days as a report received today gets from the rules (the default periods).
    expect(plannedReportClocks(resolvePeriods(), '2026-01-24')).toEqual([
      { period: 'report_acknowledgement', startedOn: '2026-01-24', dueOn: '2026-01-31' },
      { period: 'report_feedback', startedOn: '2026-01-31', dueOn: '2026-04-30' },
    ]);
    expect(await clocksOf(closed)).toEqual([
      row('report_acknowledgement', '2026-02-02', '2026-02-09', 'cancelled', null),
      row('report_feedback', '2026-02-09', '2026-05-09', 'cancelled', null),
    ]);
  });

  it('refuses a report clock without its report, or one naming another owner too (clocks_owner_check)', async () => {
    await expect(
      t.database.query(
        `insert into clocks (force_id, owner_kind, period, started_on, due_on) values ('west', 'report', 'report_feedback', '2026-01-01', '2026-04-01')`,
      ),
    ).rejects.toThrow(/clocks_owner_check/);
    await expect(
      t.database.query(
        `insert into clocks (force_id, owner_kind, report_id, subject_key, period, started_on, due_on)
          values ('west', 'report', '00000000-0000-4000-8000-000000000001', 'review:x', 'report_feedback', '2026-01-01', '2026-04-01')`,
      ),
    ).rejects.toThrow(/clocks_owner_check/);
  });
});
