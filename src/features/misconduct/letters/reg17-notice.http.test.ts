import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestApp } from '../../../../test/support/test-app.ts';
import { caseWorldOn7December2026, openCaseThrough, type Step } from '../../../../test/support/conduct-case-world.ts';
import {
  allegationRows,
  as,
  dateFields,
  principalOfWorld,
  type CaseWorld,
} from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { progressAllegation } from '../progress-allegation.ts';

/**
 * The regulation 17 notice as a document (Police (Conduct) Regulations 2020 reg 17; legal review 2026): written
 * from the case to one subject officer, with how it was given, the day it is treated as served (e-mail from
 * SI 2025/558 reg 8) and the last day for representations by the reg 18 clock's rule; HTML and PDF kept with the
 * case's letters. Today is Monday 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;
beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
});
afterAll(async () => {
  await t?.close();
});

const underInvestigation: Step[] = [
  [
    {
      type: 'assess_severity',
      severity: 'gross_misconduct',
      rationale: 'If proved this would justify dismissal.',
      finalWrittenWarningInForce: false,
      multipleUnconnectedIncidents: false,
    },
    '2026-03-03',
  ],
  [{ type: 'start_investigation', plan: '' }, '2026-03-04'],
];

const count = async () =>
  (await t.database.query<{ n: number }>(`select count(*)::int as n from case_letters where kind = 'reg17_notice'`))[0]
    ?.n ?? -1;
const audits = async (type: string) =>
  (
    await t.database.query<{ n: number }>(`select count(*)::int as n from audit_events where event_type = $1`, [type])
  )[0]?.n ?? -1;

async function caseOf(confidentiality: 'normal' | 'restricted' = 'normal') {
  const opened = await openCaseThrough(t, w, [w.people.erin.id], underInvestigation, {
    cameToAttentionOn: '2026-03-02',
    confidentiality,
  });
  const subjectId = (
    await t.database.query<{ id: string }>(`select id from case_subjects where case_id = $1`, [opened.caseId])
  )[0]?.id;
  if (!subjectId) throw new Error('no subject');
  return { caseId: opened.caseId, subjectId };
}

describe('the regulation 17 notice (Conduct Regs 2020 reg 17)', () => {
  it('is written by e-mail service with its deemed service date and the reg 18 due date, kept as HTML and PDF', async () => {
    const { caseId, subjectId } = await caseOf();
    const before = await audits('case.letter_viewed');
    // Sent by e-mail on Thursday 3 December 2026: served Friday 4 December; 10 working days → Friday 18 December.
    const res = await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens.aa, {
      subjectId,
      method: 'email',
      givenOn: '2026-12-03',
    });
    expect(res.statusCode).toBe(200);
    const made = res.json<{ id: string; deemedServedOn: string; representationsDueOn: string }>();
    expect(made.deemedServedOn).toBe('2026-12-04');
    expect(made.representationsDueOn).toBe('2026-12-18');
    const html = await api(t.app, 'GET', `/api/v1/cases/${caseId}/letters/${made.id}`, w.tokens.aa);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Notice of investigation (regulation 17)');
    expect(html.body).toContain('Dear Constable Erin Eastwood');
    expect(html.body).toContain('Sent by e-mail on 3 December 2026.');
    expect(html.body).toContain('treated as served on 4 December 2026');
    expect(html.body).toContain('send them to the investigator by 18 December 2026');
    expect(html.body).toContain('would amount to gross misconduct');
    expect(html.body).toContain('would be likely to be a misconduct hearing');
    const pdf = await as(t, w, 'aa').get(`/cases/${caseId}/letters/${made.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // Listed with the case's letters, with the served and due dates.
    const page = await as(t, w, 'aa').get(`/cases/${caseId}/hearings`);
    expect(page.body).toContain('Regulation 17 notice, treated as served on 4 December 2026');
    expect(page.body).toContain('served 4 December 2026, representations due by 18 December 2026');
    // Generation and each read audited.
    const row = await t.database.query<{ payload: { deemedServedOn: string; method: string } }>(
      `select payload from audit_events where event_type = 'case.reg17_notice' and payload->>'letterId' = $1`,
      [made.id],
    );
    expect(row[0]?.payload).toMatchObject({ method: 'email', deemedServedOn: '2026-12-04' });
    expect(await audits('case.letter_viewed')).toBe(before + 2);
  });

  it('agrees with the served date recorded on the allegation, which starts the representations clock', async () => {
    const { caseId, subjectId } = await caseOf();
    const [a] = await allegationRows(t, caseId);
    if (!a) throw new Error('no allegation');
    await progressAllegation(
      t.deps,
      principalOfWorld(w, 'aa'),
      {
        caseId,
        allegationId: a.id,
        version: a.version,
        action: { type: 'serve_reg17_notice', servedOn: '2026-12-04' },
      },
      null,
    );
    const clock = await t.database.query<{ due_on: string }>(
      `select due_on::text from clocks where allegation_id = $1 and period = 'reg18_representations'`,
      [a.id],
    );
    const before = await count();
    // Recorded delivery posted Thursday 3 December is served Monday 7 December: not the day recorded.
    const other = await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens.aa, {
      subjectId,
      method: 'recorded_delivery',
      givenOn: '2026-12-03',
    });
    expect(other.statusCode).toBe(422);
    expect(other.json<{ error: { message: string } }>().error.message).toContain(
      'recorded as served on 4 December 2026',
    );
    expect(await count()).toBe(before);
    const same = await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens.aa, {
      subjectId,
      method: 'email',
      givenOn: '2026-12-03',
    });
    expect(same.statusCode).toBe(200);
    expect(same.json<{ representationsDueOn: string }>().representationsDueOn).toBe(clock[0]?.due_on);
  });

  it('is written from the page without JavaScript, and bad input gets 400 with nothing written', async () => {
    const { caseId, subjectId } = await caseOf();
    const aa = as(t, w, 'aa');
    const form = await aa.get(`/cases/${caseId}/reg17-notice`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Sent by e-mail');
    expect(form.body).toContain('Erin Eastwood');
    const before = await count();
    const noDate = await aa.post(`/cases/${caseId}/reg17-notice`, { subjectId, method: 'email' });
    expect(noDate.statusCode).toBe(400);
    const future = await aa.post(`/cases/${caseId}/reg17-notice`, {
      subjectId,
      method: 'in_person',
      ...dateFields('givenOn', '2026-12-08'),
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date cannot be in the future');
    const pigeon = await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens.aa, {
      subjectId,
      method: 'pigeon',
      givenOn: '2026-12-03',
    });
    expect(pigeon.statusCode).toBe(400);
    const early = await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens.aa, {
      subjectId,
      method: 'email',
      givenOn: '2025-05-27',
    });
    expect(early.statusCode).toBe(400);
    const stranger = await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens.aa, {
      subjectId: w.people.erin.id,
      method: 'email',
      givenOn: '2026-12-03',
    });
    expect(stranger.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const ok = await aa.post(`/cases/${caseId}/reg17-notice`, {
      subjectId,
      method: 'in_person',
      ...dateFields('givenOn', '2026-12-07'),
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/cases/${caseId}/hearings#letters`);
    expect(await count()).toBe(before + 1);
  });

  it('refuses without need-to-know, from another force and signed out (404 / sign-in, nothing written)', async () => {
    const { caseId, subjectId } = await caseOf('restricted');
    const before = await count();
    const body = { subjectId, method: 'email', givenOn: '2026-12-03' };
    for (const who of ['aaUnnamed', 'east'] as const) {
      expect((await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, w.tokens[who], body)).statusCode).toBe(
        404,
      );
      const client = as(t, w, who);
      expect((await client.get(`/cases/${caseId}/reg17-notice`)).statusCode).toBe(404);
      const page = await client.post(`/cases/${caseId}/reg17-notice`, {
        subjectId,
        method: 'email',
        ...dateFields('givenOn', '2026-12-03'),
      });
      expect(page.statusCode).toBe(404);
    }
    expect((await api(t.app, 'POST', `/api/v1/cases/${caseId}/reg17-notices`, undefined, body)).statusCode).toBe(401);
    const signedOut = await as(t, w, null).post(`/cases/${caseId}/reg17-notice`, body);
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toMatch(/^\/sign-in/);
    expect(await count()).toBe(before);
  });
});
