import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, TestClient, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { as as asWho, type Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  arrest,
  buildRestrictionWorld,
  decisionBody,
  decisionForm,
  restrictionRows,
  restrictionSnapshot,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';

/**
 * Several restrictions of one subject in one case at once (issue 17): a firearms officer on restricted
 * duties AND with firearms authority withdrawn. Each has its own reviews, clocks and history, through the
 * pages (no JavaScript) and the API alike; a second of the same kind still in force is refused (400) and
 * nothing is written; refusals of need-to-know are 404 and change nothing.
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
const call = (who: Who | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, who ? w.tokens[who] : undefined, body);
const sub = (name: string) => w.subjects[name] ?? '';
const fieldsOf = (res: { json: <T>() => T }) => res.json<ApiError>().error.fields ?? {};
const seriousBase = () => `/cases/${w.serious.id}/restrictions`;

/** Frank (serious case, arrested): restricted duties, then firearms authority withdrawn, both through the form. */
const imposeTwoOnFrankByForm = async () => {
  await arrest(t, w, w.serious.id, sub('frank'), '2026-02-20');
  const form = (kind: 'restricted_duties' | 'firearms_authority_withdrawn') =>
    as('aa').post(
      seriousBase(),
      { ...decisionForm(kind, '2026-03-02'), subjectId: sub('frank') },
      `${seriousBase()}/new?subject=${sub('frank')}`,
    );
  return [await form('restricted_duties'), await form('firearms_authority_withdrawn')];
};
let frank: Promise<Awaited<ReturnType<typeof imposeTwoOnFrankByForm>>> | undefined;
const frankRestrictedTwice = () => (frank ??= imposeTwoOnFrankByForm());

/** Gina (serious case): restricted duties and firearms authority withdrawn, through the API. */
const imposeTwoOnGinaByApi = async () => {
  const impose = (kind: 'restricted_duties' | 'firearms_authority_withdrawn') =>
    call('aa', 'POST', `/api/v1/cases/${w.serious.id}/restrictions`, {
      subjectId: sub('gina'),
      ...decisionBody(kind, '2026-03-02'),
    });
  return [await impose('restricted_duties'), await impose('firearms_authority_withdrawn')];
};
let gina: Promise<Awaited<ReturnType<typeof imposeTwoOnGinaByApi>>> | undefined;
const ginaRestrictedTwice = () => (gina ??= imposeTwoOnGinaByApi());

/** The clocks of each of a subject's restrictions, by kind. */
async function clocksByKind(subjectId: string) {
  const rows = await t.database.query<{ kind: string; period: string; sequence: number; state: string }>(
    `select r.kind, k.period, k.sequence, k.state from clocks k
      join duty_restrictions r on r.force_id = k.force_id and r.id = k.restriction_id
      where k.subject_id = $1 and k.allegation_id is null order by r.kind, k.period, k.sequence`,
    [subjectId],
  );
  return rows.map((r) => `${r.kind} ${r.period} #${r.sequence} ${r.state}`);
}

describe('several restrictions in force for one subject', () => {
  it('imposes a second restriction of another kind through the form, each shown with its own decisions', async () => {
    const [first, second] = await frankRestrictedTwice();
    expect(first?.statusCode).toBe(303);
    expect(second?.statusCode).toBe(303);
    const rows = await restrictionRows(t, sub('frank'));
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['restricted_duties', 'in_force'],
      ['firearms_authority_withdrawn', 'in_force'],
    ]);
    const page = await as('aa').get(seriousBase());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('In force: Restricted duties');
    expect(page.body).toContain('In force: Firearms authority withdrawn');
    for (const r of rows) {
      expect(page.body).toContain(`id="current-${r.id}"`);
      expect(page.body).toMatch(new RegExp(`id="actions-${r.id}"[\\s\\S]*?href="${seriousBase()}/${r.id}/review"`));
    }
    // Each link names its restriction for screen readers, the two being otherwise alike.
    expect(page.body).toContain(
      'Review<span class="govuk-visually-hidden"> restricted duties for Frank Fairley</span>',
    );
    expect(page.body).toContain(
      'Lift<span class="govuk-visually-hidden"> firearms authority withdrawn for Frank Fairley</span>',
    );
    // Frank was arrested on a serious matter: two restrictions short of suspension do not answer the flag.
    expect(page.body).toContain('Flagged: not suspended');
    const form = await as('aa').get(`${seriousBase()}/new?subject=${sub('frank')}`);
    expect(form.body).toContain(
      'Already in force for Frank Fairley in this case: Restricted duties, Firearms authority withdrawn.',
    );
  });

  it('lists each current restriction on the case page banner and the person page', async () => {
    await frankRestrictedTwice();
    const casePage = await as('aa').get(`/cases/${w.serious.id}`);
    expect(casePage.body).toMatch(/id="restriction-banner"[\s\S]*Restricted: restricted duties since 2 March 2026/);
    expect(casePage.body).toMatch(
      /id="restriction-banner"[\s\S]*Restricted: firearms authority withdrawn since 2 March 2026/,
    );
    const person = await as('aa').get(`/people/${w.people.frank.id}`);
    expect(person.statusCode).toBe(200);
    expect(person.body).toContain('Restricted: restricted duties since 2 March 2026');
    expect(person.body).toContain('Restricted: firearms authority withdrawn since 2 March 2026');
  });

  it('gives each restriction its own notice and review clocks', async () => {
    await frankRestrictedTwice();
    expect(await clocksByKind(sub('frank'))).toEqual([
      'firearms_authority_withdrawn restriction_notice #1 met',
      'firearms_authority_withdrawn restriction_review #1 running',
      'restricted_duties restriction_notice #1 met',
      'restricted_duties restriction_review #1 running',
    ]);
  });

  it('refuses a second of the same kind through the form with 400, writing nothing', async () => {
    await frankRestrictedTwice();
    const before = await restrictionSnapshot(t, false);
    const again = await as('aa').post(
      seriousBase(),
      { ...decisionForm('firearms_authority_withdrawn', '2026-03-02'), subjectId: sub('frank') },
      seriousBase(),
    );
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(
      'Firearms authority withdrawn is already in force for this subject in this case: review, change or lift that restriction instead',
    );
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('imposes both through the API, reads them back, and refuses a duplicate kind with 400, writing nothing', async () => {
    const [first, second] = await ginaRestrictedTwice();
    expect(first?.statusCode).toBe(201);
    expect(second?.statusCode).toBe(201);
    const read = await call('aa', 'GET', `/api/v1/cases/${w.serious.id}/restrictions`);
    const subject = read
      .json<{ subjects: { id: string; inForce: { kind: string }[]; current: { kind: string } | null }[] }>()
      .subjects.find((s) => s.id === sub('gina'));
    expect(subject?.inForce.map((r) => r.kind)).toEqual(['restricted_duties', 'firearms_authority_withdrawn']);
    expect(subject?.current?.kind).toBe('restricted_duties');
    const before = await restrictionSnapshot(t);
    const duplicate = await call('aa', 'POST', `/api/v1/cases/${w.serious.id}/restrictions`, {
      subjectId: sub('gina'),
      ...decisionBody('restricted_duties', '2026-03-02'),
    });
    expect(duplicate.statusCode).toBe(400);
    expect(fieldsOf(duplicate)['kind']).toBe(
      'Restricted duties is already in force for this subject in this case: review, change or lift that restriction instead',
    );
    expect(await restrictionSnapshot(t)).toBe(before);
  });

  it('refuses to change one restriction into the kind of another in force (API and form), writing nothing', async () => {
    await ginaRestrictedTwice();
    const [duties] = await restrictionRows(t, sub('gina'));
    const before = await restrictionSnapshot(t, false);
    const viaApi = await call('aa', 'POST', `/api/v1/restrictions/${duties?.id}/change`, {
      version: duties?.version,
      ...decisionBody('firearms_authority_withdrawn', '2026-03-02'),
    });
    expect(viaApi.statusCode).toBe(400);
    expect(fieldsOf(viaApi)['kind']).toContain('Firearms authority withdrawn is already in force');
    const viaForm = await as('aa').post(
      `${seriousBase()}/${duties?.id}/change`,
      { version: String(duties?.version), ...decisionForm('firearms_authority_withdrawn', '2026-03-02') },
      seriousBase(),
    );
    expect(viaForm.statusCode).toBe(400);
    expect(viaForm.body).toContain('Firearms authority withdrawn is already in force');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('reviews and lifts one restriction without touching the other’s clocks or status', async () => {
    await ginaRestrictedTwice();
    const [duties, firearms] = await restrictionRows(t, sub('gina'));
    const review = await call('aa', 'POST', `/api/v1/restrictions/${duties?.id}/reviews`, {
      version: duties?.version,
      reviewedOn: '2026-03-02',
      conditionsStillHold: true,
      reasons: 'The investigation continues.',
      officerInformed: true,
      representations: '',
    });
    expect(review.statusCode).toBe(200);
    expect(await clocksByKind(sub('gina'))).toEqual([
      'firearms_authority_withdrawn restriction_notice #1 met',
      'firearms_authority_withdrawn restriction_review #1 running',
      'restricted_duties restriction_notice #1 met',
      'restricted_duties restriction_review #1 met',
      'restricted_duties restriction_review #2 running',
    ]);
    const lift = await call('aa', 'POST', `/api/v1/restrictions/${firearms?.id}/lift`, {
      version: firearms?.version,
      decidedOn: '2026-03-02',
      endsOn: '2026-03-02',
      reasons: 'Firearms authority restored after the welfare assessment.',
    });
    expect(lift.statusCode).toBe(200);
    expect((await restrictionRows(t, sub('gina'))).map((r) => [r.kind, r.status])).toEqual([
      ['restricted_duties', 'in_force'],
      ['firearms_authority_withdrawn', 'lifted'],
    ]);
    expect(await clocksByKind(sub('gina'))).toEqual([
      'firearms_authority_withdrawn restriction_notice #1 met',
      'firearms_authority_withdrawn restriction_review #1 cancelled',
      'restricted_duties restriction_notice #1 met',
      'restricted_duties restriction_review #1 met',
      'restricted_duties restriction_review #2 running',
    ]);
    // The lifted kind may be imposed again later.
    const again = await call('aa', 'POST', `/api/v1/cases/${w.serious.id}/restrictions`, {
      subjectId: sub('gina'),
      ...decisionBody('firearms_authority_withdrawn', '2026-03-02'),
    });
    expect(again.statusCode).toBe(201);
  });

  it('refuses a second restriction to those who are not signed in, lack need-to-know or are in another force, changing nothing', async () => {
    // Alice (restricted case): restricted duties imposed by its opener.
    const first = await call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/restrictions`, {
      subjectId: sub('alice'),
      ...decisionBody('restricted_duties', '2026-03-02'),
    });
    expect(first.statusCode).toBe(201);
    const url = `/cases/${w.restricted.id}/restrictions`;
    const body = { subjectId: sub('alice'), ...decisionBody('firearms_authority_withdrawn', '2026-03-02') };
    const fields = { ...decisionForm('firearms_authority_withdrawn', '2026-03-02'), subjectId: sub('alice') };
    const before = await restrictionSnapshot(t, false);
    const anonymousPage = await new TestClient(t.app).get(`${url}/new?subject=${sub('alice')}`);
    expect(anonymousPage.statusCode).toBe(303);
    expect(anonymousPage.headers.location).toContain('/sign-in');
    expect((await call(null, 'POST', `/api/v1${url}`, body)).statusCode).toBe(401);
    for (const who of ['aaUnnamed', 'east'] as const) {
      expect((await as(who).get(`${url}/new?subject=${sub('alice')}`)).statusCode, who).toBe(404);
      expect((await as(who).post(url, fields, '/account')).statusCode, who).toBe(404);
      expect((await call(who, 'POST', `/api/v1${url}`, body)).statusCode, who).toBe(404);
    }
    expect(await restrictionSnapshot(t, false)).toBe(before);
    expect((await restrictionRows(t, sub('alice'))).map((r) => r.kind)).toEqual(['restricted_duties']);
  });
});
