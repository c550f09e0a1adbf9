import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestApp } from '../../../../test/support/test-app.ts';
import {
  caseWorldOn7December2026,
  openCaseThrough,
  toGrossMisconductCaseToAnswer,
} from '../../../../test/support/conduct-case-world.ts';
import type { AllegationActionInput } from '../allegation-action-input.ts';
import {
  allegationRows,
  as,
  principalOfWorld,
  type CaseWorld,
} from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { progressAllegation } from '../progress-allegation.ts';

/**
 * Letters to subject officers (issue 17): the notice of a hearing (Conduct Regs 2020 reg 30) for each officer
 * it hears, and the outcome letter with each finding, the sanction and the right of appeal; HTML and PDF kept
 * on the case, need-to-know as the case page. Today is 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
});

afterAll(async () => {
  await t?.close();
});

async function act(caseId: string, allegationId: string, occurredOn: string, action: AllegationActionInput) {
  const row = (await allegationRows(t, caseId)).find((a) => a.id === allegationId);
  if (!row) throw new Error('no allegation');
  await progressAllegation(
    t.deps,
    principalOfWorld(w, 'aa'),
    { caseId, allegationId, version: row.version, occurredOn, action },
    null,
  );
}

/** Erin and Frank, one hearing for both on 1 December 2026 (already sat). */
async function caseWithHearing(confidentiality: 'normal' | 'restricted' = 'normal') {
  const opened = await openCaseThrough(t, w, [w.people.erin.id, w.people.frank.id], toGrossMisconductCaseToAnswer, {
    cameToAttentionOn: '2026-03-02',
    confidentiality,
  });
  const ids = opened.allegations.map((a) => a.id);
  const made = await api(t.app, 'POST', `/api/v1/cases/${opened.caseId}/hearings`, w.tokens.aa, {
    form: 'hearing',
    heldOn: '2026-12-01',
    venue: 'Force headquarters, Court Room 2',
    inPublic: false,
    panel: [
      { role: 'chair', name: 'Chief Superintendent Hale' },
      { role: 'independent_member', name: 'Ms Priya Shah' },
    ],
    allegationIds: ids,
  });
  expect(made.statusCode).toBe(200);
  return { caseId: opened.caseId, hearingId: made.json<{ id: string }>().id, ids };
}

const count = async () =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from case_letters`))[0]?.n ?? -1;

describe('letters to the subject officers of a conduct case', () => {
  it('writes the hearing notice and the outcome letters, kept as HTML and PDF', async () => {
    const { caseId, hearingId, ids } = await caseWithHearing();
    // Nothing is found yet: no outcome letter can be written.
    const early = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens.aa, { kind: 'outcome' });
    expect(early.statusCode).toBe(422);

    const notice = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens.aa, {
      kind: 'hearing_notice',
      hearingId,
    });
    expect(notice.statusCode).toBe(200);
    const notices = notice.json<{ letters: { id: string }[] }>().letters;
    expect(notices).toHaveLength(2);
    const html = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${notices[0]?.id}`, w.tokens.aa);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Notice of misconduct hearing');
    expect(html.body).toContain('1 December 2026');
    expect(html.body).toContain('Force headquarters, Court Room 2');
    expect(html.body).toContain('It will be held in private.');
    expect(html.body).toContain('Chair: Chief Superintendent Hale');
    expect(html.body).toContain('Independent member: Ms Priya Shah');
    expect(html.body).toContain('regulation 30 of the Police (Conduct) Regulations 2020');
    expect(html.body).toMatch(/Dear Constable (Erin Eastwood|Frank Fairley)/);
    const pdf = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${notices[0]?.id}/pdf`, w.tokens.aa);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');

    // Erin: gross misconduct, dismissed. Frank: not proven.
    const [erin, frank] = ids;
    if (!erin || !frank) throw new Error('two allegations expected');
    for (const id of ids)
      await act(caseId, id, '2026-11-10', {
        type: 'schedule_hearing',
        date: '2026-12-01',
        inPublic: false,
        panel: '',
      } as unknown as AllegationActionInput);
    await act(caseId, erin, '2026-12-01', { type: 'record_finding', finding: 'gross_misconduct' });
    await act(caseId, erin, '2026-12-01', { type: 'record_sanction', sanction: 'dismissal_without_notice' });
    await act(caseId, frank, '2026-12-01', { type: 'record_finding', finding: 'not_proven' });

    // The page's button, without JavaScript.
    const aa = as(t, w, 'aa');
    const posted = await aa.post(`/cases/${caseId}/letters`, { kind: 'outcome' });
    expect(posted.statusCode).toBe(303);
    const page = await aa.get(`/cases/${caseId}/hearings`);
    expect(page.body).toContain('Outcome of the misconduct proceedings');
    expect(page.body).toContain('Notice of misconduct hearing on 1 December 2026');
    const outcomes = await t.database.query<{ id: string; html: string }>(
      `select l.id, l.html from case_letters l where l.case_id = $1 and l.kind = 'outcome' order by l.html`,
      [caseId],
    );
    expect(outcomes).toHaveLength(2);
    const erinLetter = outcomes.find((o) => o.html.includes('Erin Eastwood'))?.html ?? '';
    const frankLetter = outcomes.find((o) => o.html.includes('Frank Fairley'))?.html ?? '';
    expect(erinLetter).toContain('Finding: Gross misconduct.');
    expect(erinLetter).toContain('Disciplinary action: Dismissal without notice.');
    expect(erinLetter).toContain('Police Appeals Tribunal');
    expect(frankLetter).toContain('Finding: Not proven.');
    expect(frankLetter).toContain('there is no appeal');
    expect(frankLetter).not.toContain('Police Appeals Tribunal');
    const viewed = await aa.get(`/cases/${caseId}/letters/${outcomes[0]?.id}`);
    expect(viewed.statusCode).toBe(200);
    const audited = await t.database.query<{ event_type: string }>(
      `select event_type from audit_events where event_type in ('case.letter', 'case.letter_viewed')`,
    );
    expect(audited.filter((a) => a.event_type === 'case.letter')).toHaveLength(4);
    expect(audited.filter((a) => a.event_type === 'case.letter_viewed').length).toBeGreaterThanOrEqual(3);
  });

  it('refuses without need-to-know, from another force and signed out (404, nothing written), and a bad kind (400)', async () => {
    // Restricted: only the opener may see it (aaUnnamed has the ability but not the need to know).
    const { caseId, hearingId } = await caseWithHearing('restricted');
    const before = await count();
    const body = { kind: 'hearing_notice', hearingId };
    for (const who of ['aaUnnamed', 'east'] as const) {
      const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens[who], body);
      expect(res.statusCode).toBe(404);
      const page = await as(t, w, who).post(`/cases/${caseId}/letters`, body);
      expect(page.statusCode).toBe(404);
    }
    const signedOut = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, undefined, body);
    expect(signedOut.statusCode).toBe(401);
    const signedOutPage = await as(t, w, null).post(`/cases/${caseId}/letters`, body);
    expect(signedOutPage.statusCode).toBe(303);
    expect(signedOutPage.headers.location).toMatch(/^\/sign-in/);
    expect(await count()).toBe(before);

    const bad = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens.aa, { kind: 'threat' });
    expect(bad.statusCode).toBe(400);
    const noHearing = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens.aa, {
      kind: 'hearing_notice',
    });
    expect(noHearing.statusCode).toBe(400);
    expect(await count()).toBe(before);

    // A letter written on the case is not shown to those without need-to-know.
    const ok = await api(t.app, 'POST', `/api/v1/cases/${caseId}/letters`, w.tokens.aa, body);
    const id = ok.json<{ letters: { id: string }[] }>().letters[0]?.id;
    for (const who of ['aaUnnamed', 'east'] as const) {
      expect((await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${id}`, w.tokens[who])).statusCode).toBe(404);
      expect((await as(t, w, who).get(`/cases/${caseId}/letters/${id}/pdf`)).statusCode).toBe(404);
    }
  });
});
