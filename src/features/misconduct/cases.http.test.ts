import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  allegationRows,
  as,
  buildCaseWorld,
  dateFields,
  snapshot,
  type CaseWorld,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/** The case list, opening a case through the form, the case page and the person page's allegations. */

let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const openForm = (overrides: Record<string, string | string[]> = {}) => ({
  source: 'internal_report',
  caseType: 'conduct_matter',
  ...dateFields('cameToAttentionOn', '2025-06-02'),
  summary: 'Ten officers in one chat group shared offensive images',
  confidentiality: 'normal',
  subjects: '812\n5550\r\n\n6001',
  categoryCode: 'behaviours.unprofessional',
  standards: ['authority_respect_courtesy', 'discreditable_conduct'],
  description: 'Shared offensive images and comments in a WhatsApp group of the shift.',
  ...overrides,
});

describe('the case list', () => {
  it('sends a visitor who is not signed in to sign in', async () => {
    const res = await as(t, w, null).get('/cases?view=all');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/cases?view=all')}`);
  });

  it('lists every case the appropriate authority may see, with the restricted tag, counts and the unallocated queue', async () => {
    const res = await as(t, w, 'aa').get('/cases?view=all');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(w.restricted.reference);
    expect(res.body).toContain(w.normal.reference);
    expect(res.body).toContain('Restricted');
    expect(res.body).toContain('2 cases');
    expect(res.body).toContain('Not allocated');
    expect(res.body).toContain('10 March 2025');
    expect(res.body).toMatch(
      /<th scope="col" class="govuk-table__header" aria-sort="none"><a [^>]*>Reference<\/a><\/th>/,
    );
    const queue = await as(t, w, 'aa').get('/cases?view=unallocated');
    expect(queue.body).toContain('2 cases');
    const mine = await as(t, w, 'aa').get('/cases');
    expect(mine.body).toContain('0 cases');
    expect(mine.body).toContain('aria-current="page" href="/cases?view=mine"');
  });

  it('searches by reference and filters by status', async () => {
    const res = await as(t, w, 'aa').get(`/cases?view=all&q=${encodeURIComponent(w.normal.reference)}&status=open`);
    expect(res.body).toContain('1 case');
    expect(res.body).not.toContain(w.restricted.reference);
    expect((await as(t, w, 'aa').get('/cases?view=all&status=closed')).body).toContain('0 cases');
  });

  it('shows each viewer only the cases they need to know about', async () => {
    const visible = async (who: Who) => {
      const body = (await as(t, w, who).get('/cases?view=all')).body;
      return [w.restricted.reference, w.normal.reference].filter((r) => body.includes(r));
    };
    expect(await visible('aaUnnamed')).toEqual([w.normal.reference]);
    expect(await visible('named')).toEqual([w.restricted.reference]);
    expect(await visible('aaSubject')).toEqual([]);
    expect(await visible('outsider')).toEqual([]);
    expect(await visible('east')).toEqual([]);
    expect((await as(t, w, 'pcc').get('/cases')).statusCode).toBe(404);
    expect((await as(t, w, 'vetting').get('/cases')).statusCode).toBe(404);
  });

  it('answers bad filters with 400 and an error summary', async () => {
    const res = await as(t, w, 'aa').get('/cases?view=everything&status=pending&page=0');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain('Choose which cases to list');
    expect(res.body).toContain('Choose open or closed');
    expect(res.body).toContain('Page must be 1 or more');
    expect(res.body).toContain('href="#status"');
  });

  it('shows Cases in the navigation and on the start page only to roles that can read cases', async () => {
    expect((await as(t, w, 'investigator').get('/')).body).toContain('href="/cases"');
    expect((await as(t, w, 'pcc').get('/')).body).not.toContain('href="/cases"');
  });
});

describe('opening a case with the form', () => {
  it('sends a visitor who is not signed in to sign in, for the form and its post', async () => {
    expect((await as(t, w, null).get('/cases/new')).statusCode).toBe(303);
    const before = await snapshot(t);
    const res = await as(t, w, null).post('/cases/new', openForm());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/sign-in/);
    expect(await snapshot(t)).toBe(before);
  });

  it('refuses roles that cannot open cases with 404, writing nothing', async () => {
    expect((await as(t, w, 'pcc').get('/cases/new')).statusCode).toBe(404);
    const before = await snapshot(t);
    expect((await as(t, w, 'pcc').post('/cases/new', openForm())).statusCode).toBe(404);
    expect((await as(t, w, 'vetting').post('/cases/new', openForm())).statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
  });

  it('offers every question with a label or legend', async () => {
    const res = await as(t, w, 'investigator').get('/cases/new');
    expect(res.statusCode).toBe(200);
    for (const text of [
      'Where did the matter come from?',
      'Type of case',
      'When did the matter come to the appropriate authority’s attention?',
      'Confidentiality',
      'Subjects',
      'Category',
      'Which Standards of Professional Behaviour would the conduct breach?',
      'Describe the alleged conduct',
    ]) {
      expect(res.body).toContain(text);
    }
    expect(res.body).toContain('<optgroup label="Individual behaviours">');
    expect(res.body).toContain('name="cameToAttentionOn-day"');
    expect(res.body).toContain('named@west.example');
    expect(res.body).not.toContain('pcc@west.example');
    expect(res.body).not.toContain('aa@east.example');
    expect(res.body).not.toMatch(/<script(?![^>]*src=)/);
    expect(res.body).not.toContain('style=');
  });

  it('opens a case for three subjects named by collar number, one track each, and starts the 12-month clock', async () => {
    const res = await as(t, w, 'investigator').post('/cases/new', openForm(), '/cases/new');
    expect(res.statusCode).toBe(303);
    const id = /^\/cases\/([0-9a-f-]{36})$/.exec(res.headers.location ?? '')?.[1] ?? '';
    expect(id).not.toBe('');
    const rows = await allegationRows(t, id);
    expect(rows.map((r) => [r.given_name, r.state])).toEqual([
      ['Alice', 'received'],
      ['Bob', 'received'],
      ['Carol', 'received'],
    ]);
    const [clock] = await t.database.query<{ period: string; due_on: string }>(
      `select period, due_on::text from clocks where case_id = $1`,
      [id],
    );
    expect(clock).toEqual({ period: 'pcc_report_first', due_on: '2026-06-02' });
  });

  it('keeps every value and names each field in error, writing nothing', async () => {
    const before = await snapshot(t);
    const res = await as(t, w, 'aa').post(
      '/cases/new',
      openForm({
        source: '',
        caseType: '',
        ...dateFields('cameToAttentionOn', '2025-02-31'),
        summary: 'short',
        subjects: '812\nNOBODY-1\n4444\n812\n3333',
        categoryCode: '',
        standards: [],
        description: 'brief',
      }),
      '/cases/new',
    );
    expect(res.statusCode).toBe(400);
    const body = res.body;
    expect(body).toContain('There is a problem');
    for (const message of [
      'Choose where the matter came from',
      'Choose the type of case',
      'The date the matter came to attention must be a real date',
      'Summarise the matter in at least 10 characters',
      'line 2 (“NOBODY-1”) matches no one you can see',
      'line 3 (“4444”) matches more than one record',
      'line 4 (“812”) is the same person as line 1',
      'line 5 (“3333”) matches no one you can see',
      'Choose a category',
      'Choose at least one standard of professional behaviour',
      'Describe the alleged conduct in at least 10 characters',
    ]) {
      expect(body).toContain(message);
    }
    expect(body).toContain('href="#cameToAttentionOn-day"');
    expect(body).toContain('href="#subjects"');
    expect(body).toContain('href="#categoryCode"');
    expect(body).toContain('812\nNOBODY-1\n4444\n812\n3333</textarea>');
    expect(body).toContain('value="31"');
    expect(await snapshot(t)).toBe(before);
  });

  it('rejects a date in the future and a category that does not exist', async () => {
    const before = await snapshot(t);
    const res = await as(t, w, 'aa').post(
      '/cases/new',
      openForm({ ...dateFields('cameToAttentionOn', '2099-01-01'), categoryCode: 'made.up' }),
      '/cases/new',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date the matter came to attention cannot be in the future');
    expect(await snapshot(t)).toBe(before);
  });

  it('cannot name as a subject the user themself or a person of another force', async () => {
    const before = await snapshot(t);
    const self = await as(t, w, 'outsider').post('/cases/new', openForm({ subjects: '9001' }), '/cases/new');
    expect(self.statusCode).toBe(400);
    expect(self.body).toContain('line 1 (“9001”) matches no one you can see');
    const east = await as(t, w, 'east').post('/cases/new', openForm({ subjects: '812' }), '/cases/new');
    expect(east.statusCode).toBe(400);
    expect(east.body).toContain('line 1 (“812”) matches no one you can see');
    expect(await snapshot(t)).toBe(before);
  });

  it('names the surviving record when a number belongs to a record merged into it', async () => {
    const [dup] = await t.database.query<{ id: string }>(
      `insert into people (force_id, given_name, family_name, person_type, status, service_start, search_name, merged_into_id)
        values ('west', 'Georgina', 'Garside', 'officer', 'current', '2010-01-01', 'georgina garside', $1) returning id`,
      [w.people.gina.id],
    );
    await t.database.query(
      `insert into person_identifiers (force_id, person_id, kind, value, valid_from) values ('west', $1, 'staff', 'S8888', '2008-01-01')`,
      [dup?.id],
    );
    const res = await as(t, w, 'aa').post('/cases/new', openForm({ subjects: 'S8888' }), '/cases/new');
    expect(res.statusCode).toBe(303);
    const rows = await allegationRows(t, (res.headers.location ?? '').split('/')[2] ?? '');
    expect(rows.map((r) => r.given_name)).toEqual(['Gina']);
  });

  it('opens a restricted case that only the opener and the people named can see', async () => {
    const res = await as(t, w, 'aa').post(
      '/cases/new',
      openForm({ subjects: w.people.erin.id, confidentiality: 'restricted', namedUserIds: [w.accounts.named.user.id] }),
      '/cases/new',
    );
    expect(res.statusCode).toBe(303);
    const location = res.headers.location ?? '';
    expect((await as(t, w, 'named').get(location)).statusCode).toBe(200);
    expect((await as(t, w, 'aaUnnamed').get(location)).statusCode).toBe(404);
    const access = await t.database.query<{ n: number }>(
      `select count(*)::int as n from case_access where case_id = $1`,
      [location.split('/')[2]],
    );
    expect(access[0]?.n).toBe(2);
  });
});

describe('the case page', () => {
  it('sends a visitor who is not signed in to sign in', async () => {
    const res = await as(t, w, null).get(`/cases/${w.normal.id}`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/cases/${w.normal.id}`)}`);
  });

  it('shows the summary, each allegation’s track side by side with its next steps, the clocks and an empty timeline', async () => {
    const res = await as(t, w, 'aa').get(`/cases/${w.normal.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain(w.normal.reference);
    expect(body).toContain('Internal report (a colleague or supervisor)');
    expect(body).toContain('Conduct Regulations 2020 as amended in 2024 (tranche one)');
    expect(body).toContain(`href="/people/${w.people.carol.id}">Carol Calder</a>`);
    expect(body).toContain(`href="/people/${w.people.dave.id}">Dave Dunmore</a>`);
    expect(body).toContain('Received and not yet assessed');
    expect(body).toContain('Unprofessional attitude and disrespect');
    expect(body).toContain('Assess severity<span class="govuk-visually-hidden"> for Carol Calder</span>');
    expect(body).toContain('First report to the local policing body on an investigation not completed');
    expect(body).toContain('12 months');
    expect(body).toContain('10 March 2026');
    expect(body).toContain('Nothing has been recorded on the allegations yet.');
    expect(body).toContain('Allocate the case to a lead investigator');
    expect(body).toContain('lead@west.example');
    expect(body).not.toContain('pcc@west.example');
    expect(body).toContain('Record that Carol Calder left the force');
    expect(body).not.toMatch(/<script(?![^>]*src=)/);
    expect(body).not.toContain('style=');
  });

  it('shows an investigator no decisions they cannot take, and no allocation or leaving forms', async () => {
    const body = (await as(t, w, 'named').get(`/cases/${w.restricted.id}`)).body;
    expect(body).toContain('None for you now');
    expect(body).not.toContain('Assess severity');
    expect(body).not.toContain('Allocate the case');
    expect(body).not.toContain('left the force');
  });

  it('answers 404 to everyone without need-to-know, exactly like a missing case, and audits nothing', async () => {
    const before = await snapshot(t);
    const refused: [Who, string][] = [
      ['outsider', w.restricted.id],
      ['aaUnnamed', w.restricted.id],
      ['east', w.restricted.id],
      ['pcc', w.restricted.id],
      ['aaSubject', w.normal.id],
      ['outsider', w.normal.id],
      ['east', w.normal.id],
    ];
    for (const [who, id] of refused) {
      const res = await as(t, w, who).get(`/cases/${id}`);
      expect(res.statusCode, `${who} on ${id}`).toBe(404);
      expect(res.body).not.toContain('Offensive messages');
    }
    expect((await as(t, w, 'aa').get('/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await as(t, w, 'aa').get('/cases/not-a-case')).statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('allegations on the person page', () => {
  it('lists the allegations against a person in the cases the viewer may see', async () => {
    const aa = (await as(t, w, 'aa').get(`/people/${w.people.alice.id}`)).body;
    expect(aa).toContain('Allegations against this person');
    expect(aa).toContain(`href="/cases/${w.restricted.id}">${w.restricted.reference}</a>`);
    expect(aa).toContain('Received and not yet assessed');
    const unnamed = (await as(t, w, 'aaUnnamed').get(`/people/${w.people.alice.id}`)).body;
    expect(unnamed).toContain('Allegations against this person');
    expect(unnamed).not.toContain(w.restricted.reference);
    const nobody = (await as(t, w, 'aa').get(`/people/${w.people.frank.id}`)).body;
    expect(nobody).toContain('There are no allegations against this person in cases you can see.');
  });

  it('shows nothing about cases to a role that cannot read them', async () => {
    const res = await as(t, w, 'vetting').get(`/people/${w.people.alice.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Allegations against this person');
  });
});
