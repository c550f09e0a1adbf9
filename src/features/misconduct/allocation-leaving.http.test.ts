import { describe, expect, it } from 'vitest';
import { as, dateFields, snapshot, type Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { t, w, useCaseActionsWorld } from '../../../test/fixtures/misconduct/case-actions.http-fixtures.ts';

/** The forms that allocate a case and record a subject leaving the force. */
useCaseActionsWorld();

describe('allocating a case', () => {
  it('names the lead investigator, who can then see the restricted case as one of theirs', async () => {
    expect((await as(t, w, 'lead').get(`/cases/${w.restricted.id}`)).statusCode).toBe(404);
    const [row] = await t.database.query<{ version: number }>(`select version from cases where id = $1`, [
      w.restricted.id,
    ]);
    const url = `/cases/${w.restricted.id}/allocation`;
    const res = await as(t, w, 'aa').post(
      url,
      { version: String(row?.version), leadInvestigatorId: w.accounts.lead.user.id },
      `/cases/${w.restricted.id}`,
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/cases/${w.restricted.id}`);
    expect((await as(t, w, 'lead').get(`/cases/${w.restricted.id}`)).statusCode).toBe(200);
    expect((await as(t, w, 'lead').get('/cases')).body).toContain(w.restricted.reference);
  });

  it('refuses someone who cannot investigate (400), a stale version (409), and changes nothing', async () => {
    const [row] = await t.database.query<{ version: number }>(`select version from cases where id = $1`, [w.normal.id]);
    const url = `/cases/${w.normal.id}/allocation`;
    const before = await snapshot(t, false);
    const bad = await as(t, w, 'aa').post(
      url,
      { version: String(row?.version), leadInvestigatorId: w.accounts.pcc.user.id },
      `/cases/${w.normal.id}`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose an active investigator of this force');
    expect(bad.body).toContain('href="#leadInvestigatorId"');
    const stale = await as(t, w, 'aa').post(url, {
      version: String((row?.version ?? 1) + 3),
      leadInvestigatorId: w.accounts.lead.user.id,
    });
    expect(stale.statusCode).toBe(409);
    expect(await snapshot(t, false)).toBe(before);
  });

  it('answers 404 without need-to-know or the allocate ability, sends visitors to sign in, and changes nothing', async () => {
    const before = await snapshot(t);
    const body = { version: '1', leadInvestigatorId: w.accounts.investigator.user.id };
    for (const [who, caseId] of [
      ['aaUnnamed', w.restricted.id],
      ['east', w.normal.id],
      ['pcc', w.normal.id],
      ['aaSubject', w.normal.id],
      ['investigator', w.normal.id],
    ] as [Who, string][]) {
      expect((await as(t, w, who).post(`/cases/${caseId}/allocation`, body)).statusCode, who).toBe(404);
    }
    const anon = await as(t, w, null).post(`/cases/${w.normal.id}/allocation`, body);
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toMatch(/^\/sign-in/);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('a subject leaving the force', () => {
  const leftUrl = (subjectId: string) => `/cases/${w.normal.id}/subjects/${subjectId}/left`;
  const carolSubject = async () => {
    const [row] = await t.database.query<{ id: string; version: number }>(
      `select id, version from case_subjects where case_id = $1 and person_id = $2`,
      [w.normal.id, w.people.carol.id],
    );
    if (!row) throw new Error('no subject');
    return row;
  };

  it('names each field in error and writes nothing', async () => {
    const s = await carolSubject();
    const before = await snapshot(t, false);
    const res = await as(t, w, 'aa').post(
      leftUrl(s.id),
      { version: String(s.version), ...dateFields('leftOn', '2026-02-30') },
      `/cases/${w.normal.id}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date they left must be a real date');
    expect(res.body).toContain('Choose how they left');
    expect(res.body).toContain(`href="#left-${s.id}-leftOn-day"`);
    expect(res.body).toContain(`href="#left-${s.id}-how"`);
    expect(await snapshot(t, false)).toBe(before);
  });

  it('answers 404 without need-to-know or the decide ability, sends visitors to sign in, and changes nothing', async () => {
    const s = await carolSubject();
    const body = { version: String(s.version), ...dateFields('leftOn', '2026-01-31'), how: 'resigned' };
    const before = await snapshot(t);
    for (const who of ['aaSubject', 'east', 'pcc', 'outsider', 'lead'] as Who[]) {
      expect((await as(t, w, who).post(leftUrl(s.id), body)).statusCode, who).toBe(404);
    }
    expect((await as(t, w, null).post(leftUrl(s.id), body)).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });

  it('records the resignation, creates the advisory list return and shows it as a document', async () => {
    const s = await carolSubject();
    const stale = await as(t, w, 'aa').post(leftUrl(s.id), {
      version: String(s.version + 1),
      ...dateFields('leftOn', '2026-01-31'),
      how: 'resigned',
    });
    expect(stale.statusCode).toBe(409);
    const res = await as(t, w, 'aa').post(
      leftUrl(s.id),
      { version: String(s.version), ...dateFields('leftOn', '2026-01-31'), how: 'resigned' },
      `/cases/${w.normal.id}`,
    );
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{ left_on: string }>(`select left_on::text from case_subjects where id = $1`, [
      s.id,
    ]);
    expect(row?.left_on).toBe('2026-01-31');
    const page = (await as(t, w, 'aa').get(`/cases/${w.normal.id}`)).body;
    expect(page).toContain('Police Advisory List return: Carol Calder');
    expect(page).toContain('Standards of Professional Behaviour breached');
    expect(page).toContain('Authority, respect and courtesy, Discreditable conduct');
    expect(page).toContain('Report to the College of Policing for the advisory list');
    expect(page).toContain('Left the force');
    expect(page).not.toContain('Record that Carol Calder left the force');
    const again = await as(t, w, 'aa').post(leftUrl(s.id), {
      version: String(s.version + 1),
      ...dateFields('leftOn', '2026-02-01'),
      how: 'retired',
    });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('already recorded as having left on 2026-01-31');
  });
});
