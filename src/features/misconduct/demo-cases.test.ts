import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { findUserByEmail } from '../auth/accounts.repository.ts';
import { principalOf } from '../auth/sessions.ts';
import { figuresOutOfStep } from './allegation-figures.repository.ts';
import { seedDemo } from '../../app/seed-demo.ts';
import { seedDemoCases, type DemoCasesSummary } from './demo-cases.ts';
import { listCasesFor } from './list-cases.ts';
import { ALLEGATION_STATUSES } from './rules/allegation-types.ts';

/**
 * The demo conduct cases: loaded through the use cases on the demo organisation, the same on every run,
 * every workflow state present, and visible to the demo accounts that should see them.
 */

const CASES = 40;
/** States the demo may leave out: none at present. */
const EXCLUDED: readonly string[] = [];

const at = new Date();
const today = ukToday(at);
let first: TestApp;
let second: TestApp;
let summary: DemoCasesSummary;
let summaryAgain: DemoCasesSummary;

async function seeded(): Promise<[TestApp, DemoCasesSummary]> {
  const t = await createTestApp({}, () => at);
  await seedDemo(t.deps, { people: 600, cases: 0 });
  return [t, await seedDemoCases(t.deps, { forceId: 'westshire', cases: CASES, seed: 20221102, today })];
}

async function principal(email: string): Promise<Principal> {
  const user = await findUserByEmail(first.deps.db, email);
  if (!user) throw new Error(`no ${email}`);
  return principalOf(user);
}

// Two whole demo loads (organisation, restrictions, vetting, recommendations, then the cases): slow on a
// busy machine, so this hook has longer than the default.
beforeAll(async () => {
  [first, summary] = await seeded();
  [second, summaryAgain] = await seeded();
}, 400_000);

afterAll(async () => {
  await first?.close();
  await second?.close();
});

describe('the demo conduct cases', () => {
  it('are the same on every run: same states, references, summaries, subjects and tracks', async () => {
    expect(summaryAgain).toEqual(summary);
    const shape = `select c.reference, c.summary, c.source, c.came_to_attention_on::text as on, c.confidentiality, c.lead_investigator_id is not null as allocated,
        s.person_id, a.state, a.category_code,
        (select string_agg(e.action || '@' || e.occurred_on::text, ',' order by e.occurred_on, e.recorded_at) from allegation_events e where e.allegation_id = a.id) as track
      from cases c join allegations a on a.case_id = c.id join case_subjects s on s.id = a.subject_id order by c.reference, s.person_id`;
    const [one, two] = await Promise.all([first.database.query(shape), second.database.query(shape)]);
    expect(one).toHaveLength(summary.allegations);
    expect(two).toEqual(one);
  });

  it('reports what it loaded', async () => {
    expect(summary.cases).toBe(CASES);
    const rows = await first.database.query<{ state: string; n: number }>(
      `select state, count(*)::int as n from allegations group by state`,
    );
    const inDb = Object.fromEntries(rows.map((r) => [r.state, r.n]));
    for (const [state, n] of Object.entries(summary.byState)) expect(inDb[state] ?? 0, state).toBe(n);
    expect(Object.values(summary.byState).reduce((a, b) => a + b, 0)).toBe(summary.allegations);
  });

  it('keeps the oversight figures of every allegation in step with its track (one row each)', async () => {
    const [row] = await first.database.query<{ n: number }>(
      `select count(*)::int as n from allegation_figures where force_id = 'westshire'`,
    );
    expect(row?.n).toBe(summary.allegations);
    expect(await figuresOutOfStep(first.deps.db, 'westshire')).toBe(0);
  });

  it('puts at least one allegation in every workflow state', () => {
    for (const state of ALLEGATION_STATUSES.filter((s) => !EXCLUDED.includes(s)))
      expect(summary.byState[state] ?? 0, state).toBeGreaterThanOrEqual(1);
  });

  it('mixes single-subject cases with a ten-subject group-chat case, and spreads over three years', async () => {
    const sizes = await first.database.query<{ reference: string; summary: string; n: number }>(
      `select c.reference, c.summary, count(*)::int as n from cases c join case_subjects s on s.case_id = c.id group by c.reference, c.summary order by n desc`,
    );
    expect(sizes[0]).toMatchObject({ n: 10, summary: expect.stringMatching(/group chat/) as unknown });
    expect(sizes.filter((r) => r.n === 1).length).toBeGreaterThan(CASES / 2);
    const [span] = await first.database.query<{ oldest: number; restricted: number }>(
      `select ($1::date - min(came_to_attention_on))::int as oldest, count(*) filter (where confidentiality = 'restricted')::int as restricted from cases`,
      [today],
    );
    expect(span?.oldest).toBeGreaterThan(365 * 2);
    expect(span?.restricted).toBeGreaterThanOrEqual(1);
    const [overdue] = await first.database.query<{ n: number }>(
      `select count(distinct c.id)::int as n from cases c join allegations a on a.case_id = c.id where c.came_to_attention_on < $1::date - 365 and a.state <> 'closed'`,
      [today],
    );
    expect(overdue?.n).toBeGreaterThanOrEqual(1);
  });

  it('creates at least one barred-list return (a dismissal) and one advisory-list return (a resignation)', async () => {
    const rows = await first.database.query<{ list: string; n: number }>(
      `select list, count(*)::int as n from list_returns group by list`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.list, r.n]));
    expect(by['barred']).toBeGreaterThanOrEqual(1);
    expect(by['advisory']).toBeGreaterThanOrEqual(1);
    const [left] = await first.database.query<{ n: number }>(
      `select count(*)::int as n from case_subjects where left_on is not null`,
    );
    expect(left?.n).toBeGreaterThanOrEqual(1);
  });

  it('dates nothing after today, and nothing before the matter came to attention', async () => {
    const [row] = await first.database.query<Record<string, string | null>>(
      `select (select max(came_to_attention_on)::text from cases) as opened, (select max(occurred_on)::text from allegation_events) as events,
        (select max(triggered_on)::text from list_returns) as returns, (select max(left_on)::text from case_subjects) as left_on,
        (select min((e.occurred_on - c.came_to_attention_on))::text from allegation_events e join cases c on c.id = e.case_id) as earliest`,
    );
    for (const key of ['opened', 'events', 'returns', 'left_on'] as const) expect(row?.[key] ?? '', key).not.toBe('');
    for (const key of ['opened', 'events', 'returns', 'left_on'] as const)
      expect((row?.[key] ?? '') <= today, key).toBe(true);
    expect(Number(row?.['earliest'])).toBeGreaterThanOrEqual(0);
  });

  it('never names a person linked to a demo account, and is audited', async () => {
    const [linked] = await first.database.query<{ n: number }>(
      `select count(*)::int as n from case_subjects s join users u on u.person_id = s.person_id`,
    );
    expect(linked?.n).toBe(0);
    const [opened] = await first.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where event_type = 'case.opened'`,
    );
    expect(opened?.n).toBe(CASES);
    const [progressed] = await first.database.query<{ events: number; audited: number }>(
      `select (select count(*)::int from allegation_events) as events, (select count(*)::int from audit_events where event_type = 'allegation.progressed') as audited`,
    );
    expect(progressed?.audited).toBe(progressed?.events);
  });

  it('shows every case to the appropriate authority and the allocated ones in the investigator’s own list', async () => {
    const aa = await principal('aa@westshire.example');
    expect((await listCasesFor(first.deps, aa, { view: 'all' }, null)).total).toBe(CASES);
    const [allocated] = await first.database.query<{ n: number }>(
      `select count(*)::int as n from cases where lead_investigator_id is not null`,
    );
    expect(allocated?.n).toBeGreaterThanOrEqual(CASES * 0.5);
    expect(allocated?.n).toBeLessThanOrEqual(CASES * 0.9);
    const investigator = await principal('investigator@westshire.example');
    expect((await listCasesFor(first.deps, investigator, { view: 'mine' }, null)).total).toBe(allocated?.n);
    expect((await listCasesFor(first.deps, aa, { view: 'unallocated' }, null)).total).toBe(CASES - (allocated?.n ?? 0));
  });

  it('counts a list only up to its limit, then says there are more and offers the next page while a page is full', async () => {
    const aa = await principal('aa@westshire.example');
    expect(await listCasesFor(first.deps, aa, { view: 'all' }, null)).toMatchObject({
      total: CASES,
      moreThanTotal: false,
      pageCount: 2,
    });
    // Exactly at the limit: still an exact count.
    const limited = (limit: number) => ({ ...first.deps, config: { ...first.deps.config, caseListCountLimit: limit } });
    expect(await listCasesFor(limited(CASES), aa, { view: 'all' }, null)).toMatchObject({
      total: CASES,
      moreThanTotal: false,
      pageCount: 2,
    });
    const one = await listCasesFor(limited(10), aa, { view: 'all' }, null);
    expect(one).toMatchObject({ total: 10, moreThanTotal: true, pageCount: 2 });
    expect(one.rows).toHaveLength(25);
    const two = await listCasesFor(limited(10), aa, { view: 'all', page: 2 }, null);
    expect(two).toMatchObject({ total: 10, moreThanTotal: true, pageCount: 2 });
    expect(two.rows).toHaveLength(CASES - 25);
    // The pages hold the same cases as the uncapped list, in the same order.
    const all = [
      ...(await listCasesFor(first.deps, aa, { view: 'all' }, null)).rows,
      ...(await listCasesFor(first.deps, aa, { view: 'all', page: 2 }, null)).rows,
    ];
    expect([...one.rows, ...two.rows].map((r) => r.id)).toEqual(all.map((r) => r.id));
  });
});
