import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { sweepAllClocks } from '../deadlines/sweep-all-clocks.ts';
import {
  addClearance,
  auditCount,
  buildReviewWorld,
  client,
  openReview,
  vettingSnapshot,
  type ReviewWho,
  type ReviewWorld,
} from '../../../test/fixtures/vetting/review.http-fixtures.ts';
import { startVettingClock } from './vetting-clocks.ts';
import { ZERO_VETTING_SWEEP } from './vetting-deadline-sweep.ts';

/** Vetting deadlines: swept by `probity clocks sweep` (due, overdue, windows elapsing, clearances expiring) and listed. */
let t: TestApp;
let w: ReviewWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
  w = await buildReviewWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const clock = (subjectKey: string) =>
  t.database.query<{ state: string; met_on: string | null }>(
    `select state, met_on::text from clocks where owner_kind = 'vetting' and subject_key = $1`,
    [subjectKey],
  );

describe('the vetting sweep', () => {
  it('marks a review due on its day and overdue after, once; lets an appeal window elapse; expires a clearance', async () => {
    const review = await openReview(t, { personId: w.people.alice.id, openedOn: '2026-02-20' }); // due 20 Mar
    await t.deps.db.transaction((tx) =>
      startVettingClock(tx, t.deps, {
        forceId: 'west',
        personId: w.people.bob.id,
        subjectKey: 'decision:00000000-0000-4000-8000-000000000001',
        period: 'vetting_appeal',
        startOn: '2026-03-06',
      }),
    ); // ends 20 Mar
    const expired = await addClearance(t, { personId: w.people.bob.id, expiresOn: '2026-03-19' });

    const onTheDay = await sweepAllClocks(t.deps, { today: '2026-03-20' });
    expect(onTheDay.vetting).toMatchObject({ markedDue: 1, markedOverdue: 0, windowsElapsed: 0, clearancesExpired: 1 });
    expect(await clock(`review:${review.reviewId}`)).toEqual([{ state: 'due', met_on: null }]);
    expect(await clock('decision:00000000-0000-4000-8000-000000000001')).toEqual([{ state: 'running', met_on: null }]);
    expect(
      await t.database.query(`select status, ended_on::text, ended_reason from vetting_clearances where id = $1`, [
        expired.id,
      ]),
    ).toEqual([{ status: 'expired', ended_on: '2026-03-19', ended_reason: 'Expired' }]);
    expect(await sweepAllClocks(t.deps, { today: '2026-03-20' })).toMatchObject({ vetting: ZERO_VETTING_SWEEP });

    const dayAfter = await sweepAllClocks(t.deps, { today: '2026-03-21' });
    expect(dayAfter.vetting).toMatchObject({ markedDue: 0, markedOverdue: 1, windowsElapsed: 1 });
    expect(await clock(`review:${review.reviewId}`)).toEqual([{ state: 'overdue', met_on: null }]);
    expect(await clock('decision:00000000-0000-4000-8000-000000000001')).toEqual([
      { state: 'met', met_on: '2026-03-20' },
    ]);
    expect(await sweepAllClocks(t.deps, { today: '2026-03-21' })).toMatchObject({ vetting: ZERO_VETTING_SWEEP });
    expect(await auditCount(t, 'vetting.clock_due')).toBe(1);
    expect(await auditCount(t, 'vetting.clock_overdue')).toBe(1);
    expect(await auditCount(t, 'vetting.window_elapsed')).toBe(1);
    expect(await auditCount(t, 'vetting.clearance_expired')).toBe(1);
  });

  it('takes a clock missed for days through due and overdue in one run', async () => {
    const review = await openReview(t, { personId: w.people.olive.id, openedOn: '2026-01-01' }); // due 29 Jan
    const result = await sweepAllClocks(t.deps, { today: '2026-03-22' });
    expect(result.vetting).toMatchObject({ markedDue: 1, markedOverdue: 1 });
    expect(await clock(`review:${review.reviewId}`)).toEqual([{ state: 'overdue', met_on: null }]);
  });
});

describe('the vetting deadlines page', () => {
  it('lists overdue reviews, what is due this week and what comes up, with appeal windows that end rather than go overdue', async () => {
    const overdue = await openReview(t, { personId: w.people.vera.id, openedOn: '2026-02-01' });
    await openReview(t, { personId: w.people.olive.id, openedOn: '2026-02-25' }); // due 25 Mar
    await t.deps.db.transaction((tx) =>
      startVettingClock(tx, t.deps, {
        forceId: 'west',
        personId: w.people.alice.id,
        subjectKey: 'decision:00000000-0000-4000-8000-000000000002',
        period: 'vetting_appeal',
        startOn: '2026-03-19',
      }),
    );
    const res = await client(t, w, 'vo').get('/vetting/deadlines');
    expect(res.statusCode).toBe(200);
    const section = (id: string) =>
      res.body.slice(res.body.indexOf(`id="${id}"`), res.body.indexOf('</table>', res.body.indexOf(`id="${id}"`)));
    expect(section('overdue')).toContain(`href="/vetting/reviews/${overdue.reviewId}"`);
    expect(section('overdue')).toContain('Vera Vetter');
    expect(section('due-this-week')).toContain('Olive Oakes');
    expect(section('upcoming')).toContain('Appeal against a vetting refusal');
    expect(section('upcoming')).toContain('Ends in 13 days');
    expect(await auditCount(t, 'vetting.deadlines_listed')).toBe(1);
  });

  it('never lists the reader’s own file', async () => {
    const res = await client(t, w, 'voSelf').get('/vetting/deadlines');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Vera Vetter');
    expect(res.body).toContain('Olive Oakes');
  });

  it('answers the API to vetting roles, 401 without a token and 404 to others, changing nothing', async () => {
    const ok = await api(t.app, 'GET', '/api/v1/vetting/deadlines', w.tokens.vo);
    expect(ok.statusCode).toBe(200);
    const body = ok.json<{ overdue: { personName: string; isWindow: boolean }[]; upcoming: { isWindow: boolean }[] }>();
    expect(body.overdue.map((d) => d.personName)).toContain('Vera Vetter');
    expect(body.upcoming.some((d) => d.isWindow)).toBe(true);
    const before = await vettingSnapshot(t);
    expect((await api(t.app, 'GET', '/api/v1/vetting/deadlines')).statusCode).toBe(401);
    for (const who of ['aa', 'investigator', 'officer', 'pcc'] as ReviewWho[]) {
      expect((await api(t.app, 'GET', '/api/v1/vetting/deadlines', w.tokens[who])).statusCode).toBe(404);
      expect((await client(t, w, who).get('/vetting/deadlines')).statusCode).toBe(404);
    }
    expect((await client(t, w, null).get('/vetting/deadlines')).statusCode).toBe(303);
    expect(await vettingSnapshot(t)).toBe(before);
  });
});
