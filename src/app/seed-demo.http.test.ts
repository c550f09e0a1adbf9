import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../test/support/test-app.ts';
import { roleAbilities } from '../kernel/access/roles.ts';
import { currentTotpCode } from '../features/auth/credentials.ts';
import { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from '../features/organisation/demo-accounts.ts';
import { seedDemo } from './seed-demo.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const summary = await seedDemo(t.deps, { people: 600, cases: 20 });
  expect(summary).toMatchObject({
    seeded: true,
    forces: ['westshire', 'eastmoor'],
    people: 750,
    users: demoAccounts.length,
    cases: 20,
  });
  expect(summary.allegations).toBeGreaterThanOrEqual(20);
});

afterAll(async () => {
  await t?.close();
});

describe('the demo organisation', () => {
  it('seeds once: a second run changes nothing', async () => {
    expect(await seedDemo(t.deps)).toEqual({
      seeded: false,
      forces: [],
      people: 0,
      users: 0,
      cases: 0,
      allegations: 0,
    });
    const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from people`);
    expect(row?.n).toBe(750);
  });

  it('links staff accounts to fitting person records', async () => {
    const rows = await t.database.query<{ email: string; rank: string; unit: string }>(
      `select u.email, pp.rank, un.name as unit from users u
         join person_postings pp on pp.force_id = u.force_id and pp.person_id = u.person_id and pp.valid_to is null
         join units un on un.force_id = pp.force_id and un.id = pp.unit_id`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(by['chief@westshire.example']?.rank).toBe('Chief Constable');
    expect(by['investigator@westshire.example']?.unit).toBe('Professional Standards Department');
    expect(by['vetting@westshire.example']?.unit).toBe('Vetting Unit');
  });

  for (const account of demoAccounts) {
    it(`signs in ${account.email} (${account.role}) and shows only what the role may use`, async () => {
      const client = new TestClient(t.app);
      const first = await client.post('/sign-in', { email: account.email, password: DEMO_PASSWORD, next: '/' });
      expect(first.statusCode).toBe(303);
      if (account.role !== 'public') {
        expect(first.headers.location).toBe('/sign-in/two-factor?next=%2F');
        const code = await currentTotpCode(demoTotpSecret(account.email));
        const second = await client.post(
          '/sign-in/two-factor',
          { code, next: '/' },
          { formPage: '/sign-in/two-factor' },
        );
        expect(second.headers.location).toBe('/');
      }
      const home = await client.get('/');
      expect(home.statusCode).toBe(200);
      expect(home.body).toContain(account.displayName);
      const abilities = roleAbilities(account.role);
      expect(home.body.includes('href="/people"')).toBe(abilities.includes('person.search'));
      expect(home.body.includes('href="/audit"')).toBe(abilities.includes('audit.read'));
    });
  }
});
