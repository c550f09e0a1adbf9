import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createPerson, sessionCookieFor } from '../../../test/support/factories.ts';
import { api, createTestApp, TestClient, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import {
  as as asWho,
  dateFields,
  FormClient,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  arrest,
  buildRestrictionWorld,
  decisionBody,
  restrictionRows,
  restrictionSnapshot,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';

/**
 * The senior rationale that answers the suspension flag (issue 17): recorded by a different person from the
 * one who imposed the subject's restriction, of at least the configured rank (default Superintendent [R]),
 * the rank being that of the person record the account is linked to. Same person, too junior or no linked
 * person → 400 with the reason and nothing written, on the page and the API; a renewed rationale at a review
 * follows the same rule; need-to-know refusals are 404.
 */

let t: TestApp;
let w: RestrictionWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  w = await buildRestrictionWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) => asWho(t, w, who);
const sub = (name: string) => w.subjects[name] ?? '';
const fieldsOf = (res: { json: <T>() => T }) => res.json<ApiError>().error.fields ?? {};
const apiUrl = (subject: string) => `/api/v1/cases/${w.serious.id}/subjects/${sub(subject)}/suspension-rationale`;
const pageUrl = (subject: string) => `/cases/${w.serious.id}/subjects/${sub(subject)}/rationale`;
const body = { rationale: 'Office duties only, away from the complainant; bail conditions apply.' };
const fields = { ...body, ...dateFields('decidedOn', '2026-03-02') };
const senior = () => new FormClient(t.app, w.ranked.senior.cookie);
const junior = () => new FormClient(t.app, w.ranked.junior.cookie);

/** Erin (restricted duties imposed by `aa`) and Frank (imposed by the senior), both arrested, so flagged. */
const scene = async () => {
  for (const [name, token] of [
    ['erin', w.tokens.aa],
    ['frank', w.ranked.senior.token],
  ] as const) {
    await arrest(t, w, w.serious.id, sub(name), '2026-02-20');
    const res = await api(t.app, 'POST', `/api/v1/cases/${w.serious.id}/restrictions`, token, {
      subjectId: sub(name),
      ...decisionBody('restricted_duties', '2026-03-02'),
    });
    expect(res.statusCode).toBe(201);
  }
};
let built: Promise<void> | undefined;
const flaggedScene = () => (built ??= scene());

describe('who may record the senior rationale', () => {
  it('refuses the person who imposed the restriction, on the API and the page, writing nothing', async () => {
    await flaggedScene();
    const before = await restrictionSnapshot(t, false);
    const viaApi = await api(t.app, 'POST', apiUrl('frank'), w.ranked.senior.token, body);
    expect(viaApi.statusCode).toBe(400);
    expect(fieldsOf(viaApi)['rationale']).toBe(
      'You imposed the restricted duties on this subject: the senior rationale must be recorded by a different person, of at least Superintendent rank',
    );
    const viaPage = await senior().post(pageUrl('frank'), fields, pageUrl('frank'));
    expect(viaPage.statusCode).toBe(400);
    expect(viaPage.body).toContain('You imposed the restricted duties on this subject');
    expect(viaPage.body).toContain('href="#rationale"');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('refuses someone below the minimum rank, and an account with no linked person, writing nothing', async () => {
    await flaggedScene();
    const before = await restrictionSnapshot(t, false);
    const tooJunior = await api(t.app, 'POST', apiUrl('erin'), w.ranked.junior.token, body);
    expect(tooJunior.statusCode).toBe(400);
    expect(fieldsOf(tooJunior)['rationale']).toBe(
      'The senior rationale must be recorded by someone of at least Superintendent rank: your rank is Inspector',
    );
    const juniorPage = await junior().post(pageUrl('erin'), fields, pageUrl('erin'));
    expect(juniorPage.statusCode).toBe(400);
    expect(juniorPage.body).toContain('your rank is Inspector');
    const unlinked = await api(t.app, 'POST', apiUrl('erin'), w.tokens.aaUnnamed, body);
    expect(unlinked.statusCode).toBe(400);
    expect(fieldsOf(unlinked)['rationale']).toContain(
      'Your account is not linked to a person record with a current rank',
    );
    const unlinkedPage = await as('aaUnnamed').post(pageUrl('erin'), fields, pageUrl('erin'));
    expect(unlinkedPage.statusCode).toBe(400);
    expect(unlinkedPage.body).toContain('Your account is not linked to a person record with a current rank');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('refuses a renewed rationale at a review by the person who imposed the restriction, writing nothing', async () => {
    await flaggedScene();
    const [frank] = await restrictionRows(t, sub('frank'));
    const before = await restrictionSnapshot(t, false);
    const review = await api(t.app, 'POST', `/api/v1/restrictions/${frank?.id}/reviews`, w.ranked.senior.token, {
      version: frank?.version,
      reviewedOn: '2026-03-02',
      conditionsStillHold: true,
      reasons: 'The investigation continues.',
      officerInformed: true,
      representations: '',
      renewedRationale: 'Still enough.',
    });
    expect(review.statusCode).toBe(400);
    expect(fieldsOf(review)['renewedRationale']).toContain('You imposed the restricted duties on this subject');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('refuses those not signed in, without need-to-know or in another force with 404 (401 on the API), changing nothing', async () => {
    await flaggedScene();
    const before = await restrictionSnapshot(t, false);
    const restricted = `/cases/${w.restricted.id}/subjects/${sub('alice')}/rationale`;
    const restrictedApi = `/api/v1/cases/${w.restricted.id}/subjects/${sub('alice')}/suspension-rationale`;
    const anonymous = await new TestClient(t.app).get(pageUrl('erin'));
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/sign-in');
    expect((await api(t.app, 'POST', apiUrl('erin'), undefined, body)).statusCode).toBe(401);
    // The unnamed authority holds the ability but may not see the restricted case; the east force sees neither.
    expect((await as('aaUnnamed').get(restricted)).statusCode).toBe(404);
    expect((await as('aaUnnamed').post(restricted, fields, '/account')).statusCode).toBe(404);
    expect((await api(t.app, 'POST', restrictedApi, w.tokens.aaUnnamed, body)).statusCode).toBe(404);
    expect((await as('east').get(pageUrl('erin'))).statusCode).toBe(404);
    expect((await as('east').post(pageUrl('erin'), fields, '/account')).statusCode).toBe(404);
    expect((await api(t.app, 'POST', apiUrl('erin'), w.tokens.east, body)).statusCode).toBe(404);
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('records it for a different person of sufficient rank, on the API and the page', async () => {
    await flaggedScene();
    // Erin's restriction was imposed by `aa`: the senior may answer her flag.
    const viaApi = await api(t.app, 'POST', apiUrl('erin'), w.ranked.senior.token, body);
    expect(viaApi.statusCode).toBe(201);
    expect(viaApi.json()).toMatchObject({ validUntil: '2026-03-30' });
    // Frank's was imposed by the senior: `aa` has no linked person, the junior too low a rank; a second senior
    // authority, linked to a Superintendent, answers it through the page.
    const second = await createSecondSenior();
    const page = await second.post(pageUrl('frank'), fields, pageUrl('frank'));
    expect(page.statusCode).toBe(303);
    const rows = await t.database.query<{ subject_id: string; decision_maker_user_id: string }>(
      `select subject_id, decision_maker_user_id from suspension_flag_rationales order by recorded_at`,
    );
    expect(rows).toEqual([
      { subject_id: sub('erin'), decision_maker_user_id: w.ranked.senior.user.id },
      expect.objectContaining({ subject_id: sub('frank') }),
    ]);
    const after = await senior().get(`/cases/${w.serious.id}/restrictions`);
    expect(after.body).toContain('a senior rationale answers the flag until 30 March 2026');
  });
});

/** Another appropriate authority, linked to a Superintendent (exactly the default minimum rank). */
async function createSecondSenior(): Promise<FormClient> {
  const person = await createPerson(t.deps.db, 'west', {
    givenName: 'Sue',
    familyName: 'Super',
    postings: [{ rank: 'Superintendent', role: 'Deputy head of PSD', unitId: w.psd.id, validFrom: '2016-01-01' }],
  });
  const account = await createAccount(t.deps, {
    email: 'super@west.example',
    role: 'appropriate_authority',
    forceId: 'west',
    personId: person.id,
  });
  return new FormClient(t.app, await sessionCookieFor(t.deps, account.user.id));
}
