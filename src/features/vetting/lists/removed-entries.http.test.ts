import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  browser,
  buildVettingWorld,
  callApi,
  clockAt,
  type VettingWorld,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import { decisionHelpers } from '../../../../test/fixtures/vetting/decisions.http-fixtures.ts';

/**
 * List entries that are removed (Police Barred List and Police Advisory List Regulations 2017): an entry
 * missing from a later national file is marked removed with the day of the import (16 March 2026), never
 * deleted; it no longer blocks a recruitment decision, and the application and the decision record say so.
 * The lists page shows when a review may be asked for: 5 years, 3 after dismissal for gross incompetence.
 */
let t: TestApp;
let w: VettingWorld;

beforeAll(async () => {
  t = await createTestApp({}, clockAt);
  w = await buildVettingWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const HEADER = 'source_id,family_name,given_name,date_of_birth,former_force,rank,identifiers,reason,listed_on';
const FAIRWEATHER =
  'PBL-1001,Fairweather,Linus,1985-06-02,Westvale Police,Constable,,Dismissed for gross incompetence (Police (Performance) Regulations 2020),2023-03-01';
const HARROWGATE =
  'PBL-1002,Harrowgate,Tamsin,1990-01-12,Northmarsh Constabulary,Sergeant,,Dismissed: gross misconduct,2023-03-01';
const importList = (rows: string[]) =>
  callApi(t, w, 'vetting', 'POST', '/api/v1/vetting/lists/import', {
    list: 'barred',
    csv: [HEADER, ...rows].join('\n'),
  });
const { detail, readyApplication, decide } = decisionHelpers(
  () => t,
  () => w,
);

describe('barred list reviews (Police Barred List and Police Advisory List Regulations 2017) shown on the lists page', () => {
  it('shows a review due since 1 March 2026 after 3 years for gross incompetence, and from 1 March 2028 after 5 for misconduct, with the rule and its mark', async () => {
    expect((await importList([FAIRWEATHER, HARROWGATE])).json()).toMatchObject({ inserted: 2, removed: 0 });
    const page = await browser(t, w, 'vetting').get('/vetting/lists');
    expect(page.statusCode).toBe(200);
    const rowOf = (name: string) =>
      page.body.slice(page.body.indexOf(name), page.body.indexOf('</tr>', page.body.indexOf(name)));
    expect(rowOf('Linus Fairweather')).toContain('Review can be asked for</strong> since 1 March 2026');
    expect(rowOf('Tamsin Harrowgate')).toContain('Review can be asked for from 1 March 2028');
    expect(page.body).toContain(
      'A listed person may ask for a review of a barred list entry 5 years after listing (3 years after a dismissal for gross incompetence), and of an advisory list entry after 5 years (Police Barred List and Police Advisory List Regulations 2017; configuration integrity.listReviewYears, [S]',
    );
  });
});

describe('an entry missing from a later national file (Police Barred List and Police Advisory List Regulations 2017)', () => {
  it('blocks a grant while listed; taken off on 16 March 2026 it is kept, marked, and no longer blocks, and the record says so', async () => {
    await importList([FAIRWEATHER, HARROWGATE]);
    const app = await readyApplication(
      { givenName: 'Tamsin', familyName: 'Harrowgate', dateOfBirth: '1990-01-12' },
      false,
    );
    const matches = (await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/applications/${app.id}`)).json<{
      matches: { id: string }[];
    }>().matches;
    expect(matches).toHaveLength(1);
    await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/applications/${app.id}/matches/${matches[0]?.id}`, {
      decision: 'confirmed_match',
      note: 'Same person: confirmed with Northmarsh PSD by telephone',
    });
    const grant = () =>
      decide(app.id, { outcome: 'grant', rationale: 'Taken off the barred list on review by the College' });
    expect((await grant()).statusCode).toBe(422);

    // The next national file no longer has PBL-1002.
    expect((await importList([FAIRWEATHER])).json()).toMatchObject({ removed: 1, unchanged: 1 });
    expect(
      await t.database.query(
        `select family_name, removed_on::text from list_entries where source_key = 'national:barred:PBL-1002'`,
      ),
    ).toEqual([{ family_name: 'Harrowgate', removed_on: '2026-03-16' }]);
    const page = await browser(t, w, 'vetting').get(`/vetting/applications/${app.id}`);
    expect(page.body).toContain('Taken off the list');
    expect(page.body).toContain('16 March 2026: this entry no longer blocks a decision');

    const granted = await grant();
    expect(granted.statusCode).toBe(201);
    expect((await detail(app.id)).status).toBe('granted');
    const decisionId = granted.json<{ decisionId: string }>().decisionId;
    const record = await browser(t, w, 'vetting').get(`/vetting/decisions/${decisionId}`);
    expect(record.body).toContain(
      'Police Barred List: Tamsin Harrowgate (score 0.85; Family name matches; Given name matches; Date of birth matches) – Confirmed match: Same person: confirmed with Northmarsh PSD by telephone – taken off the list 16 March 2026, so it did not block this decision',
    );
    const [stored] = await t.database.query<{ document: { listMatches: { removedOn: string | null }[] } }>(
      `select document from vetting_decisions where id = $1`,
      [decisionId],
    );
    expect(stored?.document.listMatches).toEqual([expect.objectContaining({ removedOn: '2026-03-16' })]);
  });
});
