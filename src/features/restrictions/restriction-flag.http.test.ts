import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieFor } from '../../../test/support/factories.ts';
import { api, createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import { flaggedCount, restrictionsInForceByType, reviewsOverdueCount } from './restriction-reports.ts';
import {
  arrest,
  assessSeverity,
  buildRestrictionWorld,
  clockRows,
  decisionBody,
  restrictionRows,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';

/**
 * The suspension flag through its whole life, driven through the API and read back through the pages:
 * it appears for a subject arrested in a serious category and not suspended, disappears after a senior
 * rationale, returns when the review falls due (a later `now`), and disappears when they are suspended.
 */

let now = new Date('2026-03-02T10:00:00Z');
let t: TestApp;
let w: RestrictionWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => now);
  w = await buildRestrictionWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST', url: string, body?: unknown) => api(t.app, method, url, w.tokens.aa, body);
/** As the senior appropriate authority (Chief Superintendent), who did not impose Erin's restriction. */
const callAsSenior = (method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, w.ranked.senior.token, body);
/** A page as the appropriate authority, signed in afresh (the clock moves on past a session's time-out). */
const page = async (url: string) =>
  new TestClient(t.app).setCookie('probity_session', await sessionCookieFor(t.deps, w.accounts.aa.user.id)).get(url);
const flagState = async (subject: string) => {
  const res = await call('GET', `/api/v1/cases/${w.serious.id}/restrictions`);
  expect(res.statusCode).toBe(200);
  const body = res.json<{ subjects: { id: string; flag: { state: string; answeredUntil: string | null } | null }[] }>();
  return body.subjects.find((s) => s.id === subject)?.flag ?? null;
};
const flaggedNames = async () =>
  (await call('GET', '/api/v1/restrictions/flagged')).json<{ items: { name: string }[] }>().items.map((i) => i.name);

describe('the suspension flag', () => {
  let restrictionId = '';
  const restrictErin = () =>
    call('POST', `/api/v1/cases/${w.serious.id}/restrictions`, {
      subjectId: w.subjects.erin,
      ...decisionBody('removed_from_public_facing_role', '2026-03-02'),
    });
  const rationale = (text: string) =>
    callAsSenior('POST', `/api/v1/cases/${w.serious.id}/subjects/${w.subjects.erin}/suspension-rationale`, {
      rationale: text,
    });
  const reviewWithRationale = () =>
    callAsSenior('POST', `/api/v1/restrictions/${restrictionId}/reviews`, {
      version: 1,
      reviewedOn: '2026-03-31',
      conditionsStillHold: true,
      reasons: 'The investigation continues; the risk to the public is unchanged.',
      officerInformed: true,
      representations: 'Asks to return to response duties.',
      renewedRationale: 'Public contact is still excluded and the complainant is protected.',
    });
  const charges = async () => {
    await arrest(t, w, w.serious.id, w.subjects.erin ?? '', '2026-03-31', 'charge');
    now = new Date('2026-04-01T09:00:00Z');
    await arrest(t, w, w.serious.id, w.subjects.erin ?? '', '2026-04-01', 'charge');
  };
  /** What each test of Erin's story does, in order: a test that runs alone first does what the tests before it do. */
  const story: readonly (() => Promise<unknown>)[] = [
    async () => {},
    () => arrest(t, w, w.serious.id, w.subjects.erin ?? '', '2026-02-20'),
    async () => {
      restrictionId = (await restrictErin()).json<{ id: string }>().id;
    },
    () => rationale('Removed from public contact; no access to the complainant; bail conditions apply.'),
    async () => {
      now = new Date('2026-03-31T09:00:00Z');
    },
    reviewWithRationale,
    charges,
  ];
  let told = 0;
  /** Test `n` of the story (from 1) is about to tell its step: the steps before it are done first if need be. */
  const atStep = async (n: number) => {
    while (told < n - 1) await story[told++]!();
    told = n;
  };

  it('is not raised by a serious allegation alone', async () => {
    await atStep(1);
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'not_applicable', triggers: [] });
    expect(await flaggedNames()).toEqual([]);
  });

  it('appears for a subject arrested in a serious category and not suspended, on the lists, the case page and the person page', async () => {
    await atStep(2);
    await arrest(t, w, w.serious.id, w.subjects.erin ?? '', '2026-02-20');
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'flagged' });
    expect(await flaggedNames()).toEqual(['Erin Eastwood']);
    expect(await flaggedCount(t.deps, { forceId: 'west' }, '2026-03-02')).toBe(1);
    const lists = await page('/restrictions');
    expect(lists.statusCode).toBe(200);
    expect(lists.body).toMatch(/id="flagged-table"[\s\S]*Erin Eastwood[\s\S]*arrested on 20 February 2026/);
    const casePage = await page(`/cases/${w.serious.id}`);
    expect(casePage.body).toMatch(/id="restriction-banner"[\s\S]*Flagged: Erin Eastwood/);
    const personPage = await page(`/people/${w.people.erin.id}`);
    expect(personPage.body).toMatch(/id="restriction-banner"[\s\S]*Flagged in case/);
    // Frank has the same serious allegation but no arrest and no gross misconduct assessment: not flagged.
    expect(await flagState(w.subjects.frank ?? '')).toMatchObject({ state: 'not_applicable' });
    // Carol's allegation is not in a serious category: the flag does not concern her at all.
    expect(
      (await api(t.app, 'GET', `/api/v1/cases/${w.normal.id}/restrictions`, w.tokens.aa))
        .json<{ subjects: { flag: unknown }[] }>()
        .subjects.map((s) => s.flag),
    ).toEqual([null, null]);
  });

  it('stays while the subject is only restricted, and the restriction opens a vetting review', async () => {
    await atStep(3);
    const res = await restrictErin();
    expect(res.statusCode).toBe(201);
    restrictionId = res.json<{ id: string }>().id;
    expect(res.json()).toMatchObject({ nextReviewDueOn: '2026-03-30', noticeDueOn: '2026-03-05' });
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'flagged' });
    const reviews = await t.database.query(
      `select trigger, source_key, case_id, opened_on::text from vetting_reviews where person_id = $1`,
      [w.people.erin.id],
    );
    expect(reviews).toEqual([
      {
        trigger: 'restriction_imposed',
        source_key: `restriction:${restrictionId}`,
        case_id: w.serious.id,
        opened_on: '2026-03-02',
      },
    ]);
    const personPage = await page(`/people/${w.people.erin.id}`);
    expect(personPage.body).toContain('Restricted: removed from public-facing role since 2 March 2026');
  });

  it('disappears after a senior rationale, valid to the next review', async () => {
    await atStep(4);
    const res = await rationale('Removed from public contact; no access to the complainant; bail conditions apply.');
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ validUntil: '2026-03-30' });
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'answered', answeredUntil: '2026-03-30' });
    expect(await flaggedNames()).toEqual([]);
    const lists = await page('/restrictions');
    expect(lists.body).toContain('Nobody is flagged.');
  });

  it('returns when the review falls due, and the review shows as due then overdue', async () => {
    await atStep(5);
    now = new Date('2026-03-30T09:00:00Z');
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'flagged' });
    expect((await page('/restrictions')).body).toMatch(/id="reviews-table"[\s\S]*Due today/);
    now = new Date('2026-03-31T09:00:00Z');
    expect((await page('/restrictions')).body).toMatch(/id="reviews-table"[\s\S]*Overdue/);
    expect(await reviewsOverdueCount(t.deps, { forceId: 'west' }, '2026-03-31')).toBe(1);
    const refused = await rationale('Still enough.');
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { fields: Record<string, string> } }>().error.fields['rationale']).toContain(
      'review it first',
    );
  });

  it('is answered again by a senior review that renews the rationale, which meets the review clock and starts the next', async () => {
    await atStep(6);
    const res = await reviewWithRationale();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nextReviewDueOn: '2026-04-28',
      outcome: 'continue',
      rationaleValidUntil: '2026-04-28',
    });
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'answered', answeredUntil: '2026-04-28' });
    const clocks = await clockRows(t, w.subjects.erin ?? '');
    expect(clocks).toEqual([
      {
        period: 'restriction_notice',
        sequence: 1,
        state: 'met',
        started_on: '2026-03-02',
        due_on: '2026-03-05',
        met_on: '2026-03-02',
      },
      {
        period: 'restriction_review',
        sequence: 1,
        state: 'met',
        started_on: '2026-03-02',
        due_on: '2026-03-30',
        met_on: '2026-03-31',
      },
      {
        period: 'restriction_review',
        sequence: 2,
        state: 'running',
        started_on: '2026-03-31',
        due_on: '2026-04-28',
        met_on: null,
      },
    ]);
  });

  it('returns after a new arrest or charge, which a rationale decided before it does not answer', async () => {
    await atStep(7);
    await arrest(t, w, w.serious.id, w.subjects.erin ?? '', '2026-03-31', 'charge');
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'answered' });
    now = new Date('2026-04-01T09:00:00Z');
    await arrest(t, w, w.serious.id, w.subjects.erin ?? '', '2026-04-01', 'charge');
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'flagged' });
  });

  it('disappears when the subject is suspended (a change is a full decision and replaces the restriction)', async () => {
    await atStep(8);
    const res = await call('POST', `/api/v1/restrictions/${restrictionId}/change`, {
      version: 2,
      ...decisionBody('suspension', '2026-04-01'),
    });
    expect(res.statusCode).toBe(201);
    expect(await flagState(w.subjects.erin ?? '')).toMatchObject({ state: 'suspended' });
    expect(await flaggedNames()).toEqual([]);
    const rows = await restrictionRows(t, w.subjects.erin ?? '');
    expect(rows.map((r) => [r.kind, r.status, r.ends_on])).toEqual([
      ['removed_from_public_facing_role', 'replaced', '2026-04-01'],
      ['suspension', 'in_force', null],
    ]);
    expect(rows[0]?.replaced_by_id).toBe(rows[1]?.id);
    const clocks = (await clockRows(t, w.subjects.erin ?? '')).map((c) => [c.period, c.sequence, c.state]);
    expect(clocks).toContainEqual(['restriction_review', 2, 'cancelled']);
    expect(clocks).toContainEqual(['suspension_review', 1, 'running']);
    expect(clocks).toContainEqual(['suspension_notice_written', 1, 'met']);
    const stats = await restrictionsInForceByType(t.deps, { forceId: 'west' }, '2026-04-01');
    expect(stats.total).toBe(1);
    expect(stats.byKind.find((k) => k.kind === 'suspension')).toMatchObject({ count: 1, medianDays: 0, maxDays: 0 });
    expect(JSON.stringify(stats)).not.toContain('Erin');
  });

  it('applies to a gross misconduct assessment in a serious category, not to a serious allegation assessed as misconduct', async () => {
    await assessSeverity(t, w, w.serious.id, w.subjects.frank ?? '', '2026-03-25');
    await assessSeverity(t, w, w.serious.id, w.subjects.gina ?? '', '2026-03-25', 'misconduct');
    expect(await flagState(w.subjects.frank ?? '')).toMatchObject({
      state: 'flagged',
      triggers: [{ kind: 'gross_misconduct', on: '2026-03-25' }],
    });
    expect(await flagState(w.subjects.gina ?? '')).toMatchObject({ state: 'not_applicable' });
    expect(await flaggedNames()).toEqual(['Frank Fairley']);
  });
});
