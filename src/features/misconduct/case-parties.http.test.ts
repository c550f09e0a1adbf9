import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError } from '../../../test/support/test-app.ts';
import { allocateCase } from './allocate-case.ts';
import { as, type Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  t,
  w,
  third,
  frank,
  useCaseDetailsWorld,
  state,
  frankPage,
  call,
  version,
  lastAudit,
} from '../../../test/fixtures/misconduct/case-details.http-fixtures.ts';

/** A case's parties (pages and API), and the caseload, which counts the lead a party could not be. */
useCaseDetailsWorld();
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

describe('caseload', () => {
  /** Frank leads the third case (the parties test above allocates it): so here too when this part runs alone. */
  beforeAll(async () => {
    const [row] = await t.database.query<{ lead: string | null }>(
      `select lead_investigator_id as lead from cases where id = $1`,
      [third.id],
    );
    if (row?.lead !== frank.userId)
      await allocateCase(
        t.deps,
        w.aa,
        { caseId: third.id, version: await version(third.id), leadInvestigatorId: frank.userId },
        null,
      );
  });

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
