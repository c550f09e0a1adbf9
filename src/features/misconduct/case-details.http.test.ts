import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { createAccount, sessionCookieFor } from '../../../test/support/factories.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { addParty } from './add-party.ts';
import { allocateCase } from './allocate-case.ts';
import {
  as,
  buildCaseWorld,
  caseInput,
  FormClient,
  snapshot,
  type CaseWorld,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from './open-case.ts';

/** A case's parties, linked cases and owning team, and the caseload: pages and API, need-to-know first. */

let t: TestApp;
let w: CaseWorld;
let third: { id: string; reference: string };
let eastCase: { id: string; reference: string };
let reporterId: string;
/** An appropriate authority who is also Frank Fairley of the directory: a witness-to-be. */
const frank = { cookie: '', token: '', userId: '' };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  const account = await createAccount(t.deps, {
    email: 'aa4@west.example',
    role: 'appropriate_authority',
    forceId: 'west',
    personId: w.people.frank.id,
  });
  Object.assign(frank, {
    userId: account.user.id,
    cookie: await sessionCookieFor(t.deps, account.user.id),
    token: (await createApiToken(t.deps, systemActor('test', 'west'), account.user.id, 'test')).token,
  });
  third = await openCase(t.deps, w.aa, caseInput([w.people.gina.id]), null);
  eastCase = await openCase(t.deps, w.accounts.east.principal, caseInput([w.people.eastOnly.id]), null);
  reporterId = (await addParty(t.deps, w.aa, { caseId: w.normal.id, role: 'reporter', name: 'Pat Reporter' }, null)).id;
});

afterAll(async () => {
  await t?.close();
});

/** The shared snapshot plus what these routes write. */
const state = async (withReads = true) =>
  JSON.stringify([
    await snapshot(t, withReads),
    await t.database.query(`select id, case_id, role, person_id, name from case_parties order by id`),
    await t.database.query(`select case_id, linked_case_id, reason from case_links order by case_id, linked_case_id`),
    await t.database.query(`select id, owning_unit_id, version from cases order by id`),
  ]);

const frankPage = () => new FormClient(t.app, frank.cookie);
const call = (
  who: Who | 'frank' | null,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> => {
  const token = who === 'frank' ? frank.token : who ? w.tokens[who] : undefined;
  return t.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
  });
};
const version = async (id: string) =>
  (await t.database.query<{ version: number }>(`select version from cases where id = $1`, [id]))[0]?.version ?? 0;
const lastAudit = async (type: string) =>
  (
    await t.database.query<{ payload: unknown }>(
      `select payload from audit_events where event_type = $1 order by occurred_at desc, seq desc limit 1`,
      [type],
    )
  )[0]?.payload;

/** Everyone without need-to-know of a case: another force, the PCC office, an investigator not on it, a subject. */
const refused: [Who, () => string][] = [
  ['east', () => w.normal.id],
  ['pcc', () => w.normal.id],
  ['investigator', () => w.normal.id],
  ['aaSubject', () => w.normal.id],
  ['aaUnnamed', () => w.restricted.id],
  ['outsider', () => w.restricted.id],
];

describe('every route refuses the signed-out and those without need-to-know', () => {
  it('sends a visitor who is not signed in to sign in (pages) or answers 401 (API), writing nothing', async () => {
    const before = await state();
    const id = w.normal.id;
    for (const url of [`/cases/${id}/parties`, `/cases/${id}/links`, `/cases/${id}/team`, '/cases/caseload']) {
      const res = await as(t, w, null).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
    }
    for (const url of [
      `/cases/${id}/parties`,
      `/cases/${id}/parties/${reporterId}/remove`,
      `/cases/${id}/links`,
      `/cases/${id}/links/${third.id}/remove`,
      `/cases/${id}/team`,
    ]) {
      const res = await as(t, w, null).post(url, {
        role: 'witness',
        name: 'Someone',
        reference: third.reference,
        reason: 'Same incident',
        unitId: '',
        version: '1',
      });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toMatch(/^\/sign-in/);
    }
    const api: ['GET' | 'POST' | 'DELETE', string, unknown?][] = [
      ['GET', '/api/v1/cases/caseload'],
      ['GET', `/api/v1/cases/${id}/parties`],
      ['POST', `/api/v1/cases/${id}/parties`, { role: 'witness', name: 'Someone' }],
      ['DELETE', `/api/v1/cases/${id}/parties/${reporterId}`],
      ['GET', `/api/v1/cases/${id}/links`],
      ['POST', `/api/v1/cases/${id}/links`, { reference: third.reference, reason: 'Same incident' }],
      ['DELETE', `/api/v1/cases/${id}/links/${third.id}`],
      ['GET', `/api/v1/cases/${id}/team`],
      ['POST', `/api/v1/cases/${id}/team`, { nonsense: true }],
    ];
    for (const [method, url, body] of api)
      expect((await call(null, method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    expect(await state()).toBe(before);
  });

  it('answers 404 on every case route to each viewer without need-to-know, exactly like a missing case, and changes nothing', async () => {
    const before = await state();
    for (const [who, caseOf] of refused) {
      const id = caseOf();
      const label = `${who} on ${id}`;
      const page = as(t, w, who);
      for (const url of [`/cases/${id}/parties`, `/cases/${id}/links`, `/cases/${id}/team`])
        expect((await page.get(url)).statusCode, `${label} ${url}`).toBe(404);
      expect(
        (await page.post(`/cases/${id}/parties`, { role: 'witness', name: 'Someone Else' })).statusCode,
        label,
      ).toBe(404);
      expect((await page.post(`/cases/${id}/parties/${reporterId}/remove`, {})).statusCode, label).toBe(404);
      expect(
        (await page.post(`/cases/${id}/links`, { reference: third.reference, reason: 'Same incident' })).statusCode,
        label,
      ).toBe(404);
      expect((await page.post(`/cases/${id}/links/${third.id}/remove`, {})).statusCode, label).toBe(404);
      expect(
        (await page.post(`/cases/${id}/team`, { unitId: w.psd.id, version: String(await version(id)) })).statusCode,
        label,
      ).toBe(404);
      expect((await call(who, 'GET', `/api/v1/cases/${id}/parties`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${id}/parties`, { role: 'witness', name: 'Someone Else' })).statusCode,
        label,
      ).toBe(404);
      expect((await call(who, 'DELETE', `/api/v1/cases/${id}/parties/${reporterId}`)).statusCode, label).toBe(404);
      expect((await call(who, 'GET', `/api/v1/cases/${id}/links`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${id}/links`, { reference: third.reference, reason: 'Same incident' }))
          .statusCode,
        label,
      ).toBe(404);
      expect((await call(who, 'DELETE', `/api/v1/cases/${id}/links/${third.id}`)).statusCode, label).toBe(404);
      expect((await call(who, 'GET', `/api/v1/cases/${id}/team`)).statusCode, label).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/cases/${id}/team`, { version: await version(id), unitId: w.psd.id }))
          .statusCode,
        label,
      ).toBe(404);
    }
    const missing = await call('aa', 'GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000/parties');
    const hidden = await call('aaUnnamed', 'GET', `/api/v1/cases/${w.restricted.id}/parties`);
    expect(hidden.json<ApiError>().error.message).toBe(missing.json<ApiError>().error.message);
    expect((await as(t, w, 'aa').get('/cases/not-a-case/parties')).statusCode).toBe(404);
    expect((await as(t, w, 'aa').post(`/cases/${w.normal.id}/parties/not-a-party/remove`, {})).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });
});

describe('parties', () => {
  it('answers bad input with 400 and a message per field, keeping what was typed and writing nothing', async () => {
    const before = await state(false);
    const url = `/cases/${w.normal.id}/parties`;
    const blank = await as(t, w, 'aa').post(url, { role: '', personReference: '', name: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Choose whether they are a complainant, victim, witness or reporter');
    expect(blank.body).toContain('href="#personReference"');
    const cases: [Record<string, string>, string, string][] = [
      [
        { role: 'witness', personReference: '7003', name: 'Frank' },
        'name',
        'Enter either a number from the force directory or a name, not both',
      ],
      [
        { role: 'witness', personReference: 'NOBODY-1' },
        'personReference',
        'No one you can see in the force directory has that number or record id',
      ],
      [
        { role: 'witness', personReference: '3333' },
        'personReference',
        'No one you can see in the force directory has that number or record id',
      ],
      [
        { role: 'witness', personReference: '4444' },
        'personReference',
        'That number matches more than one record: enter the record id instead',
      ],
      [{ role: 'victim', personReference: '6001' }, 'personReference', 'This person is a subject of the case'],
    ];
    for (const [body, field, message] of cases) {
      const page = await as(t, w, 'aa').post(url, body);
      expect(page.statusCode, message).toBe(400);
      expect(page.body).toContain(message);
      expect(page.body).toContain(`href="#${field}"`);
      const api = await call('aa', 'POST', `/api/v1${url}`, body);
      expect(api.statusCode).toBe(400);
      expect(api.json<ApiError>().error.fields?.[field]).toBe(message);
    }
    expect((await as(t, w, 'aa').post(url, { role: 'witness', personReference: 'NOBODY-1' })).body).toContain(
      'value="NOBODY-1"',
    );
    expect(await state(false)).toBe(before);
  });

  it('adds someone outside the force by name, audits the role and never the name, and removes them', async () => {
    const res = await as(t, w, 'aa').post(`/cases/${w.normal.id}/parties`, {
      role: 'complainant',
      personReference: '',
      name: 'Jo Public-Complainant',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${w.normal.id}/parties?done=added`);
    const page = await as(t, w, 'aa').get(res.headers.location ?? '');
    expect(page.body).toContain('The party has been added.');
    expect(page.body).toMatch(/Jo Public-Complainant<\/td>\s*<td class="govuk-table__cell">Complainant/);
    expect(page.body).toContain('Pat Reporter');
    expect(page.body).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">Parties to this case</caption>',
    );
    expect(page.body).not.toMatch(/<script(?![^>]*src=)/);
    expect(page.body).not.toContain('style=');
    const added = await lastAudit('case.party_added');
    expect(added).toMatchObject({ caseId: w.normal.id, role: 'complainant' });
    expect(JSON.stringify(added)).not.toContain('Jo Public');
    const [row] = await t.database.query<{ id: string }>(
      `select id from case_parties where name = 'Jo Public-Complainant'`,
    );
    const removed = await as(t, w, 'aa').post(`/cases/${w.normal.id}/parties/${row?.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(await t.database.query(`select 1 from case_parties where id = $1`, [row?.id])).toEqual([]);
    expect(await lastAudit('case.party_removed')).toEqual({
      type: 'case.party_removed',
      caseId: w.normal.id,
      partyId: row?.id,
      role: 'complainant',
    });
    expect((await as(t, w, 'aa').post(`/cases/${w.normal.id}/parties/${row?.id}/remove`, {})).statusCode).toBe(404);
  });

  it('hides the case from a person of the force once they are a witness, and shows it again once they are not', async () => {
    const caseUrl = `/cases/${w.normal.id}`;
    expect((await frankPage().get(caseUrl)).statusCode).toBe(200);
    expect((await frankPage().get('/cases?view=all')).body).toContain(w.normal.reference);
    const res = await as(t, w, 'aa').post(`${caseUrl}/parties`, { role: 'witness', personReference: '7003' });
    expect(res.statusCode).toBe(303);
    expect((await as(t, w, 'aa').get(`${caseUrl}/parties`)).body).toContain(
      `href="/people/${w.people.frank.id}">Frank Fairley</a>`,
    );
    expect((await frankPage().get(caseUrl)).statusCode).toBe(404);
    expect((await frankPage().get(`${caseUrl}/parties`)).statusCode).toBe(404);
    expect((await frankPage().get('/cases?view=all')).body).not.toContain(w.normal.reference);
    expect((await call('frank', 'GET', `/api/v1${caseUrl}`)).statusCode).toBe(404);
    expect(
      (await call('frank', 'GET', '/api/v1/cases?view=all')).json<{ items: { id: string }[] }>().items.map((i) => i.id),
    ).not.toContain(w.normal.id);
    const again = await call('aa', 'POST', `/api/v1${caseUrl}/parties`, {
      role: 'witness',
      personReference: w.people.frank.id,
    });
    expect(again.json<ApiError>().error.fields?.['personReference']).toBe(
      'This person is already a witness on the case',
    );
    const { items } = (await call('aa', 'GET', `/api/v1${caseUrl}/parties`)).json<{
      items: { id: string; personId: string | null; role: string }[];
    }>();
    const witness = items.find((p) => p.personId === w.people.frank.id);
    expect(witness?.role).toBe('witness');
    expect((await call('aa', 'DELETE', `/api/v1${caseUrl}/parties/${witness?.id}`)).statusCode).toBe(200);
    expect((await frankPage().get(caseUrl)).statusCode).toBe(200);
  });

  it('will not make the lead investigator a party (the case would vanish from its own lead)', async () => {
    await allocateCase(
      t.deps,
      w.aa,
      { caseId: third.id, version: await version(third.id), leadInvestigatorId: frank.userId },
      null,
    );
    const before = await state(false);
    const res = await as(t, w, 'aa').post(`/cases/${third.id}/parties`, { role: 'victim', personReference: '7003' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(
      'This person is the lead investigator of the case: allocate the case to someone else first',
    );
    expect(await state(false)).toBe(before);
    const ok = await call('aa', 'POST', `/api/v1/cases/${third.id}/parties`, { role: 'victim', name: 'Sam Outsider' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'victim', personId: null, name: 'Sam Outsider' });
  });
});

describe('linked cases', () => {
  it('refuses a reference that is missing, of a case the user cannot see, of another force or of the case itself, in the same words', async () => {
    const before = await state(false);
    const url = `/cases/${w.normal.id}/links`;
    const blank = await as(t, w, 'aaUnnamed').post(url, { reference: '', reason: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('Enter the reference of the case to link');
    expect(blank.body).toContain('Say why the cases are linked');
    const noSuchCase = 'There is no case with that reference';
    for (const [reference, message] of [
      ['WEST-1999-0001', noSuchCase],
      [w.restricted.reference, noSuchCase],
      [eastCase.reference, noSuchCase],
      [w.normal.reference, 'A case cannot be linked to itself'],
    ] as const) {
      const page = await as(t, w, 'aaUnnamed').post(url, { reference, reason: 'Same incident' });
      expect(page.statusCode, reference).toBe(400);
      expect(page.body).toContain(message);
      const api = await call('aaUnnamed', 'POST', `/api/v1${url}`, { reference, reason: 'Same incident' });
      expect(api.json<ApiError>().error.fields).toEqual({ reference: message });
    }
    expect(await state(false)).toBe(before);
  });

  it('links two cases both ways, shows each viewer only the linked cases they may see, and unlinks', async () => {
    const res = await as(t, w, 'aa').post(`/cases/${w.normal.id}/links`, {
      reference: w.restricted.reference.toLowerCase(),
      reason: 'Same chat group',
    });
    expect(res.statusCode).toBe(303);
    const rows = await t.database.query<{ case_id: string; linked_case_id: string }>(
      `select case_id, linked_case_id from case_links order by linked_at, case_id`,
    );
    expect(rows.map((r) => [r.case_id, r.linked_case_id]).sort()).toEqual(
      [
        [w.normal.id, w.restricted.id],
        [w.restricted.id, w.normal.id],
      ].sort(),
    );
    expect(await lastAudit('case.linked')).toEqual({
      type: 'case.linked',
      caseId: w.normal.id,
      linkedCaseId: w.restricted.id,
    });
    expect((await as(t, w, 'aa').get(`/cases/${w.normal.id}/links`)).body).toContain(
      `href="/cases/${w.restricted.id}">${w.restricted.reference}</a>`,
    );
    expect((await as(t, w, 'named').get(`/cases/${w.restricted.id}/links`)).body).not.toContain(w.normal.reference);
    const unnamed = await as(t, w, 'aaUnnamed').get(`/cases/${w.normal.id}/links`);
    expect(unnamed.body).not.toContain(w.restricted.reference);
    expect(unnamed.body).toContain('No cases you can see are linked to this one.');
    expect((await call('aaUnnamed', 'GET', `/api/v1/cases/${w.normal.id}/links`)).json()).toEqual({ items: [] });
    const twice = await call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/links`, {
      reference: w.normal.reference,
      reason: 'Again',
    });
    expect(twice.json<ApiError>().error.fields?.['reference']).toBe(
      `This case is already linked to ${w.normal.reference}`,
    );
    const before = await state();
    expect(
      (await as(t, w, 'aaUnnamed').post(`/cases/${w.normal.id}/links/${w.restricted.id}/remove`, {})).statusCode,
    ).toBe(404);
    expect(await state()).toBe(before);
    expect((await as(t, w, 'aa').post(`/cases/${w.normal.id}/links/${w.restricted.id}/remove`, {})).statusCode).toBe(
      303,
    );
    expect(await t.database.query(`select 1 from case_links`)).toEqual([]);
    expect(await lastAudit('case.unlinked')).toEqual({
      type: 'case.unlinked',
      caseId: w.normal.id,
      linkedCaseId: w.restricted.id,
    });
    expect((await call('aa', 'DELETE', `/api/v1/cases/${w.normal.id}/links/${w.restricted.id}`)).statusCode).toBe(404);
    const api = await call('aa', 'POST', `/api/v1/cases/${third.id}/links`, {
      reference: w.normal.reference,
      reason: 'Same subject team',
    });
    expect(api.statusCode).toBe(201);
    expect(
      (await call('aa', 'GET', `/api/v1/cases/${w.normal.id}/links`)).json<{
        items: { reference: string; reason: string }[];
      }>().items,
    ).toMatchObject([{ reference: third.reference, reason: 'Same subject team' }]);
  });
});

describe('owning team', () => {
  it('refuses a role that cannot allocate (404), a unit of another force or nonsense (400), writing nothing', async () => {
    const url = `/cases/${w.normal.id}/team`;
    const v = await version(w.normal.id);
    const [eastUnit] = await t.database.query<{ id: string }>(`select id from units where force_id = 'east' limit 1`);
    const before = await state(false);
    expect((await as(t, w, 'lead').post(url, { unitId: w.psd.id, version: String(v) })).statusCode).toBe(404);
    const other = await as(t, w, 'aa').post(url, { unitId: eastUnit?.id ?? '', version: String(v) });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('Choose a team of this force');
    expect(
      (await call('aa', 'POST', `/api/v1${url}`, { unitId: 'nonsense', version: v })).json<ApiError>().error.fields,
    ).toEqual({ unitId: 'Choose a team of this force' });
    expect(await state(false)).toBe(before);
  });

  it('sets the owning team (then 409 on a stale version), which lets the investigators posted there see the case, and clears it', async () => {
    const url = `/cases/${w.normal.id}/team`;
    expect((await as(t, w, 'outsider').get(`/cases/${w.normal.id}`)).statusCode).toBe(404);
    expect((await as(t, w, 'aa').get(`/cases/${w.normal.id}`)).body).toMatch(
      /href="\/cases\/[^"]+\/team">Owning team<\/a>: not set/,
    );
    const form = await as(t, w, 'aa').get(url);
    expect(form.body).toContain('Not set');
    expect(form.body).toContain('Set the owning team');
    const v = await version(w.normal.id);
    expect((await as(t, w, 'aa').post(url, { unitId: w.psd.id, version: String(v) })).statusCode).toBe(303);
    expect(await version(w.normal.id)).toBe(v + 1);
    expect(await lastAudit('case.team_set')).toEqual({ type: 'case.team_set', caseId: w.normal.id, unitId: w.psd.id });
    const before = await state(false);
    const stale = await as(t, w, 'aa').post(url, { unitId: '', version: String(v) });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this record since you opened it');
    expect((await call('aa', 'POST', `/api/v1${url}`, { unitId: null, version: v })).statusCode).toBe(409);
    expect(await state(false)).toBe(before);
    expect((await as(t, w, 'outsider').get(`/cases/${w.normal.id}`)).statusCode).toBe(200);
    const seen = await as(t, w, 'outsider').get(url);
    expect(seen.body).toContain('Professional Standards');
    expect(seen.body).not.toContain('name="unitId"');
    expect((await call('outsider', 'GET', `/api/v1${url}`)).json()).toEqual({
      unitId: w.psd.id,
      name: 'Professional Standards',
      version: v + 1,
    });
    expect((await as(t, w, 'investigator').get(`/cases/${w.normal.id}`)).statusCode).toBe(404);
    expect((await call('aa', 'POST', `/api/v1${url}`, { unitId: null, version: v + 1 })).json()).toEqual({
      version: v + 2,
      unitId: null,
    });
    expect((await as(t, w, 'outsider').get(`/cases/${w.normal.id}`)).statusCode).toBe(404);
  });
});

describe('caseload', () => {
  it('is only for those who allocate cases', async () => {
    for (const who of ['investigator', 'pcc', 'lead'] as const) {
      expect((await as(t, w, who).get('/cases/caseload')).statusCode).toBe(404);
      expect((await call(who, 'GET', '/api/v1/cases/caseload')).statusCode).toBe(404);
    }
    expect((await as(t, w, 'aa').get('/cases')).body).toContain('href="/cases/caseload"');
    expect((await as(t, w, 'investigator').get('/cases')).body).not.toContain('href="/cases/caseload"');
  });

  it('counts open cases, open allegations and overdue time limits per lead, over the cases the viewer may see', async () => {
    await allocateCase(
      t.deps,
      w.aa,
      { caseId: w.normal.id, version: await version(w.normal.id), leadInvestigatorId: w.accounts.lead.user.id },
      null,
    );
    await t.database.query(
      `update clocks set due_on = case when case_id = $1 then date '2020-01-01' else date '2099-01-01' end`,
      [w.normal.id],
    );
    type Load = {
      leads: { leadId: string; cases: number; allegations: number; overdueClocks: number }[];
      unallocated: { cases: number; allegations: number; overdueClocks: number };
    };
    const load = async (who: Who) => (await call(who, 'GET', '/api/v1/cases/caseload')).json<Load>();
    const aa = await load('aa');
    expect(aa.leads.find((l) => l.leadId === w.accounts.lead.user.id)).toMatchObject({
      cases: 1,
      allegations: 2,
      overdueClocks: 1,
    });
    expect(aa.leads.find((l) => l.leadId === frank.userId)).toMatchObject({
      cases: 1,
      allegations: 1,
      overdueClocks: 0,
    });
    expect(aa.leads.find((l) => l.leadId === w.accounts.named.user.id)).toMatchObject({
      cases: 0,
      allegations: 0,
      overdueClocks: 0,
    });
    expect(aa.unallocated).toEqual({ cases: 1, allegations: 2, overdueClocks: 0 });
    expect((await load('aaUnnamed')).unallocated).toEqual({ cases: 0, allegations: 0, overdueClocks: 0 });
    const east = await load('east');
    expect(east.unallocated).toEqual({ cases: 1, allegations: 1, overdueClocks: 0 });
    expect(east.leads.map((l) => l.leadId)).not.toContain(w.accounts.lead.user.id);
    const page = await as(t, w, 'aa').get('/cases/caseload');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(
      '<caption class="govuk-table__caption govuk-table__caption--m">Open cases, open allegations and overdue time limits per lead investigator</caption>',
    );
    expect(page.body).toMatch(
      new RegExp(
        `id="lead-${w.accounts.lead.user.id}">[\\s\\S]*?>1</td>[\\s\\S]*?>2</td>[\\s\\S]*?govuk-tag--red">1</strong>`,
      ),
    );
    expect(page.body).toContain('href="/cases?view=unallocated">Not allocated</a>');
  });
});
