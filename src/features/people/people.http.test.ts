import { describe, expect, it } from 'vitest';
import { TestClient, api, type ApiError, type PeopleList, type PersonDetail } from '../../../test/support/test-app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import {
  t,
  alice,
  investigatorSelf,
  eastPerson,
  tokens,
  auditCount,
  usePeopleWorld,
  as,
} from '../../../test/fixtures/people/people.http-fixtures.ts';

/** The people directory: finding people by number and name, need-to-know, protected characteristics, identity history. */
usePeopleWorld();

describe('people directory', () => {
  it('finds a person by a superseded collar number and says which number matched', async () => {
    const res = await as('aa').get('/people?q=4471');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Ashworth, Alice');
    expect(res.body).toContain('Matched former number 4471, held until 31 March 2019');
    expect(res.body).toContain('1 person found');
    // Eve in the other force holds 4471 too, and is never shown.
    expect(res.body).not.toContain('Eve');
  });

  it('finds a person by part of a number, lists exact matches first, ignores case, and needs 3 characters', async () => {
    // Abbott sorts before Ashworth, but Alice's number is the one typed in full.
    await createPerson(t.deps.db, 'west', {
      givenName: 'Abel',
      familyName: 'Abbott',
      identifiers: [{ kind: 'collar', value: '14471', validFrom: '2016-01-01' }],
    });
    const full = await api(t.app, 'GET', '/api/v1/people?q=4471', tokens['aa']);
    expect(full.json<PeopleList>().items.map((i) => [i.givenName, i.matchedNumber?.value])).toEqual([
      ['Alice', '4471'],
      ['Abel', '14471'],
    ]);
    const partial = await api(t.app, 'GET', '/api/v1/people?q=447', tokens['aa']);
    expect(partial.json<PeopleList>().items.map((i) => i.givenName)).toEqual(['Abel', 'Alice']);
    expect(partial.json<PeopleList>().total).toBe(2);
    const lower = await api(t.app, 'GET', '/api/v1/people?q=w1000', tokens['aa']);
    expect(lower.json<PeopleList>().items.map((i) => [i.givenName, i.matchedNumber?.value])).toEqual([
      ['Alice', 'W100001'],
    ]);
    // Two characters match whole numbers only: 44 is nobody's number.
    const short = await api(t.app, 'GET', '/api/v1/people?q=44', tokens['aa']);
    expect(short.json<PeopleList>().total).toBe(0);
    // A LIKE wildcard typed in the search is a character, not a pattern.
    const wildcard = await api(t.app, 'GET', '/api/v1/people?q=4_71', tokens['aa']);
    expect(wildcard.json<PeopleList>().total).toBe(0);
  });

  it('finds an imported person whose name holds the digits typed, after the holders of the number', async () => {
    // Philadelphia's open data names officers only by id: the import makes "Officer 130469".
    await createPerson(t.deps.db, 'west', { givenName: 'J.A.', familyName: 'Officer 130469' });
    await createPerson(t.deps.db, 'west', {
      givenName: 'Zed',
      familyName: 'Zephyr',
      identifiers: [{ kind: 'collar', value: '130469', validFrom: '2016-01-01' }],
    });
    const res = await api(t.app, 'GET', '/api/v1/people?q=130469', tokens['aa']);
    expect(res.json<PeopleList>().items.map((i) => [i.familyName, i.matchedNumber?.value ?? null])).toEqual([
      ['Zephyr', '130469'],
      ['Officer 130469', null],
    ]);
    // Two characters still match whole numbers only, never names.
    expect((await api(t.app, 'GET', '/api/v1/people?q=13', tokens['aa'])).json<PeopleList>().total).toBe(0);
  });

  it('searches by name and filters by rank, listing only visible records', async () => {
    const res = await api(t.app, 'GET', '/api/v1/people?q=ashworth&rank=Sergeant', tokens['aa']);
    expect(res.statusCode).toBe(200);
    const body = res.json<PeopleList>();
    expect(body.total).toBe(1);
    expect(body.items[0]?.givenName).toBe('Alice');
    expect(body.items[0]?.currentNumbers).toContain('collar 812');
  });

  it('never shows users the record of the person they are, in lists, counts or detail', async () => {
    const list = await api(t.app, 'GET', '/api/v1/people?q=ashworth', tokens['investigator']);
    expect(
      list
        .json<PeopleList>()
        .items.map((i) => i.givenName)
        .sort(),
    ).toEqual(['Alice', 'Bob']);
    expect(list.json<PeopleList>().total).toBe(2);
    const byNumber = await as('investigator').get('/people?q=9001');
    expect(byNumber.body).toContain('0 people found');
    const before = await auditCount('person.viewed');
    const detail = await as('investigator').get(`/people/${investigatorSelf.id}`);
    expect(detail.statusCode).toBe(404);
    const apiDetail = await api(t.app, 'GET', `/api/v1/people/${investigatorSelf.id}`, tokens['investigator']);
    expect(apiDetail.statusCode).toBe(404);
    expect(apiDetail.json<ApiError>().error.code).toBe('not_found');
    expect(await auditCount('person.viewed')).toBe(before);
  });

  it('answers a record of another force exactly like a missing one', async () => {
    const other = await api(t.app, 'GET', `/api/v1/people/${eastPerson.id}`, tokens['aa']);
    const missing = await api(t.app, 'GET', `/api/v1/people/00000000-0000-4000-8000-000000000000`, tokens['aa']);
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json<ApiError>().error.message).toBe(missing.json<ApiError>().error.message);
  });

  it('refuses roles without need-to-know with 404 on pages and API', async () => {
    expect((await as('pcc').get('/people')).statusCode).toBe(404);
    expect((await as('pcc').get(`/people/${alice.id}`)).statusCode).toBe(404);
    expect((await api(t.app, 'GET', '/api/v1/people', tokens['pcc'])).statusCode).toBe(404);
  });

  it('sends a visitor who is not signed in to sign in, and answers the API with 401', async () => {
    const page = await new TestClient(t.app).get(`/people/${alice.id}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/sign-in?next=${encodeURIComponent(`/people/${alice.id}`)}`);
    expect((await api(t.app, 'GET', '/api/v1/people')).statusCode).toBe(401);
    expect((await api(t.app, 'GET', '/api/v1/people', 'prb_not-a-real-token')).statusCode).toBe(401);
  });

  it('shows protected characteristics only to roles that need them', async () => {
    const aa = await api(t.app, 'GET', `/api/v1/people/${alice.id}`, tokens['aa']);
    expect(aa.json<PersonDetail>().protectedCharacteristics).toEqual({
      sex: 'female',
      ethnicity: 'white',
      ageBand: '26_40',
      dateOfBirth: '1985-06-15',
    });
    const inv = await api(t.app, 'GET', `/api/v1/people/${alice.id}`, tokens['investigator']);
    expect(inv.json<PersonDetail>().protectedCharacteristics).toBeNull();
    expect((await as('investigator').get(`/people/${alice.id}`)).body).not.toContain('Ethnicity');
  });

  it('shows identity history on the person page and audits the read with the person', async () => {
    const before = await auditCount('person.viewed');
    const res = await as('investigator').get(`/people/${alice.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('4471');
    expect(res.body).toContain('31 March 2019');
    expect(res.body).toContain('Response sergeant');
    expect(await auditCount('person.viewed')).toBe(before + 1);
    const [row] = await t.database.query<{ person_id: string; actor_label: string }>(
      `select person_id, actor_label from audit_events where event_type = 'person.viewed' order by seq desc limit 1`,
    );
    expect(row).toEqual({ person_id: alice.id, actor_label: 'inv@west.example' });
  });

  it('rejects bad search input with a clear message', async () => {
    const res = await as('aa').get('/people?type=wizard&page=0');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose a type from the list');
    expect(res.body).toContain('Page must be 1 or more');
  });
});
