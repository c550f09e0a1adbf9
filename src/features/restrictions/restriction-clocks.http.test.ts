import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, TestClient, testConfig, type TestApp } from '../../../test/support/test-app.ts';
import { sessionCookieFor } from '../../../test/support/factories.ts';
import { resolvePeriods } from '../../kernel/time/periods.ts';
import { reviewsOverdueCount } from './restriction-reports.ts';
import {
  buildRestrictionWorld,
  clockRows,
  decisionBody,
  restrictionRows,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';

/**
 * A restriction's clocks under a deployment's own periods: the review interval overridden to 5 WORKING days
 * (force policy), counted over Easter 2026 (Good Friday 3 April, Easter Monday 6 April), while the suspension
 * review stays at its default 28 calendar days. Two subjects of one case keep separate clocks.
 */

let now = new Date('2026-04-02T10:00:00Z');
let t: TestApp;
let w: RestrictionWorld;

beforeAll(async () => {
  const base = testConfig();
  t = await createTestApp(
    { rules: { ...base.rules, periods: resolvePeriods({ restriction_review: { amount: 5, unit: 'working_days' } }) } },
    () => now,
  );
  w = await buildRestrictionWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST', url: string, body?: unknown) => api(t.app, method, url, w.tokens.aa, body);
const sub = (name: string) => w.subjects[name] ?? '';
const restrictionPage = async () =>
  new TestClient(t.app)
    .setCookie('probity_session', await sessionCookieFor(t.deps, w.accounts.aa.user.id))
    .get('/restrictions');

describe('restriction clocks and review dates', () => {
  // The story's stages, each made by the test that tells it or here when a later test runs alone: Carol
  // restricted and Dave suspended on 2 April; Carol's restriction reviewed on 7 April.
  const restrictCarol = () =>
    call('POST', `/api/v1/cases/${w.normal.id}/restrictions`, {
      subjectId: sub('carol'),
      ...decisionBody('restricted_duties', '2026-04-02', { noticeMethod: 'oral' }),
    });
  const suspendDave = () =>
    call('POST', `/api/v1/cases/${w.normal.id}/restrictions`, {
      subjectId: sub('dave'),
      ...decisionBody('suspension', '2026-04-02'),
    });
  const reviewCarol = (carol: string) =>
    call('POST', `/api/v1/restrictions/${carol}/reviews`, {
      version: 1,
      reviewedOn: '2026-04-07',
      conditionsStillHold: true,
      reasons: 'Still needed',
      officerInformed: true,
    });
  let decided: Promise<string> | undefined;
  let reviewed: Promise<string> | undefined;
  const restricted = () =>
    (decided ??= restrictCarol().then(async (res) => {
      await suspendDave();
      return res.json<{ id: string }>().id;
    }));
  const reviewedOnce = () =>
    (reviewed ??= restricted().then(async (carol) => {
      now = new Date('2026-04-07T10:00:00Z');
      await reviewCarol(carol);
      return carol;
    }));

  it('counts the review over the bank holidays when the period is in working days, and a suspension’s in calendar days', async () => {
    const restriction = await restrictCarol();
    expect(restriction.statusCode).toBe(201);
    const carol = restriction.json<{ id: string }>().id;
    // Thursday 2 April + 5 working days, skipping Good Friday and Easter Monday: Monday 13 April.
    expect(restriction.json()).toMatchObject({ nextReviewDueOn: '2026-04-13', noticeDueOn: '2026-04-09' });
    const suspended = await suspendDave();
    expect(suspended.json()).toMatchObject({ nextReviewDueOn: '2026-04-30', noticeDueOn: '2026-04-09' });
    decided = Promise.resolve(carol);
    expect(await clockRows(t, sub('carol'))).toEqual([
      {
        period: 'restriction_notice',
        sequence: 1,
        state: 'running',
        started_on: '2026-04-02',
        due_on: '2026-04-09',
        met_on: null,
      },
      {
        period: 'restriction_review',
        sequence: 1,
        state: 'running',
        started_on: '2026-04-02',
        due_on: '2026-04-13',
        met_on: null,
      },
    ]);
    // The case page names the subject each clock runs for (not "Whole case").
    const casePage = await new TestClient(t.app)
      .setCookie('probity_session', await sessionCookieFor(t.deps, w.accounts.aa.user.id))
      .get(`/cases/${w.normal.id}`);
    expect(casePage.body).toMatch(
      /Review of a restriction of duties short of suspension<\/td>\s*<td class="govuk-table__cell">5 working days<\/td>\s*<td class="govuk-table__cell">Carol Calder<\/td>/,
    );
    expect(casePage.body).toMatch(
      /Written confirmation of a suspension given orally<\/td>\s*<td class="govuk-table__cell">3 working days<\/td>\s*<td class="govuk-table__cell">Dave Dunmore<\/td>/,
    );
  });

  it('meets the review clock at each review and starts the next, numbered, on the same calendar', async () => {
    const carol = await restricted();
    now = new Date('2026-04-07T10:00:00Z');
    const res = await reviewCarol(carol);
    expect(res.json()).toMatchObject({ nextReviewDueOn: '2026-04-14' });
    reviewed = Promise.resolve(carol);
    const reviews = (await clockRows(t, sub('carol'))).filter((c) => c.period === 'restriction_review');
    expect(reviews).toEqual([
      {
        period: 'restriction_review',
        sequence: 1,
        state: 'met',
        started_on: '2026-04-02',
        due_on: '2026-04-13',
        met_on: '2026-04-07',
      },
      {
        period: 'restriction_review',
        sequence: 2,
        state: 'running',
        started_on: '2026-04-07',
        due_on: '2026-04-14',
        met_on: null,
      },
    ]);
    const [decision] = await t.database.query(
      `select next_review_due_on::text, officer_informed, conditions_still_hold from restriction_decisions where restriction_id = $1 and kind = 'reviewed'`,
      [carol],
    );
    expect(decision).toEqual({ next_review_due_on: '2026-04-14', officer_informed: true, conditions_still_hold: true });
  });

  it('shows the overdue review in the lists and the deadline list, and a lift cancels only that subject’s clocks', async () => {
    const carol = await reviewedOnce();
    now = new Date('2026-04-15T10:00:00Z');
    expect(await reviewsOverdueCount(t.deps, { forceId: 'west' }, '2026-04-15')).toBe(1);
    const deadlines = (await call('GET', '/api/v1/deadlines/overdue')).json<{
      items: { period: string; dueOn: string }[];
    }>().items;
    expect(deadlines).toContainEqual(expect.objectContaining({ period: 'restriction_review', dueOn: '2026-04-14' }));
    expect((await restrictionPage()).body).toMatch(/id="reviews-table"[\s\S]*Carol Calder[\s\S]*Overdue/);
    const lifted = await call('POST', `/api/v1/restrictions/${carol}/lift`, {
      version: 2,
      decidedOn: '2026-04-15',
      endsOn: '2026-04-15',
      reasons: 'The allegation was withdrawn',
    });
    expect(lifted.statusCode).toBe(200);
    expect((await clockRows(t, sub('carol'))).map((c) => [c.period, c.sequence, c.state])).toEqual([
      ['restriction_notice', 1, 'cancelled'],
      ['restriction_review', 1, 'met'],
      ['restriction_review', 2, 'cancelled'],
    ]);
    expect((await clockRows(t, sub('dave'))).map((c) => [c.period, c.state])).toEqual([
      ['suspension_notice_written', 'met'],
      ['suspension_review', 'running'],
    ]);
    expect((await restrictionRows(t, sub('dave')))[0]).toMatchObject({
      status: 'in_force',
      next_review_due_on: '2026-04-30',
    });
  });
});
