import { describe, expect, it } from 'vitest';
import {
  BARRED_CSV,
  callApi,
  dateFields,
  uploadForm,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import {
  t,
  w,
  useRecruitmentWorld,
  officer,
  detail,
  apply,
  recordAllChecks,
  decisionForm,
} from '../../../../test/fixtures/vetting/recruitment.http-fixtures.ts';

/** The recruitment journey through the pages, for an applicant on the national barred list: they are caught, and nothing can be decided until a person has decided the match. */
useRecruitmentWorld();

describe('an applicant on the barred list', () => {
  // Jess Quarington's application, made by the first test (or by whichever test runs first on its own), then
  // with every check recorded: each test that follows her asks for the stage it starts from.
  let applied: Promise<string> | undefined;
  let checked: Promise<string> | undefined;
  const jess = () =>
    (applied ??= apply({
      givenName: 'Jess',
      familyName: 'Quarington',
      formerNumbers: 'PC 4521',
      ...dateFields('dateOfBirth', '1988-04-07'),
    }));
  const jessWithChecks = () =>
    (checked ??= jess().then(async (id) => {
      await recordAllChecks(id);
      return id;
    }));

  it('is caught when the application is made: a likely match waits for a human', async () => {
    const id = await jess();
    const d = await detail(id);
    expect(d.matches).toHaveLength(1);
    expect(d.matches[0]).toMatchObject({
      decision: 'pending',
      reasons: [
        'Family name is similar: quarington and quarrington',
        'Given name is similar (jess and jessamy)',
        'Date of birth matches',
        'Former number PC 4521 matches',
      ],
    });
    const view = await officer().get(`/vetting/applications/${id}`);
    expect(view.body).toContain('Possible matches on the barred or advisory list must each be decided by you');
    expect(view.body).toContain('Police Barred List: Jessamy Quarrington');
    expect((await officer().get('/vetting/applications')).body).toContain('Possible list match');
  });

  it('cannot be decided at all until the match is decided, and nothing is written', async () => {
    const id = await jessWithChecks();
    const form = await officer().get(decisionForm(id));
    expect(form.body).toContain('1 possible barred or advisory list match is waiting for your decision');
    const before = await vettingSnapshot(t);
    const res = await officer().post(
      decisionForm(id),
      {
        version: String((await detail(id)).version),
        outcome: 'refuse',
        rationale: 'The applicant is on the Police Barred List',
        reasonsForApplicant: 'You are on the Police Barred List',
      },
      decisionForm(id),
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Decide the possible barred or advisory list match before deciding the application');
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('once a person confirms the match, cannot be granted, and is refused', async () => {
    const id = await jessWithChecks();
    const [match] = (await detail(id)).matches;
    const noNote = await officer().post(
      `/vetting/applications/${id}/matches/${match?.id}`,
      { decision: 'confirmed_match', note: '' },
      `/vetting/applications/${id}`,
    );
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('Say how you decided (at least 10 characters)');
    const confirmed = await officer().post(
      `/vetting/applications/${id}/matches/${match?.id}`,
      { decision: 'confirmed_match', note: 'Same person: confirmed with Northmarsh PSD by telephone' },
      `/vetting/applications/${id}`,
    );
    expect(confirmed.statusCode).toBe(303);
    expect((await detail(id)).matches[0]?.decision).toBe('confirmed_match');
    const version = String((await detail(id)).version);
    const grant = await officer().post(
      decisionForm(id),
      { version, outcome: 'grant', rationale: 'Trying to grant despite the list entry' },
      decisionForm(id),
    );
    expect(grant.statusCode).toBe(422);
    expect(grant.body).toContain(
      'The applicant is confirmed as on the Police Barred List: clearance cannot be granted',
    );
    const refuse = await officer().post(
      decisionForm(id),
      {
        version,
        outcome: 'refuse',
        rationale: 'The applicant is on the Police Barred List',
        reasonsForApplicant: 'You are on the Police Barred List',
      },
      decisionForm(id),
    );
    expect(refuse.statusCode).toBe(303);
    const d = await detail(id);
    expect(d.status).toBe('refused');
    const record = await officer().get(
      `/vetting/decisions/${(await callApi(t, w, 'vetting', 'GET', `/api/v1/vetting/applications/${id}`)).json<{ decisions: { id: string }[] }>().decisions[0]?.id}`,
    );
    expect(record.body).toContain('Confirmed match: Same person: confirmed with Northmarsh PSD by telephone');
  });

  it('a namesake who is not the listed person is cleared by a human, never by the software', async () => {
    const namesake = await apply({
      givenName: 'Jessamy',
      familyName: 'Quarrington',
      ...dateFields('dateOfBirth', '1988-07-04'),
    });
    const [match] = (await detail(namesake)).matches;
    expect(match?.reasons).toContain('Date of birth matches with day and month transposed');
    await officer().post(
      `/vetting/applications/${namesake}/matches/${match?.id}`,
      { decision: 'not_a_match', note: 'Different person: birth certificate and NI number differ' },
      `/vetting/applications/${namesake}`,
    );
    await recordAllChecks(namesake);
    const res = await officer().post(
      decisionForm(namesake),
      {
        version: String((await detail(namesake)).version),
        outcome: 'grant',
        rationale: 'All checks clear; the list match was not this applicant',
      },
      decisionForm(namesake),
    );
    expect(res.statusCode).toBe(303);
    expect((await detail(namesake)).status).toBe('granted');
  });

  it('a confirmed match stops blocking once a later national file no longer lists the person', async () => {
    const listed = await apply({
      givenName: 'Barnaby',
      familyName: 'Thistlewood',
      ...dateFields('dateOfBirth', '1979-11-30'),
    });
    const [match] = (await detail(listed)).matches;
    await officer().post(
      `/vetting/applications/${listed}/matches/${match?.id}`,
      { decision: 'confirmed_match', note: 'Same person: confirmed with Southfen PSD by telephone' },
      `/vetting/applications/${listed}`,
    );
    await recordAllChecks(listed);
    const grant = () =>
      detail(listed).then(({ version }) =>
        officer().post(
          decisionForm(listed),
          { version: String(version), outcome: 'grant', rationale: 'Taken off the barred list on review' },
          decisionForm(listed),
        ),
      );
    expect((await grant()).statusCode).toBe(422);
    // The next national file no longer has PBL-0002: the entry is taken off the list, kept and marked.
    const without = BARRED_CSV.split('\n')
      .filter((line) => !line.startsWith('PBL-0002,'))
      .join('\n');
    const imported = await uploadForm(
      t,
      w.cookies.vetting,
      '/vetting/lists/import',
      { list: 'barred' },
      { name: 'barred.csv', type: 'text/csv', content: without },
      '/vetting/lists/import',
    );
    expect(imported.headers.location).toBe('/vetting/lists?imported=2-0-0-2-1-0');
    const [entry] = await t.database.query<{ removed_on: string | null }>(
      `select removed_on::text from list_entries where source_key = 'national:barred:PBL-0002'`,
    );
    expect(entry?.removed_on).toBe('2026-03-16');
    const lists = await officer().get('/vetting/lists?q=Thistlewood');
    expect(lists.body).toContain('Taken off the list 16 March 2026');
    expect((await grant()).statusCode).toBe(303);
    expect((await detail(listed)).status).toBe('granted');
    // A removed entry is matched no more: a new applicant of the same name and birth date raises nothing.
    const again = await apply({
      givenName: 'Barnaby',
      familyName: 'Thistlewood',
      ...dateFields('dateOfBirth', '1979-11-30'),
    });
    expect((await detail(again)).matches).toEqual([]);
    // Listed again in a later file: the entry is back on the list, the same row.
    const back = await uploadForm(
      t,
      w.cookies.vetting,
      '/vetting/lists/import',
      { list: 'barred' },
      { name: 'barred.csv', type: 'text/csv', content: BARRED_CSV },
      '/vetting/lists/import',
    );
    expect(back.headers.location).toBe('/vetting/lists?imported=3-0-0-3-0-1');
    expect(
      await t.database.query(`select removed_on from list_entries where source_key = 'national:barred:PBL-0002'`),
    ).toEqual([{ removed_on: null }]);
  });
});
