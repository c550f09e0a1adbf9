import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import {
  allegationRows,
  as,
  buildCaseWorld,
  caseInput,
  dateFields,
  snapshot,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from './open-case.ts';
import { progressAllegation } from './progress-allegation.ts';

/**
 * Cases that can be corrected and grown (issue 17): correcting the details with a version check and the
 * reason on the audit record, a further allegation after opening (race and sex against the same
 * officer), and taking back a subject entered by mistake: removed when nothing was decided, otherwise
 * marked "recorded in error" with the reason.
 */

let t: TestApp;
let w: CaseWorld;
let tenCase: { id: string; reference: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCaseWorld(t);
  tenCase = await openCase(
    t.deps,
    w.aa,
    caseInput([w.people.erin.id, w.people.frank.id, w.people.gina.id], { cameToAttentionOn: '2025-06-02' }),
    null,
  );
});

afterAll(async () => {
  await t?.close();
});

const versionOf = async (id: string) =>
  (await t.database.query<{ version: number }>(`select version from cases where id = $1`, [id]))[0]?.version ?? 0;
const lastAudit = async (type: string) =>
  (
    await t.database.query<{ payload: Record<string, unknown> }>(
      `select payload from audit_events where event_type = $1 order by seq desc limit 1`,
      [type],
    )
  )[0]?.payload;
const subjectIds = async (caseId: string) =>
  (
    await t.database.query<{ id: string; given_name: string; in_error: string | null }>(
      `select s.id, p.given_name, s.recorded_in_error_on::text as in_error from case_subjects s join people p on p.id = s.person_id
        where s.case_id = $1 order by p.given_name`,
      [caseId],
    )
  ).map((r) => ({ id: r.id, name: r.given_name, inError: r.in_error }));

const detailsForm = async (overrides: Record<string, string> = {}) => ({
  version: String(await versionOf(tenCase.id)),
  source: 'public_complaint',
  caseType: 'conduct_matter',
  ...dateFields('cameToAttentionOn', '2025-06-03'),
  summary: 'Ten officers in one chat group shared discriminatory messages',
  reason: 'The date and source were entered wrongly',
  ...overrides,
});

describe('correcting and growing a case: who may', () => {
  it('sends a visitor who is not signed in to sign in, and the API answers 401, changing nothing', async () => {
    const before = await snapshot(t);
    for (const url of [`/cases/${tenCase.id}/correct`, `/cases/${tenCase.id}/allegations/new`]) {
      expect((await as(t, w, null).get(url)).statusCode).toBe(303);
      expect((await as(t, w, null).post(url, await detailsForm())).statusCode).toBe(303);
    }
    expect((await api(t.app, 'POST', `/api/v1/cases/${tenCase.id}/details`, undefined, {})).statusCode).toBe(401);
    expect(await snapshot(t)).toBe(before);
  });

  it('answers 404 to a user without need-to-know, of this force or another, and to a role that may not, changing nothing', async () => {
    const before = await snapshot(t, false);
    const [first] = await subjectIds(tenCase.id);
    for (const who of ['outsider', 'east', 'pcc'] as const) {
      expect((await as(t, w, who).get(`/cases/${tenCase.id}/correct`)).statusCode, who).toBe(404);
      expect((await as(t, w, who).post(`/cases/${tenCase.id}/correct`, await detailsForm())).statusCode, who).toBe(404);
      const remove = await as(t, w, who).post(`/cases/${tenCase.id}/subjects/${first?.id}/remove`, {
        version: String(await versionOf(tenCase.id)),
        reason: 'Wrong officer chosen',
      });
      expect(remove.statusCode, who).toBe(404);
      const res = await api(t.app, 'POST', `/api/v1/cases/${tenCase.id}/details`, w.tokens[who], {
        version: await versionOf(tenCase.id),
        source: 'other',
        caseType: 'conduct_matter',
        cameToAttentionOn: '2025-06-03',
        summary: 'Something else entirely here',
        reason: 'Because I can',
      });
      expect(res.statusCode, who).toBe(404);
    }
    // An investigator may correct details but not take a subject off: that is the appropriate authority's.
    expect((await as(t, w, 'investigator').get(`/cases/${w.normal.id}/subjects/${first?.id}/remove`)).statusCode).toBe(
      404,
    );
    expect(await snapshot(t, false)).toBe(before);
  });
});

describe('correcting the details', () => {
  it('offers the link on the case page and the form filled in with the case as it is', async () => {
    const page = await as(t, w, 'aa').get(`/cases/${tenCase.id}`);
    expect(page.body).toContain(`href="/cases/${tenCase.id}/correct"`);
    const form = await as(t, w, 'aa').get(`/cases/${tenCase.id}/correct`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="internal_report" checked');
    expect(form.body).toMatch(/name="cameToAttentionOn-day"[^>]*value="2"/);
  });

  it('saves the correction, moves the 12-month clock to the corrected date and audits the reason', async () => {
    const res = await as(t, w, 'aa').post(
      `/cases/${tenCase.id}/correct`,
      await detailsForm(),
      `/cases/${tenCase.id}/correct`,
    );
    expect(res.statusCode).toBe(303);
    const [row] = await t.database.query<{ source: string; came: string; summary: string }>(
      `select source, came_to_attention_on::text as came, summary from cases where id = $1`,
      [tenCase.id],
    );
    expect(row).toEqual({
      source: 'public_complaint',
      came: '2025-06-03',
      summary: 'Ten officers in one chat group shared discriminatory messages',
    });
    const clocks = await t.database.query<{ state: string; started: string }>(
      `select state, started_on::text as started from clocks where case_id = $1 and period = 'pcc_report_first' order by started_on`,
      [tenCase.id],
    );
    expect(clocks).toEqual([
      { state: 'cancelled', started: '2025-06-02' },
      { state: 'running', started: '2025-06-03' },
    ]);
    expect(await lastAudit('case.details_corrected')).toMatchObject({
      changed: ['source', 'date it came to attention', 'summary'],
      reason: 'The date and source were entered wrongly',
    });
  });

  it('refuses a stale edit with 409 and changes nothing', async () => {
    const before = await snapshot(t, false);
    const stale = await as(t, w, 'aa').post(
      `/cases/${tenCase.id}/correct`,
      await detailsForm({ version: '1', summary: 'A summary from an old copy of the page' }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed this record since you opened it');
    expect(await snapshot(t, false)).toBe(before);
  });

  it('answers bad input with 400 and messages in words, never 500', async () => {
    const before = await snapshot(t, false);
    const res = await as(t, w, 'aa').post(
      `/cases/${tenCase.id}/correct`,
      await detailsForm({ 'cameToAttentionOn-day': '31', 'cameToAttentionOn-month': '2', reason: '' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date the matter came to attention must be a real date');
    const api400 = await api(t.app, 'POST', `/api/v1/cases/${tenCase.id}/details`, w.tokens.aa, { version: 'x' });
    expect(api400.statusCode).toBe(400);
    const future = await as(t, w, 'aa').post(
      `/cases/${tenCase.id}/correct`,
      await detailsForm(dateFields('cameToAttentionOn', '2099-01-01')),
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('cannot be in the future');
    const noReason = await as(t, w, 'aa').post(`/cases/${tenCase.id}/correct`, await detailsForm({ reason: '' }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the details are being corrected');
    expect(await snapshot(t, false)).toBe(before);
  });
});

describe('adding an allegation after opening', () => {
  it('gives one subject a second allegation of another category, on its own track', async () => {
    const [erin] = await subjectIds(tenCase.id);
    const form = await as(t, w, 'investigator').get(`/cases/${w.normal.id}/allegations/new`);
    expect(form.statusCode).toBe(404); // not the investigator's case
    const res = await as(t, w, 'aa').post(`/cases/${tenCase.id}/allegations/new`, {
      version: String(await versionOf(tenCase.id)),
      subjectIds: [erin?.id ?? ''],
      categoryCode: 'discrimination.race',
      standards: ['equality_diversity'],
      description: 'Posted a racist meme about a colleague in the group.',
    });
    expect(res.statusCode).toBe(303);
    const rows = (await allegationRows(t, tenCase.id)).filter((r) => r.given_name === 'Erin');
    expect(rows).toHaveLength(2);
    const [cat] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from allegations where case_id = $1 and category_code = 'discrimination.race'`,
      [tenCase.id],
    );
    expect(cat?.n).toBe(1);
    expect(await lastAudit('case.allegation_added')).toMatchObject({ caseId: tenCase.id, subjectId: erin?.id });
  });

  it('answers a missing category, subject or standard with 400 in words, writing nothing', async () => {
    const before = await snapshot(t, false);
    const res = await as(t, w, 'aa').post(`/cases/${tenCase.id}/allegations/new`, {
      version: String(await versionOf(tenCase.id)),
      categoryCode: '',
      description: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose at least one subject');
    expect(res.body).toContain('Choose a category');
    expect(res.body).toContain('Choose at least one standard of professional behaviour');
    const api400 = await api(t.app, 'POST', `/api/v1/cases/${tenCase.id}/allegations`, w.tokens.aa, {
      version: await versionOf(tenCase.id),
      subjectIds: [w.normal.id],
      categoryCode: 'discrimination.race',
      standards: ['equality_diversity'],
      description: 'A subject of another case is not one of these.',
    });
    expect(api400.statusCode).toBe(400);
    expect(await snapshot(t, false)).toBe(before);
  });
});

describe('taking back a subject entered by mistake', () => {
  it('removes a subject with nothing decided, with their allegations', async () => {
    const subjects = await subjectIds(tenCase.id);
    const frank = subjects.find((s) => s.name === 'Frank');
    const page = await as(t, w, 'aa').get(`/cases/${tenCase.id}`);
    expect(page.body).toContain(`href="/cases/${tenCase.id}/subjects/${frank?.id}/remove"`);
    const res = await as(t, w, 'aa').post(`/cases/${tenCase.id}/subjects/${frank?.id}/remove`, {
      version: String(await versionOf(tenCase.id)),
      reason: 'Wrong officer chosen: collar number re-issued',
    });
    expect(res.statusCode).toBe(303);
    expect((await subjectIds(tenCase.id)).map((s) => s.name)).toEqual(['Erin', 'Gina']);
    expect((await allegationRows(t, tenCase.id)).some((r) => r.given_name === 'Frank')).toBe(false);
    expect(await lastAudit('case.subject_removed')).toMatchObject({ subjectId: frank?.id });
  });

  it('marks a subject with a decided allegation as recorded in error instead, keeping the decision', async () => {
    const gina = (await subjectIds(tenCase.id)).find((s) => s.name === 'Gina');
    const [allegation] = (await allegationRows(t, tenCase.id)).filter((r) => r.given_name === 'Gina');
    await progressAllegation(
      t.deps,
      w.aa,
      {
        caseId: tenCase.id,
        allegationId: allegation?.id ?? '',
        version: allegation?.version ?? 1,
        action: {
          type: 'assess_severity',
          severity: 'misconduct',
          rationale: 'Misconduct if proved.',
          finalWrittenWarningInForce: false,
        },
      },
      null,
    );
    const res = await api(t.app, 'POST', `/api/v1/cases/${tenCase.id}/subjects/${gina?.id}/remove`, w.tokens.aa, {
      version: await versionOf(tenCase.id),
      reason: 'She was on leave that month: entered by mistake',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'recorded_in_error' });
    expect((await subjectIds(tenCase.id)).find((s) => s.name === 'Gina')?.inError).toBeTruthy();
    expect((await allegationRows(t, tenCase.id)).find((r) => r.given_name === 'Gina')?.state).toBe(
      'assessed_misconduct',
    );
    const page = await as(t, w, 'aa').get(`/cases/${tenCase.id}`);
    expect(page.body).toContain('Recorded in error');
    expect(page.body).toContain('She was on leave that month: entered by mistake');
  });

  it('keeps at least one subject, and asks for a reason (400), changing nothing', async () => {
    const before = await snapshot(t, false);
    const erin = (await subjectIds(tenCase.id)).find((s) => s.name === 'Erin');
    const last = await as(t, w, 'aa').post(`/cases/${tenCase.id}/subjects/${erin?.id}/remove`, {
      version: String(await versionOf(tenCase.id)),
      reason: 'Wrong officer chosen',
    });
    expect(last.statusCode).toBe(422);
    expect(last.body).toContain('A case needs at least one subject');
    const noReason = await as(t, w, 'aa').post(`/cases/${tenCase.id}/subjects/${erin?.id}/remove`, {
      version: String(await versionOf(tenCase.id)),
      reason: '',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Say why the subject was entered by mistake');
    expect(await snapshot(t, false)).toBe(before);
  });
});
