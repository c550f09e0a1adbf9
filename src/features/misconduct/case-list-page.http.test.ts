import { describe, expect, it } from 'vitest';
import { as, snapshot, type Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { t, w, useCaseWorld } from '../../../test/fixtures/misconduct/case-world.http-fixtures.ts';

/** The case list, the case page and the person page's allegations. */
useCaseWorld();

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
