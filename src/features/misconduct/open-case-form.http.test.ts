import { describe, expect, it } from 'vitest';
import { allegationRows, as, dateFields, snapshot } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { t, w, useCaseWorld } from '../../../test/fixtures/misconduct/case-world.http-fixtures.ts';

/** Opening a case through the form. */
useCaseWorld();

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
