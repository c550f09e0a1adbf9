import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOversightWorld, type OversightWorld, type Who } from '../../../test/fixtures/oversight/world.ts';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';

let t: TestApp;
let w: OversightWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-02-15T10:00:00Z'));
  w = await buildOversightWorld(t);
  // W3 (case C5) is referred to a public hearing on 10 March 2026; W7 (case C9) to a hearing in private.
  const hearing = async (subject: string, date: string, inPublic: boolean) => {
    const id = w.allegationIds[subject];
    await t.database.query(
      `update allegations set facts = jsonb_set(facts, '{track,form}', '"hearing"') where id = $1`,
      [id],
    );
    await t.database.query(
      `insert into allegation_events (force_id, case_id, allegation_id, action, from_state, to_state, details, occurred_on)
       select force_id, case_id, id, 'schedule_hearing', 'case_to_answer_gross_misconduct', 'hearing_scheduled', $2::jsonb, '2026-01-20' from allegations where id = $1`,
      [id, JSON.stringify({ date, inPublic, panel: '' })],
    );
  };
  await hearing('W3', '2026-03-10', true);
  await hearing('W7', '2026-03-12', false);
  await hearing('B1', '2025-08-01', true);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) =>
  who ? new TestClient(t.app).setCookie('probity_session', w.cookies[who]) : new TestClient(t.app);
const post = (who: Who | null, url: string, body: Record<string, string>) =>
  as(who).post(url, body, { formPage: who ? '/oversight' : '/sign-in' });
const reference = async (key: string) =>
  (await t.database.query<{ reference: string }>(`select reference from cases where id = $1`, [w.caseIds[key]]))[0]
    ?.reference ?? '';
const state = async () =>
  JSON.stringify([
    await t.database.query(`select id, status, version, outcome from hearing_publications order by id`),
    await t.database.query(`select count(*)::int as n from audit_events`),
  ]);
const publicPage = async (query = '') => (await as(null).get(`/public/west${query}`)).body;

function notice(subject: string, caseKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    caseId: w.caseIds[caseKey] ?? '',
    allegationId: w.allegationIds[subject] ?? '',
    officerName: 'Police Constable A',
    officerRank: '',
    'hearingOn-day': '10',
    'hearingOn-month': '3',
    'hearingOn-year': '2026',
    venue: 'Westshire Police Headquarters, Hearing Room 2',
    allegationSummary: 'It is alleged that the officer harassed a colleague.',
    ...extra,
  };
}

describe('public hearing notices (the appropriate authority)', () => {
  it('sends visitors to sign in and refuses users without the ability, changing nothing', async () => {
    const before = await state();
    for (const url of ['/publications', '/publications/new', '/publications/6b1f9a56-5f2d-4a57-9d7e-2c1d1f1a0000']) {
      expect((await as(null).get(url)).statusCode).toBe(303);
      expect((await as('pcc').get(url)).statusCode).toBe(404);
    }
    expect((await post(null, '/publications', notice('W3', 'C5'))).statusCode).toBe(303);
    expect((await post('pcc', '/publications', notice('W3', 'C5'))).statusCode).toBe(404);
    expect((await post('chief', '/publications', notice('W3', 'C5'))).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });

  it('refuses changes to a notice to visitors, to users without the ability and to another force', async () => {
    const before = await state();
    const [row] = await t.database.query<{ id: string }>(
      `insert into hearing_publications (force_id, case_id, subject_id, allegation_id, form, officer_name, hearing_on, venue, allegation_summary, created_by)
       select force_id, case_id, subject_id, id, 'hearing', 'Scene setter', '2026-03-10', 'Room 1', 'A notice made for this test only', $2 from allegations where id = $1 returning id`,
      [w.allegationIds['B1'], w.accounts.aa.user.id],
    );
    const seeded = await state();
    for (const action of ['publish', 'outcome', 'withdraw']) {
      const body = {
        version: '1',
        reason: 'Because',
        outcome: 'Misconduct proven.',
        'outcomeOn-day': '1',
        'outcomeOn-month': '2',
        'outcomeOn-year': '2026',
      };
      expect((await post(null, `/publications/${row?.id}/${action}`, body)).statusCode).toBe(303);
      expect((await post('pcc', `/publications/${row?.id}/${action}`, body)).statusCode).toBe(404);
      expect((await post('eastAa', `/publications/${row?.id}/${action}`, body)).statusCode).toBe(404);
    }
    expect((await as('eastAa').get(`/publications/${row?.id}`)).statusCode).toBe(404);
    expect((await as('aa').get('/publications/not-a-uuid')).statusCode).toBe(404);
    expect(await state()).toBe(seeded);
    await t.database.query(`delete from hearing_publications where id = $1`, [row?.id]);
    expect(await state()).toBe(before);
  });

  it('finds a case’s hearings and refuses what cannot be published, in words, writing nothing', async () => {
    const before = await state();
    const missing = await as('aa').get('/publications/new?case=WEST-1999-0001');
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('No case you can see has that reference');
    expect((await as('aa').get(`/publications/new?case=${await reference('C7')}`)).statusCode).toBe(400); // restricted, not named
    const hearings = await as('aa').get(`/publications/new?case=${await reference('C9')}`);
    expect(hearings.body).toContain('W7 Testperson: Misconduct hearing on 12 March 2026');
    expect(hearings.body).toContain('held in private: it cannot be published');
    const privateOne = await post('aa', '/publications', notice('W7', 'C9'));
    expect(privateOne.statusCode).toBe(400);
    expect(privateOne.body).toContain('This hearing is held in private: it cannot be published');
    const empty = await post(
      'aa',
      '/publications',
      notice('W3', 'C5', {
        officerName: '',
        venue: '',
        allegationSummary: 'short',
        'hearingOn-day': '31',
        'hearingOn-month': '2',
      }),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('The date of the hearing must be a real date');
    const noName = await post(
      'aa',
      '/publications',
      notice('W3', 'C5', { officerName: '', venue: '', allegationSummary: 'short' }),
    );
    for (const m of [
      'Enter the name to publish',
      'Enter where the hearing is held',
      'Summarise the allegation as it will be published',
    ])
      expect(noName.body).toContain(m);
    expect((await post('aa', '/publications', notice('W3', 'C7'))).statusCode).toBe(404);
    expect(await state()).toBe(before);
  });

  it('publishes nothing until published; then the notice and later its outcome, as the force worded them', async () => {
    const form = await as('aa').get(`/publications/new?case=${await reference('C5')}&hearing=${w.allegationIds['W3']}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="W3 Testperson"');
    expect(form.body).toContain('value="Constable"');
    expect(form.body).toMatch(/name="hearingOn-day" type="text" value="10"/);
    const created = await post('aa', '/publications', notice('W3', 'C5'));
    expect(created.statusCode).toBe(303);
    const url = created.headers.location?.split('?')[0] ?? '';
    expect((await as('aa').get(url)).body).toContain('Draft');
    expect(await publicPage()).not.toContain('Police Constable A');
    expect((await post('aa', '/publications', notice('W3', 'C5'))).body).toContain(
      'A notice of this hearing already exists',
    );

    expect((await post('aa', `${url}/publish`, { version: '9' })).statusCode).toBe(409);
    expect((await post('pcc', `${url}/publish`, { version: '1' })).statusCode).toBe(404);
    expect((await post('aa', `${url}/publish`, { version: '1' })).statusCode).toBe(303);
    const page = await publicPage();
    expect(page).toContain('Hearings to come');
    expect(page).toContain('Police Constable A');
    expect(page).toContain('Westshire Police Headquarters, Hearing Room 2');
    expect(page).toContain('It is alleged that the officer harassed a colleague.');
    expect(page).not.toContain('W3 Testperson'); // only the force's wording
    expect((await post('aa', `${url}/publish`, { version: '2' })).statusCode).toBe(422);

    // A past hearing: drafted with its outcome, public only once published.
    const past = await post(
      'aa',
      '/publications',
      notice('B1', 'C2', {
        officerName: 'PC Example',
        'hearingOn-day': '1',
        'hearingOn-month': '8',
        'hearingOn-year': '2025',
        allegationSummary: 'Discriminatory remarks to a member of the public.',
      }),
    );
    const pastUrl = past.headers.location?.split('?')[0] ?? '';
    const outcome = {
      version: '1',
      outcome: 'Gross misconduct proven. Dismissed without notice.',
      'outcomeOn-day': '1',
      'outcomeOn-month': '9',
      'outcomeOn-year': '2025',
    };
    const bad = await post('aa', `${pastUrl}/outcome`, { ...outcome, outcome: 'short', 'outcomeOn-year': '2027' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the outcome as it will be published');
    expect((await post('aa', `${pastUrl}/outcome`, outcome)).statusCode).toBe(303);
    expect(await publicPage()).not.toContain('PC Example');
    expect((await post('aa', `${pastUrl}/publish`, { version: '2' })).statusCode).toBe(303);
    const withOutcome = await publicPage();
    expect(withOutcome).toContain('Gross misconduct proven. Dismissed without notice. (1 September 2025)');

    const list = await as('aa').get('/publications');
    expect(list.body).toContain('Police Constable A');
    expect(list.body).toContain(await reference('C2'));
    const events = await t.database.query<{ event_type: string }>(
      `select event_type from audit_events where event_type like 'oversight.publication%' order by seq`,
    );
    expect(events.map((e) => e.event_type)).toEqual([
      'oversight.publication_created',
      'oversight.publication_published',
      'oversight.publication_created',
      'oversight.publication_outcome',
      'oversight.publication_published',
    ]);

    expect((await post('aa', `${url}/withdraw`, { version: '2', reason: '' })).statusCode).toBe(400);
    expect(
      (await post('aa', `${url}/withdraw`, { version: '2', reason: 'The chair directed a private hearing' }))
        .statusCode,
    ).toBe(303);
    const after = await publicPage();
    expect(after).not.toContain('Police Constable A');
    expect(after).toContain('PC Example');
  });
});

describe('the public page', () => {
  it('needs no sign-in, and shows the open data with the commissioner’s suppression', async () => {
    const res = await as(null).get('/public/west?fy=2025');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Westshire Police');
    expect(res.body).toContain('Figures for 2025/26');
    expect(res.body).toMatch(/<svg[^>]*role="img"/);
    const pcc = await as('pcc').get('/oversight/tables/cases-by-type.csv?fy=2025');
    const open = await as(null).get('/public/west/tables/cases-by-type.csv?fy=2025');
    expect(open.statusCode).toBe(200);
    expect(open.body).toBe(pcc.body);
    expect(open.body).toBe(
      'Type of case,Cases\r\nConduct matter,5\r\nRecordable conduct matter,[c]\r\nComplaint (special procedures),[c]\r\nAll cases,7\r\n',
    );
    expect(res.body).not.toContain('Vetting'); // the integrity sections are not published
    expect((await as(null).get('/public/west')).body).toContain('Figures for 2024/25'); // the last complete year
  });

  it('refuses an unknown force and a bad period', async () => {
    expect((await as(null).get('/public/nowhere')).statusCode).toBe(404);
    expect((await as(null).get('/public/NOT%20A%20FORCE')).statusCode).toBe(404);
    const bad = await as(null).get('/public/west?fy=2031');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a financial year up to 2025/26');
    expect((await as(null).get('/public/west/tables/cases-by-type.pdf')).statusCode).toBe(404);
    expect((await as(null).get('/public/west/tables/cases-by-type.csv?fy=2031')).statusCode).toBe(400);
    expect((await as(null).get('/public/nowhere/tables/cases-by-type.csv')).statusCode).toBe(404);
    expect((await as(null).get('/public/east?fy=2025')).body).not.toContain('Police Constable A');
  });
});
