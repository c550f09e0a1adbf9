import { describe, expect, it } from 'vitest';
import { TestClient, api, type ApiError, type PeopleList, type PersonDetail } from '../../../test/support/test-app.ts';
import { createPerson } from '../../../test/support/factories.ts';
import {
  t,
  alice,
  bob,
  tokens,
  auditCount,
  usePeopleWorld,
  as,
} from '../../../test/fixtures/people/people.http-fixtures.ts';

/** Merging duplicate records through the pages and the API, and undoing a merge. */
usePeopleWorld();

describe('merging duplicate records', () => {
  it('merges by number, finds the survivor by the duplicate’s number, and undoes exactly', async () => {
    const dup = await createPerson(t.deps.db, 'west', {
      givenName: 'Alicia',
      familyName: 'Ashworth',
      identifiers: [{ kind: 'staff', value: 'S777001', validFrom: '2008-01-01', validTo: '2011-12-31' }],
    });
    const client = as('aa');
    const page = `/people/${alice.id}`;
    const res = await client.post(
      `/people/${alice.id}/merge`,
      { duplicate: 'S777001', reason: 'Same person: staff before joining as an officer', version: '1' },
      { formPage: page },
    );
    expect(res.statusCode).toBe(303);
    const search = await api(t.app, 'GET', '/api/v1/people?q=S777001', tokens['aa']);
    expect(search.json<PeopleList>().items.map((i) => i.id)).toEqual([alice.id]);
    const names = await api(t.app, 'GET', '/api/v1/people?q=ashworth', tokens['aa']);
    expect(names.json<PeopleList>().items.map((i) => i.givenName)).not.toContain('Alicia');
    const detail = await api(t.app, 'GET', `/api/v1/people/${alice.id}`, tokens['aa']);
    expect(detail.json<PersonDetail>().identifiers.map((i) => i.value)).toContain('S777001');
    expect(detail.json<PersonDetail>().mergedRecords).toEqual([
      { id: dup.id, givenName: 'Alicia', familyName: 'Ashworth' },
    ]);
    expect(await auditCount('person.merged')).toBe(2);

    const [merge] = await t.database.query<{ id: string }>(`select id from person_merges where merged_id = $1`, [
      dup.id,
    ]);
    const undo = await api(t.app, 'POST', `/api/v1/person-merges/${merge?.id}/undo`, tokens['aa'], {
      reason: 'Different people after all: checked HR file',
    });
    expect(undo.statusCode).toBe(200);
    const after = await api(t.app, 'GET', '/api/v1/people?q=S777001', tokens['aa']);
    expect(after.json<PeopleList>().items.map((i) => i.id)).toEqual([dup.id]);
    expect(await auditCount('person.unmerged')).toBe(2);
  });

  it('refuses a stale merge with 409 and changes nothing', async () => {
    const dup = await createPerson(t.deps.db, 'west', { givenName: 'Robert', familyName: 'Ashworth' });
    const res = await api(t.app, 'POST', `/api/v1/people/${bob.id}/merge`, tokens['aa'], {
      duplicateId: dup.id,
      reason: 'Same person recorded twice',
      survivorVersion: 99,
      duplicateVersion: 1,
    });
    expect(res.statusCode).toBe(409);
    const [row] = await t.database.query<{ merged_into_id: string | null }>(
      `select merged_into_id from people where id = $1`,
      [dup.id],
    );
    expect(row?.merged_into_id).toBeNull();
  });

  it('refuses a merge without a reason, and one by a role that may not merge, changing nothing', async () => {
    const dup = await createPerson(t.deps.db, 'west', { givenName: 'Rob', familyName: 'Ashworth' });
    const short = await api(t.app, 'POST', `/api/v1/people/${bob.id}/merge`, tokens['aa'], {
      duplicateId: dup.id,
      reason: 'dup',
      survivorVersion: 1,
      duplicateVersion: 1,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json<ApiError>().error.fields?.['reason']).toMatch(/at least 10 characters/);
    const inv = await api(t.app, 'POST', `/api/v1/people/${bob.id}/merge`, tokens['investigator'], {
      duplicateId: dup.id,
      reason: 'Same person recorded twice',
      survivorVersion: 1,
      duplicateVersion: 1,
    });
    expect(inv.statusCode).toBe(404);
    const anon = await new TestClient(t.app).post(`/people/${bob.id}/merge`, {
      duplicate: dup.id,
      reason: 'Same person recorded twice',
      version: '1',
    });
    expect(anon.statusCode).toBe(303);
    const changed = await t.database.query(`select 1 from people where merged_into_id is not null and id = $1`, [
      dup.id,
    ]);
    expect(changed).toHaveLength(0);
    expect(await t.database.query(`select 1 from person_merges where merged_id = $1`, [dup.id])).toHaveLength(0);
  });

  it('refuses a form post without the CSRF token', async () => {
    const res = await as('aa').post(
      `/people/${bob.id}/merge`,
      { duplicate: '5550', reason: 'Same person recorded twice', version: '1' },
      { csrf: false },
    );
    expect(res.statusCode).toBe(403);
  });
});
