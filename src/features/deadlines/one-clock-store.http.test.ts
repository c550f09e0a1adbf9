import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { migrationsFolder } from '../../db/client.ts';
import {
  buildComplaintWorld,
  type ComplaintWorld,
} from '../../../test/fixtures/complaints/complaints.http-fixtures.ts';
import {
  buildReviewWorld,
  client,
  openReview,
  type ReviewWho,
  type ReviewWorld,
} from '../../../test/fixtures/vetting/review.http-fixtures.ts';
import type { Deadline } from './list-deadlines.ts';

/**
 * One clock store (issue 11 item 12): case, complaint and vetting clocks are rows of `clocks`, keyed by
 * their owner kind; the migration moved vetting_clocks and complaint_clocks into it with their history and
 * dropped them; the deadline lists read every owner kind, each under its own need-to-know.
 */

type Mine = { overdueCount: number; overdue: Deadline[]; dueThisWeek: Deadline[]; later: Deadline[] };
const all = (m: Mine) => [...m.overdue, ...m.dueThisWeek, ...m.later];

/** Runs one checked-in migration's statements against the test database, as the migrator would. */
async function runMigration(t: TestApp, suffix: string): Promise<void> {
  const file = fs.readdirSync(migrationsFolder).find((f) => f.endsWith(suffix));
  if (!file) throw new Error(`no migration *${suffix}`);
  const text = fs.readFileSync(path.join(migrationsFolder, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) await t.database.query(statement);
}

describe('the one clock store: migration and complaint clocks', () => {
  let t: TestApp;
  let w: ComplaintWorld;

  beforeAll(async () => {
    t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
    w = await buildComplaintWorld(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const tableExists = async (name: string) =>
    (await t.database.query<{ t: string | null }>(`select to_regclass($1)::text as t`, [name]))[0]?.t !== null;

  it('has no vetting_clocks or complaint_clocks table after migrating', async () => {
    expect(await tableExists('clocks')).toBe(true);
    expect(await tableExists('vetting_clocks')).toBe(false);
    expect(await tableExists('complaint_clocks')).toBe(false);
  });

  it('keeps a complaint logged through its use case in the one store, as owner kind complaint', async () => {
    const rows = await t.database.query(
      `select owner_kind, case_id, subject_key, period, state, due_on::text from clocks where complaint_id = $1`,
      [w.complaint.id],
    );
    expect(rows).toEqual([
      {
        owner_kind: 'complaint',
        case_id: null,
        subject_key: null,
        period: 'complaint_first_contact',
        state: 'running',
        due_on: '2026-03-09',
      },
    ]);
  });

  it('moves rows of the old tables into the store with their state, met date and notified stamps', async () => {
    // The old tables as the earlier migrations left them (0005, 0030, 0039).
    await t.database.query(`create table vetting_clocks (force_id text not null, id uuid not null, person_id uuid,
      subject_key text not null, period text not null, started_on date not null, due_on date not null,
      state text default 'running' not null, met_on date, due_notified_at timestamptz, overdue_notified_at timestamptz,
      primary key (force_id, id))`);
    await t.database.query(`create table complaint_clocks (force_id text not null, id uuid not null,
      complaint_id uuid not null, period text not null, sequence integer default 1 not null, started_on date not null,
      due_on date not null, state text default 'running' not null, met_on date, due_notified_at timestamptz,
      overdue_notified_at timestamptz, primary key (force_id, id))`);
    const vettingId = '00000000-0000-4000-8000-00000000c001';
    const complaintClockId = '00000000-0000-4000-8000-00000000c002';
    await t.database.query(
      `insert into vetting_clocks values ('west', $1, null, 'review:00000000-0000-4000-8000-00000000a001',
        'vetting_review', '2026-01-01', '2026-01-29', 'overdue', null, '2026-01-29T06:00:00Z', '2026-01-30T06:00:00Z')`,
      [vettingId],
    );
    await t.database.query(
      `insert into complaint_clocks values ('west', $1, $2, 'complaint_progress_update', 2, '2026-01-01',
        '2026-01-29', 'met', '2026-01-20', '2026-01-29T06:00:00Z', null)`,
      [complaintClockId, w.complaint.id],
    );

    await runMigration(t, '_move-vetting-complaint-clocks.sql');
    await runMigration(t, '_drop-old-clock-tables.sql');

    const moved = await t.database.query(
      `select id, owner_kind, case_id, complaint_id, subject_key, person_id, period, sequence, regime_version,
          started_on::text, due_on::text, state, met_on::text, due_notified_at, overdue_notified_at
        from clocks where id in ($1, $2) order by id`,
      [vettingId, complaintClockId],
    );
    expect(moved).toEqual([
      {
        id: vettingId,
        owner_kind: 'vetting',
        case_id: null,
        complaint_id: null,
        subject_key: 'review:00000000-0000-4000-8000-00000000a001',
        person_id: null,
        period: 'vetting_review',
        sequence: 1,
        regime_version: null,
        started_on: '2026-01-01',
        due_on: '2026-01-29',
        state: 'overdue',
        met_on: null,
        due_notified_at: new Date('2026-01-29T06:00:00Z'),
        overdue_notified_at: new Date('2026-01-30T06:00:00Z'),
      },
      {
        id: complaintClockId,
        owner_kind: 'complaint',
        case_id: null,
        complaint_id: w.complaint.id,
        subject_key: null,
        person_id: null,
        period: 'complaint_progress_update',
        sequence: 2,
        regime_version: null,
        started_on: '2026-01-01',
        due_on: '2026-01-29',
        state: 'met',
        met_on: '2026-01-20',
        due_notified_at: new Date('2026-01-29T06:00:00Z'),
        overdue_notified_at: null,
      },
    ]);
    expect(await tableExists('vetting_clocks')).toBe(false);
    expect(await tableExists('complaint_clocks')).toBe(false);
  });

  it('refuses a row that names an owner column of another kind', async () => {
    await expect(
      t.database.query(
        `insert into clocks (force_id, owner_kind, complaint_id, subject_key, period, started_on, due_on)
          values ('west', 'complaint', $1, 'review:x', 'complaint_first_contact', '2026-03-02', '2026-03-09')`,
        [w.complaint.id],
      ),
    ).rejects.toThrow(/clocks_owner_check/);
  });
});

describe('the one clock store: vetting clocks on the deadline lists', () => {
  let t: TestApp;
  let w: ReviewWorld;
  let aliceReview: string;
  let veraReview: string;

  beforeAll(async () => {
    t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
    w = await buildReviewWorld(t);
    aliceReview = (await openReview(t, { personId: w.people.alice.id, openedOn: '2026-02-20' })).reviewId; // due 20 Mar
    veraReview = (await openReview(t, { personId: w.people.vera.id, openedOn: '2026-02-19' })).reviewId; // due 19 Mar
  });

  afterAll(async () => {
    await t?.close();
  });

  const mine = async (who: ReviewWho) => {
    const res = await api(t.app, 'GET', '/api/v1/deadlines', w.tokens[who]);
    expect(res.statusCode).toBe(200);
    return res.json<Mine>();
  };
  const vettingRows = (m: Mine) => all(m).filter((d) => d.kind === 'vetting');

  it('keeps a review opened by the integrity loop in the one store, as owner kind vetting', async () => {
    const rows = await t.database.query(
      `select owner_kind, case_id, complaint_id, person_id, period, due_on::text from clocks where subject_key = $1`,
      [`review:${aliceReview}`],
    );
    expect(rows).toEqual([
      {
        owner_kind: 'vetting',
        case_id: null,
        complaint_id: null,
        person_id: w.people.alice.id,
        period: 'vetting_review',
        due_on: '2026-03-20',
      },
    ]);
  });

  it('lists vetting clocks to a vetting officer, linking to the review, never the officer’s own file', async () => {
    const vo = await mine('vo');
    expect(vettingRows(vo).map((d) => [d.href, d.reference, d.daysUntilDue])).toEqual([
      [`/vetting/reviews/${veraReview}`, 'Vera Vetter', -1],
      [`/vetting/reviews/${aliceReview}`, 'Alice Ashworth', 0],
    ]);
    expect(vo.overdueCount).toBe(1);
    const self = await mine('voSelf');
    expect(vettingRows(self).map((d) => d.href)).toEqual([`/vetting/reviews/${aliceReview}`]);
    expect(self.overdueCount).toBe(0);
    const page = await client(t, w, 'vo').get('/deadlines');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      `Vetting: <a class="govuk-link" href="/vetting/reviews/${aliceReview}">Alice Ashworth</a>`,
    );
    const overdue = await api(t.app, 'GET', '/api/v1/deadlines/overdue', w.tokens.vo);
    expect(overdue.json<{ overdueCount: number; items: Deadline[] }>()).toMatchObject({
      overdueCount: 1,
      items: [
        { kind: 'vetting', reference: 'Vera Vetter' },
        { kind: 'vetting', reference: 'Alice Ashworth' },
      ],
    });
  });

  it('never shows a vetting clock to a case officer or the appropriate authority', async () => {
    for (const who of ['investigator', 'aa'] as const) {
      expect(vettingRows(await mine(who))).toEqual([]);
      const overdue = await api(t.app, 'GET', '/api/v1/deadlines/overdue', w.tokens[who]);
      expect(overdue.json<{ items: Deadline[] }>().items.filter((d) => d.kind === 'vetting')).toEqual([]);
    }
    expect((await api(t.app, 'GET', '/api/v1/deadlines', w.tokens.eastVo)).json<Mine>().overdueCount).toBe(0);
    expect(vettingRows(await mine('eastVo'))).toEqual([]);
  });
});
