import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { findUserByEmail } from '../auth/accounts.repository.ts';
import { principalOf } from '../auth/sessions.ts';
import { sweepClocks } from '../clocks/sweep-clocks.ts';
import { listCasesFor } from '../misconduct/list-cases.ts';
import { viewCase } from '../misconduct/view-case.ts';
import { figuresOutOfStep } from '../misconduct/allegation-figures.repository.ts';
import { seedScale, type SeedScaleSummary } from './seed-scale.ts';
import { accountEmail } from './synthetic-organisation.ts';
import { ukToday } from '../../kernel/time/dates.ts';

// The bulk load on a real database (PGlite by default, PostgreSQL with PROBITY_TEST_ENGINE=pg): the rows
// satisfy every constraint, the use cases and the API read them, and the seed is audited once per force.

let t: TestApp;
let first: SeedScaleSummary;
const progress: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  first = await seedScale(t.deps, {
    scale: 'force',
    force: 'city-of-london',
    seed: 3,
    shrink: 0.08,
    chunkCases: 120,
    onProgress: (p) => progress.push(`${p.force}:${p.phase}`),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const count = async (sqlText: string) => Number((await t.database.query<{ n: number }>(sqlText))[0]?.n);

describe('probity seed --scale', () => {
  it('loads every planned row, and says how many of each it wrote', async () => {
    expect(first).toMatchObject({ seeded: true, reason: null, scale: 'force', seed: 3, forces: ['city-of-london'] });
    expect(first.cases).toBeGreaterThan(200);
    for (const [table, n] of Object.entries(first.byTable)) {
      const column = table === 'forces' ? 'id' : 'force_id';
      expect(await count(`select count(*)::int as n from ${table} where ${column} = 'city-of-london'`), table).toBe(n);
    }
    expect(first.byTable['cases']).toBe(first.cases);
    expect(first.byTable['people']).toBe(first.people);
    expect(progress).toContain('city-of-london:organisation');
    expect(progress.filter((p) => p.endsWith(':cases')).length).toBeGreaterThan(1);
  });

  it('keeps every key consistent (checked here, whichever engine loaded it)', async () => {
    const orphans = await count(`select (
        (select count(*) from allegation_events e where not exists (select 1 from allegations a where a.force_id = e.force_id and a.id = e.allegation_id))
      + (select count(*) from allegations a where not exists (select 1 from case_subjects s where s.force_id = a.force_id and s.id = a.subject_id and s.case_id = a.case_id))
      + (select count(*) from case_subjects s where not exists (select 1 from people p where p.force_id = s.force_id and p.id = s.person_id))
      + (select count(*) from clocks k where k.owner_kind = 'case' and not exists (select 1 from cases c where c.force_id = k.force_id and c.id = k.case_id))
      + (select count(*) from clocks k where k.owner_kind = 'vetting' and not exists (select 1 from people p where p.force_id = k.force_id and p.id = k.person_id))
      + (select count(*) from clocks k where k.owner_kind not in ('case', 'vetting'))
      + (select count(*) from cases c where c.lead_investigator_id is not null and not exists (select 1 from users u where u.id = c.lead_investigator_id))
      + (select count(*) from duty_restrictions r where not exists (select 1 from case_subjects s where s.force_id = r.force_id and s.id = r.subject_id))
    )::int as n`);
    expect(orphans).toBe(0);
  });

  it('writes the oversight figures of every allegation it loads', async () => {
    expect(await count(`select count(*)::int as n from allegation_figures where force_id = 'city-of-london'`)).toBe(
      first.byTable['allegations'],
    );
    expect(await figuresOutOfStep(t.deps.db, 'city-of-london')).toBe(0);
  });

  it('records one audit event per force, and the chain verifies', async () => {
    const rows = await t.database.query<{
      force_id: string;
      payload: { forces: string[]; people: number; users: number };
    }>(`select force_id, payload from audit_events where event_type = 'demo.seeded'`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      force_id: 'city-of-london',
      payload: { forces: ['city-of-london'], people: first.people, users: first.users },
    });
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: true });
  });

  it('refuses to load a force the database already holds, changing nothing', async () => {
    const before = await count(`select count(*)::int as n from cases`);
    const again = await seedScale(t.deps, { scale: 'force', force: 'city-of-london', seed: 4, shrink: 0.08 });
    expect(again.seeded).toBe(false);
    expect(again.reason).toContain('city-of-london');
    expect(await count(`select count(*)::int as n from cases`)).toBe(before);
  });

  it('is read by the use cases: the authority lists and opens cases, an investigator sees only theirs', async () => {
    const aaUser = await findUserByEmail(t.deps.db, accountEmail('city-of-london', 'aa'));
    const invUser = await findUserByEmail(t.deps.db, accountEmail('city-of-london', 'investigator1'));
    if (!aaUser || !invUser) throw new Error('accounts missing');
    const aa = principalOf(aaUser);
    const all = await listCasesFor(t.deps, aa, { view: 'all' }, null);
    expect(all.total).toBe(first.cases);
    const open = await count(`select count(*)::int as n from cases where status = 'open'`);
    expect((await listCasesFor(t.deps, aa, { view: 'all', status: 'open' }, null)).total).toBe(open);
    const [row] = all.rows;
    if (!row) throw new Error('no case listed');
    const viewed = await viewCase(t.deps, aa, row.id, 'test');
    expect(viewed.allegations.length).toBe(row.allegations);
    const investigator = await listCasesFor(t.deps, principalOf(invUser), { view: 'all' }, null);
    expect(investigator.total).toBeGreaterThan(0);
    expect(investigator.total).toBeLessThan(all.total);
  });

  it('is served by the API to a token holder, and not without one', async () => {
    const aaUser = await findUserByEmail(t.deps.db, accountEmail('city-of-london', 'aa'));
    if (!aaUser) throw new Error('no aa');
    const { token } = await createApiToken(t.deps, systemActor('test', 'city-of-london'), aaUser.id, 'bench');
    const res = await api(t.app, 'GET', '/api/v1/cases?view=all&status=open&page=2', token);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ total: number }>().total).toBe(
      await count(`select count(*)::int as n from cases where status = 'open'`),
    );
    expect((await api(t.app, 'GET', '/api/v1/cases?view=all')).statusCode).toBe(401);
  });

  it('leaves the sweeper today’s work only: clocks due today, none missed before', async () => {
    const today = ukToday(t.deps.now());
    const missed = await count(
      `select count(*)::int as n from clocks where state = 'running' and due_on < '${today}'::date - 1`,
    );
    expect(missed).toBe(0);
    const swept = await sweepClocks(t.deps, { today });
    // Yesterday's 'due' clocks go overdue today: the sweeper finds real work in the generated rows.
    expect(swept.markedOverdue).toBe(
      await count(
        `select count(*)::int as n from clocks where state = 'overdue' and overdue_notified_at::date >= '${today}'::date - 1 and due_on = '${today}'::date - 1`,
      ),
    );
    expect(await count(`select count(*)::int as n from clocks where state = 'due' and due_on < '${today}'`)).toBe(0);
    const again = await sweepClocks(t.deps, { today });
    expect(again).toEqual({ markedDue: 0, markedOverdue: 0, repeatsCreated: 0, cancelled: 0, windowsElapsed: 0 });
  });
});
