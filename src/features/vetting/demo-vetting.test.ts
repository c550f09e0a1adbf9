import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { seedDemo } from '../../app/seed-demo.ts';

/** The vetting demo data, loaded as part of the demo (a smaller organisation than the real demo). */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-16T10:00:00Z'));
  await seedDemo(t.deps, { people: 600, cases: 5 });
}, 600_000);

afterAll(async () => {
  await t?.close();
});

const q = <T = Record<string, unknown>>(text: string) => t.database.query<T>(text);

describe('the vetting demo data', () => {
  it('gives most people a clearance, with a few missing, expired or expiring, and MV for most designated posts', async () => {
    const [counts] = await q<{ people: number; with_rv: number; expired: number; expiring: number; mv: number }>(`
      select (select count(*)::int from people where force_id = 'westshire' and status = 'current') as people,
        (select count(distinct person_id)::int from vetting_clearances where force_id = 'westshire' and level = 'RV') as with_rv,
        (select count(*)::int from vetting_clearances where force_id = 'westshire' and expires_on < '2026-03-16') as expired,
        (select count(*)::int from vetting_clearances where force_id = 'westshire' and expires_on between '2026-03-16' and '2026-06-14') as expiring,
        (select count(*)::int from vetting_clearances where force_id = 'westshire' and level = 'MV') as mv`);
    expect(counts?.with_rv).toBeGreaterThan((counts?.people ?? 0) * 0.9);
    expect(counts?.with_rv).toBeLessThan(counts?.people ?? 0);
    expect(counts?.expired).toBeGreaterThan(0);
    expect(counts?.expiring).toBeGreaterThan(0);
    expect(counts?.mv).toBeGreaterThan(0);
    expect(
      await q(`select count(*)::int as n from clocks where owner_kind = 'vetting' and subject_key like 'clearance:%'`),
    ).toEqual([{ n: (await q<{ n: number }>(`select count(*)::int as n from vetting_clearances`))[0]?.n }]);
    expect(await q(`select title, required_level from designated_posts order by title`)).toEqual([
      { title: 'Counter corruption investigator', required_level: 'MV' },
      { title: 'Intelligence officer', required_level: 'MV' },
      { title: 'Professional standards investigator', required_level: 'MV' },
      { title: 'Vetting officer', required_level: 'MV' },
    ]);
  });

  it('has a fictional national list, an applicant waiting on a barred-list match, and one with adverse information', async () => {
    expect(
      await q(
        `select list, count(*)::int as n from list_entries where origin = 'national_import' group by list order by list`,
      ),
    ).toEqual([
      { list: 'advisory', n: 2 },
      { list: 'barred', n: 5 },
    ]);
    const apps = await q<{ family_name: string; kind: string; status: string; pending: number; adverse: number }>(`
      select a.family_name, a.kind, a.status,
        (select count(*)::int from list_matches m where m.application_id = a.id and m.decision = 'pending') as pending,
        (select count(*)::int from adverse_information i where i.application_id = a.id) as adverse
      from vetting_applications a order by a.reference`);
    expect(apps.map((a) => a.family_name).slice(0, 3)).toEqual(['Examplewood', 'Demoson', 'Sampleton']);
    expect(apps[0]).toMatchObject({ status: 'open', pending: 1 });
    expect(apps[1]).toMatchObject({ status: 'open', adverse: 1 });
    expect(apps.find((a) => a.family_name === 'Placeholder')).toMatchObject({ status: 'granted' });
    expect(apps.filter((a) => a.kind === 'renewal')).toHaveLength(1);
    expect(await q(`select count(*)::int as n from vetting_decisions where outcome = 'grant'`)).toEqual([{ n: 1 }]);
  });
});
