import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { sweepAllClocks } from '../deadlines/sweep-all-clocks.ts';
import {
  buildComplaintWorld,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';
import { insertComplaintClock } from './complaints.repository.ts';

/**
 * The sweeper on complaint clocks (issue 16). The complaint is logged on 2026-02-23, so its first contact
 * (10 working days, a force target [R]) is due on Monday 2026-03-09.
 */

let t: TestApp;
let w: ComplaintWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  w = await buildComplaintWorld(t);
  // A complainant's review window (C&M Regs 2020 reg 29(2)) whose last day is 2026-03-05.
  await t.deps.db.transaction((tx) =>
    insertComplaintClock(tx, {
      forceId: 'west',
      complaintId: w.complaint.id,
      period: 'complainant_review_window',
      startedOn: '2026-02-06',
      dueOn: '2026-03-05',
    }),
  );
});

afterAll(async () => {
  await t?.close();
});

const rows = async <T>(sql: string): Promise<T[]> => {
  const result: unknown = await t.database.db.execute(sql);
  return (result as { rows: T[] }).rows;
};
const clock = async (period: string) =>
  (
    await rows<{ state: string; met_on: string | null; due: boolean; overdue: boolean }>(
      `select state, met_on::text, due_notified_at is not null as due, overdue_notified_at is not null as overdue
       from clocks where owner_kind = 'complaint' and period = '${period}'`,
    )
  )[0];
const changes = async () =>
  (
    await rows<{ change: string; period: string }>(
      `select payload->>'change' as change, payload->>'period' as period from audit_events
       where event_type = 'complaint.clock' and actor_label like '%clock sweeper%' order by seq`,
    )
  ).map((r) => `${r.period} ${r.change}`);
const sweep = async (today: string) => (await sweepAllClocks(t.deps, { today })).complaints;

describe('the sweeper on complaint clocks', () => {
  it('closes the review window after its last day, not on it', async () => {
    expect(await sweep('2026-03-05')).toEqual({ markedDue: 0, markedOverdue: 0, windowsElapsed: 0 });
    expect(await sweep('2026-03-06')).toEqual({ markedDue: 0, markedOverdue: 0, windowsElapsed: 1 });
    expect(await clock('complainant_review_window')).toMatchObject({ state: 'met', met_on: '2026-03-05' });
  });

  it('records the first contact due on its day and overdue the day after, once each, keeping it running', async () => {
    expect(await sweep('2026-03-08')).toEqual({ markedDue: 0, markedOverdue: 0, windowsElapsed: 0 });
    expect(await sweep('2026-03-09')).toEqual({ markedDue: 1, markedOverdue: 0, windowsElapsed: 0 });
    expect(await sweep('2026-03-09')).toEqual({ markedDue: 0, markedOverdue: 0, windowsElapsed: 0 });
    expect(await clock('complaint_first_contact')).toMatchObject({ state: 'running', due: true, overdue: false });
    expect(await sweep('2026-03-10')).toEqual({ markedDue: 0, markedOverdue: 1, windowsElapsed: 0 });
    expect(await sweep('2026-03-11')).toEqual({ markedDue: 0, markedOverdue: 0, windowsElapsed: 0 });
    expect(await clock('complaint_first_contact')).toMatchObject({ state: 'running', due: true, overdue: true });
    expect(await changes()).toEqual([
      'complainant_review_window met',
      'complaint_first_contact due',
      'complaint_first_contact overdue',
    ]);
  });
});
