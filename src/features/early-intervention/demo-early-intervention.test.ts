import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../app/seed-demo.ts';

/** The early-intervention demo data, loaded as part of the demo (a smaller organisation than the real demo). */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-16T10:00:00Z'));
  await seedDemo(t.deps, { people: 600, cases: 5 });
}, 600_000);

afterAll(async () => {
  await t?.close();
});

const q = <T = Record<string, unknown>>(text: string) => t.database.query<T>(text);

describe('the early-intervention demo data', () => {
  it('has rules (one left off), a run, and alerts in every state with interventions', async () => {
    expect(await q(`select name, active from ei_rules where force_id = 'westshire' order by name`)).toEqual([
      { name: 'Discrimination allegations', active: true },
      { name: 'Repeated conduct allegations', active: true },
      { name: 'Restrictions and findings', active: false },
    ]);
    expect(await q(`select count(*)::int as n from ei_runs where force_id = 'westshire'`)).toEqual([{ n: 1 }]);
    const states = (await q<{ state: string }>(`select distinct state from ei_alerts order by state`)).map(
      (r) => r.state,
    );
    expect(states).toEqual([
      'acknowledged',
      'closed',
      'false_positive',
      'intervention_in_progress',
      'intervention_planned',
      'new',
      'under_assessment',
    ]);
    const interventions = await q<{ n: number; followed: number }>(
      `select count(*)::int as n, count(outcome)::int as followed from ei_interventions`,
    );
    expect(interventions).toEqual([{ n: 3, followed: 1 }]);
  });

  it('alerts on every subject of the ten-subject group-chat case, the co-accused group of the demo', async () => {
    const [chat] = await q<{ id: string; subjects: number }>(
      `select c.id, count(*)::int as subjects from case_subjects s join cases c on c.force_id = s.force_id and c.id = s.case_id
        group by c.id order by subjects desc limit 1`,
    );
    expect(chat?.subjects).toBe(10);
    const alerted = await q<{ n: number }>(
      `select count(distinct a.person_id)::int as n from ei_alerts a join ei_rules r on r.force_id = a.force_id and r.id = a.rule_id
        join case_subjects s on s.force_id = a.force_id and s.person_id = a.person_id and s.case_id = '${chat?.id}'
        where r.name = 'Discrimination allegations'`,
    );
    expect(alerted[0]?.n).toBe(10);
  });
});
