import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import { caseWorldOn7December2026, takeSteps, type Step } from '../../../test/support/conduct-case-world.ts';
import { createPerson } from '../../../test/support/factories.ts';
import {
  allegationRows,
  as,
  caseInput,
  dateFields,
  principalOfWorld,
  snapshot,
  type CaseWorld,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from './open-case.ts';

/**
 * The 2025 transitional provisions as a user meets them (SI 2025/558 reg 64), on the API and the page.
 * Today is Monday 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
});

afterAll(async () => {
  await t?.close();
});

const regimeOf = async (caseId: string) =>
  (await t.database.query<{ regime_version: string }>(`select regime_version from cases where id = $1`, [caseId]))[0]
    ?.regime_version;

describe('which regulations govern a matter', () => {
  it('keeps the 2024 rules for a July 2025 allegation connected to a March 2025 matter, and says why on the case page and in the audit (SI 2025/558 reg 64(1))', async () => {
    const res = await api(t.app, 'POST', '/api/v1/cases', w.tokens.aa, {
      ...caseInput([w.people.alice.id], { cameToAttentionOn: '2025-07-01' }),
      connectedToEarlierMatter: { cameToAttentionOn: '2025-03-01', reason: 'Further messages in the same chat group' },
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json<{ id: string }>();
    expect(await regimeOf(id)).toBe('2020+2024');
    const page = await as(t, w, 'aa').get(`/cases/${id}`);
    expect(page.body).toContain('Connected to an earlier matter that came to attention on 2025-03-01');
    expect(page.body).toContain('Further messages in the same chat group');
    const [event] = await t.database.query<{ payload: { regimeReason?: string } }>(
      `select payload from audit_events where event_type = 'case.opened' and subject_id = $1`,
      [id],
    );
    expect(event?.payload.regimeReason).toContain('reg 64(1)');
  });

  it('refuses an "earlier" matter dated after this one, naming the field, and writes nothing', async () => {
    const before = await snapshot(t);
    const res = await api(t.app, 'POST', '/api/v1/cases', w.tokens.aa, {
      ...caseInput([w.people.alice.id], { cameToAttentionOn: '2025-07-01' }),
      connectedToEarlierMatter: { cameToAttentionOn: '2025-08-01', reason: 'Further messages in the same chat group' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ApiError>().error.fields?.['connectedToEarlierMatter.cameToAttentionOn']).toBe(
      'The earlier matter must have come to attention before this one (1 July 2025)',
    );
    expect(await snapshot(t)).toBe(before);
  });

  it('applies the 2025 amendments to an IOPC re-investigation of a November 2024 matter, from the page form (reg 64(2))', async () => {
    const opened = await as(t, w, 'aa').post(
      '/cases/new',
      {
        source: 'other',
        caseType: 'conduct_matter',
        ...dateFields('cameToAttentionOn', '2024-11-01'),
        summary: 'Re-investigation directed by the IOPC',
        confidentiality: 'normal',
        subjects: '5550',
        categoryCode: 'behaviours.unprofessional',
        standards: ['discreditable_conduct'],
        description: 'Use of force at a custody suite, re-investigated.',
        iopcReinvestigation: 'yes',
      },
      '/cases/new',
    );
    expect(opened.statusCode).toBe(303);
    const caseId = (opened.headers.location ?? '').split('/')[2] ?? '';
    expect(await regimeOf(caseId)).toBe('2020+2025');
  });

  it('asks on the page for the earlier matter’s date when the connection is ticked, and writes nothing', async () => {
    const before = await snapshot(t);
    const res = await as(t, w, 'aa').post(
      '/cases/new',
      {
        source: 'internal_report',
        caseType: 'conduct_matter',
        ...dateFields('cameToAttentionOn', '2025-07-01'),
        summary: 'More messages in the chat group',
        confidentiality: 'normal',
        subjects: '5550',
        categoryCode: 'behaviours.unprofessional',
        standards: ['discreditable_conduct'],
        description: 'Posted offensive messages about colleagues.',
        connected: 'yes',
        connectedReason: 'Same chat group as the March case',
      },
      '/cases/new',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter the date the earlier matter came to attention');
    expect(await snapshot(t)).toBe(before);
  });
});

describe('former officers and the accelerated hearing (SI 2025/558 reg 64(3))', () => {
  it('sends a former officer of a December 2024 matter to an accelerated hearing when the referral comes after 28 May 2025', async () => {
    const former = await createPerson(t.deps.db, 'west', { givenName: 'Fay', familyName: 'Former', status: 'former' });
    await t.database.query(`update people set service_end = '2024-10-01' where id = $1`, [former.id]);
    const aa = principalOfWorld(w, 'aa');
    const opened = await openCase(t.deps, aa, caseInput([former.id], { cameToAttentionOn: '2024-12-02' }), null);
    expect(await regimeOf(opened.id)).toBe('2020+2024');
    const steps: Step[] = [
      [
        {
          type: 'assess_severity',
          severity: 'gross_misconduct',
          rationale: 'If proved this would be gross misconduct.',
          finalWrittenWarningInForce: false,
          multipleUnconnectedIncidents: false,
        },
        '2024-12-03',
      ],
      [{ type: 'start_investigation', plan: '' }, '2024-12-04'],
      [{ type: 'serve_reg17_notice' }, '2024-12-05'],
      [{ type: 'submit_report', summary: 'The messages were sent by the officer.' }, '2025-09-01'],
      [{ type: 'decide_case_to_answer', outcome: 'gross_misconduct', rationale: 'Case to answer.' }, '2025-09-02'],
    ];
    await takeSteps(t, w, opened.id, steps);
    const [a] = await allegationRows(t, opened.id);
    if (!a) throw new Error('no allegation');
    const before = await snapshot(t);
    const res = await api(t.app, 'POST', `/api/v1/cases/${opened.id}/allegations/${a.id}/actions`, w.tokens.aa, {
      version: a.version,
      occurredOn: '2025-09-03',
      action: { type: 'schedule_hearing', date: '2025-10-20', inPublic: true, panel: '' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<ApiError>().error.message).toMatch(/former officer goes to an accelerated hearing/);
    expect(await snapshot(t)).toBe(before);
  });
});
