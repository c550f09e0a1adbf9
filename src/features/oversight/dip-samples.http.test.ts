import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openOversightWorld,
  WORLD_NOW,
  type OversightWorld,
  type Who,
} from '../../../test/fixtures/oversight/world.ts';
import { sessionCookieFor } from '../../../test/support/factories.ts';
import { api, TestClient, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let w: OversightWorld;
let now = WORLD_NOW;

beforeAll(async () => {
  ({ t, w } = await openOversightWorld(() => now));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) =>
  who ? new TestClient(t.app).setCookie('probity_session', w.cookies[who]) : new TestClient(t.app);
const count = async (table: string) =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n;
const state = async () =>
  JSON.stringify([
    await count('dip_samples'),
    await count('dip_sample_cases'),
    await count('dip_sample_reads'),
    await count('audit_events'),
    await t.database.query(`select id, version, revoked_at from dip_samples order by id`),
  ]);
const reference = async (key: string) =>
  (await t.database.query<{ reference: string }>(`select reference from cases where id = $1`, [w.caseIds[key]]))[0]
    ?.reference ?? '';

/** The grant form's fields: a GOV.UK date input is three fields. */
function grant(fields: {
  grantee?: string;
  cases: string;
  from: string;
  to: string;
  purpose?: string;
}): Record<string, string> {
  const [fy, fm, fd] = fields.from.split('-');
  const [ty, tm, td] = fields.to.split('-');
  return {
    granteeUserId: fields.grantee ?? w.accounts.pcc.user.id,
    caseReferences: fields.cases,
    'startsOn-day': fd ?? '',
    'startsOn-month': fm ?? '',
    'startsOn-year': fy ?? '',
    'endsOn-day': td ?? '',
    'endsOn-month': tm ?? '',
    'endsOn-year': ty ?? '',
    purpose: fields.purpose ?? 'Quarterly dip sample of conduct cases',
  };
}
const post = (who: Who | null, url: string, body: Record<string, string>) =>
  as(who).post(url, body, { formPage: who ? '/oversight' : '/sign-in' });

async function advanceTo(iso: string) {
  now = new Date(iso);
  for (const who of Object.keys(w.cookies) as Who[])
    w.cookies[who] = await sessionCookieFor(t.deps, w.accounts[who].user.id);
}

describe('dip sampling', () => {
  it('sends visitors to sign in and refuses everyone without the abilities, changing nothing', async () => {
    const before = await state();
    for (const url of ['/oversight/samples', '/oversight/samples/new', `/oversight/samples/${w.caseIds['C1']}`])
      expect((await as(null).get(url)).statusCode).toBe(303);
    expect(
      (await post(null, '/oversight/samples', grant({ cases: 'WEST-2025-0001', from: '2026-02-15', to: '2026-02-20' })))
        .statusCode,
    ).toBe(303);
    for (const url of ['/oversight/samples', '/oversight/samples/new', `/oversight/samples/${w.caseIds['C1']}`])
      expect((await as('investigator').get(url)).statusCode).toBe(404);
    // The commissioner's office reads samples but cannot grant them.
    expect((await as('pcc').get('/oversight/samples/new')).statusCode).toBe(404);
    for (const who of ['pcc', 'investigator'] as Who[])
      expect(
        (
          await post(
            who,
            '/oversight/samples',
            grant({ cases: await reference('C1'), from: '2026-02-15', to: '2026-02-20' }),
          )
        ).statusCode,
      ).toBe(404);
    expect(await state()).toBe(before);
  });

  it('explains bad grants field by field and writes nothing', async () => {
    const before = await state();
    const empty = await post('aa', '/oversight/samples', { granteeUserId: '', caseReferences: '', purpose: '' });
    expect(empty.statusCode).toBe(400);
    for (const message of [
      'Choose who may read the cases',
      'Enter the references of the cases',
      'Enter the first day of the sample',
      'Say what the sample is for',
    ])
      expect(empty.body).toContain(message);
    const investigator = await post(
      'aa',
      '/oversight/samples',
      grant({
        grantee: w.accounts.investigator.user.id,
        cases: await reference('C1'),
        from: '2026-02-15',
        to: '2026-02-20',
      }),
    );
    expect(investigator.statusCode).toBe(400);
    expect(investigator.body).toContain('Choose an active user of the commissioner’s office (oversight) of your force');
    // C7 is restricted and the appropriate authority is not named on it: it cannot be sampled by them.
    const unseen = await post(
      'aa',
      '/oversight/samples',
      grant({
        cases: `${await reference('C1')}, ${await reference('C7')}, WEST-1999-0001`,
        from: '2026-02-15',
        to: '2026-02-20',
      }),
    );
    expect(unseen.statusCode).toBe(400);
    expect(unseen.body).toContain(`No case you can see has the reference ${await reference('C7')}, WEST-1999-0001`);
    expect(await state()).toBe(before);
  });

  it('refuses grants with impossible dates, or for someone outside the force, writing nothing', async () => {
    const before = await state();
    const backwards = await post(
      'aa',
      '/oversight/samples',
      grant({ cases: await reference('C1'), from: '2026-02-20', to: '2026-02-16' }),
    );
    expect(backwards.body).toContain('The last day must be on or after the first day');
    const past = await post(
      'aa',
      '/oversight/samples',
      grant({ cases: await reference('C1'), from: '2026-02-01', to: '2026-02-16' }),
    );
    expect(past.body).toContain('The first day cannot be in the past');
    const long = await post(
      'aa',
      '/oversight/samples',
      grant({ cases: await reference('C1'), from: '2026-02-15', to: '2026-06-15' }),
    );
    expect(long.body).toContain('A sample can last at most 92 days');
    const eastGrantee = await post(
      'aa',
      '/oversight/samples',
      grant({
        grantee: w.accounts.eastPcc.user.id,
        cases: await reference('C1'),
        from: '2026-02-15',
        to: '2026-02-20',
      }),
    );
    expect(eastGrantee.statusCode).toBe(400);
    expect(await state()).toBe(before);
  });

  it('lets the named oversight user read the granted cases, read-only, and records every read for the force', async () => {
    const form = await as('aa').get('/oversight/samples/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('pcc@west.example');
    expect(form.body).not.toContain('inv@west.example');
    const res = await post(
      'aa',
      '/oversight/samples',
      grant({
        cases: `${(await reference('C1')).toLowerCase()}\n${await reference('C5')}`,
        from: '2026-02-15',
        to: '2026-02-20',
      }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/oversight/samples?done=granted');
    const [granted] = await t.database.query<{ payload: { caseIds: string[]; startsOn: string; endsOn: string } }>(
      `select payload from audit_events where event_type = 'oversight.sample_granted'`,
    );
    expect(granted?.payload).toMatchObject({ startsOn: '2026-02-15', endsOn: '2026-02-20' });
    expect([...(granted?.payload.caseIds ?? [])].sort()).toEqual([w.caseIds['C1'], w.caseIds['C5']].sort());

    const list = await as('pcc').get('/oversight/samples');
    expect(list.body).toContain(`href="/oversight/samples/${w.caseIds['C1']}"`);
    const page = await as('pcc').get(`/oversight/samples/${w.caseIds['C1']}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Case ${await reference('C1')}`);
    expect(page.body).toContain('W1 Testperson');
    expect(page.body).toContain('Written warning');
    expect(page.body).not.toContain('/actions/'); // no steps offered: read-only
    // Not granted, someone else, and the ordinary case pages: all "not found".
    expect((await as('pcc').get(`/oversight/samples/${w.caseIds['C2']}`)).statusCode).toBe(404);
    expect((await as('pcc').get('/oversight/samples/not-a-uuid')).statusCode).toBe(404);
    expect((await as('pcc2').get(`/oversight/samples/${w.caseIds['C1']}`)).statusCode).toBe(404);
    expect((await as('aa').get(`/oversight/samples/${w.caseIds['C1']}`)).statusCode).toBe(404);
    expect((await as('pcc').get(`/cases/${w.caseIds['C1']}`)).statusCode).toBe(404);
    expect((await api(t.app, 'GET', `/api/v1/cases/${w.caseIds['C1']}`, w.tokens.pcc)).statusCode).toBe(404);

    const reads = await t.database.query<{ case_id: string; user_id: string }>(
      `select case_id, user_id from dip_sample_reads`,
    );
    expect(reads).toEqual([{ case_id: w.caseIds['C1'], user_id: w.accounts.pcc.user.id }]);
    const audit = await t.database.query<{ payload: { reference: string }; actor_user_id: string }>(
      `select payload, actor_user_id from audit_events where event_type = 'oversight.sample_case_viewed'`,
    );
    expect(audit.map((a) => [a.payload.reference, a.actor_user_id])).toEqual([
      [await reference('C1'), w.accounts.pcc.user.id],
    ]);
    const forForce = await as('aa').get('/oversight/samples');
    expect(forForce.body).toContain('Reads (1)');
    expect(forForce.body).toMatch(
      new RegExp(`<td class="govuk-table__cell">${await reference('C1')}</td><td class="govuk-table__cell">pcc</td>`),
    );
    // The other force sees none of it.
    const east = await as('eastAa').get('/oversight/samples');
    expect(east.body).toContain('There are no dip samples');
  });

  it('closes the cases when the sample ends, and when the appropriate authority ends it early', async () => {
    await advanceTo('2026-02-21T09:00:00Z');
    expect((await as('pcc').get(`/oversight/samples/${w.caseIds['C1']}`)).statusCode).toBe(404);
    expect((await as('pcc').get('/oversight/samples')).body).toContain('Ended');

    expect(
      (
        await post(
          'aa',
          '/oversight/samples',
          grant({ cases: await reference('C2'), from: '2026-02-21', to: '2026-03-01' }),
        )
      ).statusCode,
    ).toBe(303);
    expect((await as('pcc').get(`/oversight/samples/${w.caseIds['C2']}`)).statusCode).toBe(200);
    const [sample] = await t.database.query<{ id: string; version: number }>(
      `select id, version from dip_samples where starts_on = '2026-02-21'`,
    );
    const url = `/oversight/samples/grants/${sample?.id}/revoke`;
    const before = await state();
    expect((await post('pcc', url, { version: '1' })).statusCode).toBe(404);
    expect((await post('eastAa', url, { version: '1' })).statusCode).toBe(404);
    expect((await post(null, url, { version: '1' })).statusCode).toBe(303);
    expect((await post('aa', url, { version: '7' })).statusCode).toBe(409);
    expect((await post('aa', url, { version: 'x' })).statusCode).toBe(400);
    expect(
      (await post('aa', '/oversight/samples/grants/6b1f9a56-5f2d-4a57-9d7e-2c1d1f1a0000/revoke', { version: '1' }))
        .statusCode,
    ).toBe(404);
    expect(await state()).toBe(before);
    const res = await post('aa', url, { version: String(sample?.version) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/oversight/samples?done=revoked');
    expect((await as('pcc').get(`/oversight/samples/${w.caseIds['C2']}`)).statusCode).toBe(404);
    expect(await count(`audit_events where event_type = 'oversight.sample_revoked'`)).toBe(1);
    expect((await post('aa', url, { version: String((sample?.version ?? 0) + 1) })).statusCode).toBe(422);
  });
});
