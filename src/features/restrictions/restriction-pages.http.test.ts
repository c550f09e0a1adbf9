import { describe, expect, it } from 'vitest';
import { dateFields, type Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { TestClient } from '../../../test/support/test-app.ts';
import { decisionForm, restrictionSnapshot } from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import {
  aliceRestriction,
  as,
  sub,
  t,
  useRestrictionPagesWorld,
  w,
} from '../../../test/fixtures/restrictions/restriction-pages.http-fixtures.ts';

/** The restriction pages and forms: who may see them, and anonymous posts. */

useRestrictionPagesWorld();

describe('who may see the restriction pages', () => {
  it('sends visitors who are not signed in to sign in, for every page and form, changing nothing', async () => {
    const before = await restrictionSnapshot(t);
    const c = w.restricted.id;
    const base = `/cases/${c}/restrictions`;
    const pages = [
      '/restrictions',
      base,
      `${base}/new?subject=${sub('bob')}`,
      `/cases/${c}/subjects/${sub('alice')}/rationale`,
      ...['review', 'change', 'lift', 'notice'].map((f) => `${base}/${aliceRestriction}/${f}`),
    ];
    for (const url of pages) {
      const res = await as(null).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toMatch(/^\/sign-in/);
    }
    const posts = [
      base,
      `/cases/${c}/subjects/${sub('alice')}/rationale`,
      ...['review', 'change', 'lift', 'notice'].map((f) => `${base}/${aliceRestriction}/${f}`),
    ];
    for (const url of posts)
      expect(
        (await as(null).post(url, { ...decisionForm('suspension', '2026-03-02'), subjectId: sub('bob'), version: '1' }))
          .statusCode,
        url,
      ).toBe(303);
    expect(await restrictionSnapshot(t)).toBe(before);
  });

  it('refuses every page and form of a case outside need-to-know with 404, changing nothing', async () => {
    const before = await restrictionSnapshot(t);
    const c = w.restricted.id;
    const base = `/cases/${c}/restrictions`;
    const urls = [
      base,
      `${base}/new?subject=${sub('bob')}`,
      `/cases/${c}/subjects/${sub('alice')}/rationale`,
      ...['review', 'change', 'lift', 'notice'].map((f) => `${base}/${aliceRestriction}/${f}`),
    ];
    for (const who of ['aaUnnamed', 'investigator', 'outsider', 'east', 'pcc', 'vetting'] as Who[]) {
      for (const url of urls) expect((await as(who).get(url)).statusCode, `${who} ${url}`).toBe(404);
    }
    const posts: [string, Record<string, string>][] = [
      [base, { ...decisionForm('suspension', '2026-03-02'), subjectId: sub('bob') }],
      [
        `${base}/${aliceRestriction}/review`,
        {
          version: '1',
          ...dateFields('reviewedOn', '2026-03-02'),
          conditionsStillHold: 'yes',
          officerInformed: 'yes',
          reasons: 'Still needed',
        },
      ],
      [`${base}/${aliceRestriction}/change`, { version: '1', ...decisionForm('suspension', '2026-03-02') }],
      [
        `${base}/${aliceRestriction}/lift`,
        {
          version: '1',
          ...dateFields('decidedOn', '2026-03-02'),
          ...dateFields('endsOn', '2026-03-02'),
          reasons: 'No longer needed',
        },
      ],
      [`${base}/${aliceRestriction}/notice`, { version: '1', ...dateFields('writtenNoticeOn', '2026-03-02') }],
      [
        `/cases/${c}/subjects/${sub('alice')}/rationale`,
        { rationale: 'Enough', ...dateFields('decidedOn', '2026-03-02') },
      ],
    ];
    for (const who of ['aaUnnamed', 'investigator', 'named', 'east'] as Who[]) {
      for (const [url, body] of posts)
        expect((await as(who).post(url, body, '/account')).statusCode, `${who} ${url}`).toBe(404);
    }
    // A subject of the normal case who is an appropriate authority never sees it.
    expect((await as('aaSubject').get(`/cases/${w.normal.id}/restrictions`)).statusCode).toBe(404);
    expect(await restrictionSnapshot(t)).toBe(before);
  });

  it('shows the lists only to users who may read restrictions, and only restrictions on cases they may see', async () => {
    expect((await as('pcc').get('/restrictions')).statusCode).toBe(404);
    expect((await as('vetting').get('/restrictions')).statusCode).toBe(404);
    const aa = await as('aa').get('/restrictions');
    expect(aa.statusCode).toBe(200);
    expect(aa.body).toMatch(/id="in-force-restricted_duties"[\s\S]*Alice Ashworth/);
    for (const who of ['aaUnnamed', 'investigator'] as Who[]) {
      const res = await as(who).get('/restrictions');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Alice Ashworth');
      expect(res.body).toContain('No restriction is in force.');
    }
    const named = await as('named').get(`/cases/${w.restricted.id}/restrictions`);
    expect(named.statusCode).toBe(200);
    expect(named.body).toContain('In force: Restricted duties');
    expect(named.body).not.toContain('>Review<');
    expect(named.body).not.toContain('Restrict duties or suspend');
  });
});

describe('anonymous posts', () => {
  it('are refused without a CSRF token', async () => {
    const res = await new TestClient(t.app)
      .setCookie('probity_session', w.cookies.aa)
      .post(`/cases/${w.normal.id}/restrictions`, { subjectId: sub('dave') }, { csrf: false });
    expect(res.statusCode).toBe(403);
  });
});
