import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  addClearance,
  buildReviewWorld,
  client,
  dateFields,
  openReview,
  vettingSnapshot,
  type ReviewWho,
  type ReviewWorld,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import { recordReviewAdverseInformation } from '../file/record-adverse-information.ts';

/** Deciding a review: the rationale rule, maintaining with conditions, and withdrawal with its appeal window. */
let t: TestApp;
let w: ReviewWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
  w = await buildReviewWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const sentence = 'The information is old, was fully explained and presents no continuing risk';
const version = async (id: string) =>
  (await t.database.query<{ version: number }>(`select version from vetting_reviews where id = $1`, [id]))[0]
    ?.version ?? 0;
const state = (id: string) =>
  t.database.query<{ status: string }>(`select status from vetting_reviews where id = $1`, [id]);

async function reviewWithItem(personId: string) {
  const { reviewId } = await openReview(t, {
    personId,
    sourceKey: `test:${personId}:${Math.random()}`,
    openedOn: '2026-03-02',
  });
  const { itemId } = await recordReviewAdverseInformation(
    t.deps,
    w.accounts.vo.principal,
    {
      reviewId,
      source: 'PND',
      infoType: 'intelligence',
      relation: 'family',
      severity: 2,
      credibility: 3,
      description: 'A brother with a conviction for theft',
    },
    null,
  );
  return { reviewId, itemId };
}

describe('maintaining a clearance', () => {
  it('refuses to keep it over unresolved adverse information without a rationale for the item, changing nothing', async () => {
    await addClearance(t, { personId: w.people.alice.id, expiresOn: '2030-01-01' });
    const { reviewId, itemId } = await reviewWithItem(w.people.alice.id);
    const page = `/vetting/reviews/${reviewId}`;
    expect((await client(t, w, 'vo').get(page)).body).toContain(`rationale-${itemId}-relevance`);
    const before = await vettingSnapshot(t);
    const res = await client(t, w, 'vo').post(
      `${page}/decision`,
      {
        version: String(await version(reviewId)),
        outcome: 'maintain',
        rationale: sentence,
        ...dateFields('decidedOn', '2026-03-20'),
      },
      page,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(`href="#rationale-${itemId}-relevance"`);
    expect(res.body).toContain('for this adverse information');
    // Nothing changed but the audited reads of the page (the snapshot's last entry counts audit rows).
    const before2 = JSON.parse(before) as unknown[];
    const after = JSON.parse(await vettingSnapshot(t)) as unknown[];
    expect(after.slice(0, 7)).toEqual(before2.slice(0, 7));

    const ok = await client(t, w, 'vo').post(
      `${page}/decision`,
      {
        version: String(await version(reviewId)),
        outcome: 'maintain',
        rationale: sentence,
        ...dateFields('decidedOn', '2026-03-20'),
        [`rationale-${itemId}-relevance`]: 'A family member, not the officer, and an old matter',
        [`rationale-${itemId}-riskAssessment`]: 'Low risk: no contact for ten years, declared openly',
        [`rationale-${itemId}-mitigation`]: 'Reminded of the duty to declare any renewed contact',
        [`rationale-${itemId}-reason`]: 'Nothing suggests the officer could be pressured through it',
      },
      page,
    );
    expect(ok.statusCode).toBe(303);
    expect(await state(reviewId)).toEqual([{ status: 'completed' }]);
    const [item] = await t.database.query<{ resolved_by_decision_id: string; resolution: Record<string, string> }>(
      `select resolved_by_decision_id, resolution from adverse_information where id = $1`,
      [itemId],
    );
    const [decision] = await t.database.query<{
      id: string;
      outcome: string;
      review_id: string;
      document: { adverseInformation: { rationale: unknown }[] };
    }>(`select id, outcome, review_id, document from vetting_decisions where review_id = $1`, [reviewId]);
    expect(decision).toMatchObject({ outcome: 'maintain', review_id: reviewId });
    expect(item?.resolved_by_decision_id).toBe(decision?.id);
    expect(item?.resolution).toMatchObject({ reason: 'Nothing suggests the officer could be pressured through it' });
    expect(decision?.document.adverseInformation[0]?.rationale).toMatchObject({
      relevance: 'A family member, not the officer, and an old matter',
    });
    expect(
      await t.database.query(
        `select state, met_on::text from clocks where owner_kind = 'vetting' and subject_key = $1`,
        [`review:${reviewId}`],
      ),
    ).toEqual([{ state: 'met', met_on: '2026-03-20' }]);
    const view = await client(t, w, 'vo').get(page);
    expect(view.body).toContain('Maintain the clearance');
    expect(view.body).not.toContain('Record the decision');
    const late = await client(t, w, 'vo').post(`${page}/checks`, { checkType: 'pnc', checkStatus: 'clear' }, page);
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain('This review has been decided');
  });

  it('needs the conditions to maintain with conditions, and adds them to the person’s clearance', async () => {
    const clearance = await addClearance(t, { personId: w.people.bob.id, expiresOn: '2030-01-01' });
    const { reviewId } = await openReview(t, { personId: w.people.bob.id, openedOn: '2026-03-02' });
    const body = {
      version: await version(reviewId),
      outcome: 'maintain_with_conditions',
      decidedOn: '2026-03-19',
      rationale: sentence,
    };
    const bad = await api(t.app, 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, w.tokens.vo, body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toHaveProperty('conditions');
    const conditions = 'No unsupervised access to the property store for twelve months';
    const ok = await api(t.app, 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, w.tokens.vo, {
      ...body,
      conditions,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      outcome: 'maintain_with_conditions',
      clearancesWithdrawn: [],
      appealWindowEndsOn: null,
    });
    expect(
      await t.database.query(`select status, conditions from vetting_clearances where id = $1`, [clearance.id]),
    ).toEqual([{ status: 'active', conditions }]);
  });
});

describe('withdrawing a clearance (Police (Vetting) Regulations 2025)', () => {
  it('needs the withdrawal assessment, then withdraws every live clearance, cancels their renewal clocks and starts the appeal window', async () => {
    const person = w.people.olive.id;
    const rv = await addClearance(t, { personId: person, expiresOn: '2031-05-01' });
    const mv = await addClearance(t, { personId: person, level: 'MV', expiresOn: '2029-05-01', status: 'suspended' });
    const { reviewId } = await openReview(t, { personId: person, trigger: 'criminal_charge', openedOn: '2026-03-02' });
    const page = `/vetting/reviews/${reviewId}`;
    const base = {
      version: String(await version(reviewId)),
      outcome: 'withdraw',
      rationale: 'Charged with an offence of dishonesty committed on duty',
      ...dateFields('decidedOn', '2026-03-20'),
    };
    const bad = await client(t, w, 'vo').post(`${page}/decision`, base, page);
    expect(bad.statusCode).toBe(400);
    for (const text of [
      'Confirm the harm test was considered',
      'Enter the date the officer was told',
      'police friend',
      'the reasons to be sent to the officer',
    ])
      expect(bad.body).toContain(text);
    expect(
      await t.database.query(`select status from vetting_clearances where person_id = $1 order by level`, [person]),
    ).toEqual([{ status: 'suspended' }, { status: 'active' }]);

    const res = await client(t, w, 'vo').post(
      `${page}/decision`,
      {
        ...base,
        harmTestConsidered: 'yes',
        withheldUnderHarmTest: 'The source of the intelligence',
        ...dateFields('officerInformedOn', '2026-03-10'),
        policeFriendOffered: 'yes',
        policeFriend: 'PC Fred Friend',
        reasonsForOfficer: 'Your clearance is withdrawn because of the charge of dishonesty',
      },
      page,
    );
    expect(res.statusCode).toBe(303);
    const [decision] = await t.database.query<{
      id: string;
      outcome: string;
      appeal_window_ends_on: string;
      reasons_for_applicant: string;
      document: { withdrawal: Record<string, unknown> };
    }>(
      `select id, outcome, appeal_window_ends_on::text, reasons_for_applicant, document from vetting_decisions where review_id = $1`,
      [reviewId],
    );
    expect(decision).toMatchObject({
      outcome: 'withdraw',
      appeal_window_ends_on: '2026-04-03',
      reasons_for_applicant: 'Your clearance is withdrawn because of the charge of dishonesty',
    });
    expect(decision?.document.withdrawal).toMatchObject({
      harmTestConsidered: true,
      officerInformedOn: '2026-03-10',
      policeFriend: 'PC Fred Friend',
      appealWindowEndsOn: '2026-04-03',
    });
    const clearances = await t.database.query(
      `select id, status, ended_on::text, ended_reason, ended_by_decision_id from vetting_clearances where person_id = $1 order by id`,
      [person],
    );
    expect(clearances).toEqual(
      [rv, mv]
        .map((c) => ({
          id: c.id,
          status: 'withdrawn',
          ended_on: '2026-03-20',
          ended_reason: 'Withdrawn after a vetting review',
          ended_by_decision_id: decision?.id,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(
      await t.database.query(`select state from clocks where owner_kind = 'vetting' and subject_key = $1`, [
        `clearance:${rv.id}`,
      ]),
    ).toEqual([{ state: 'cancelled' }]);
    expect(
      await t.database.query(
        `select period, started_on::text, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1`,
        [`decision:${decision?.id}`],
      ),
    ).toEqual([{ period: 'vetting_appeal', started_on: '2026-03-20', due_on: '2026-04-03', state: 'running' }]);
    expect(await state(reviewId)).toEqual([{ status: 'completed' }]);
    const view = await client(t, w, 'vo').get(page);
    expect(view.body).toContain('Appeal window ends');
    expect(view.body).toContain('3 April 2026');
    // The review links to its decision record, which shows who was reviewed, why, and the withdrawal assessment.
    expect(view.body).toContain(
      `<a class="govuk-link" href="/vetting/decisions/${decision?.id}">Decision record and appeal</a>`,
    );
    const record = await client(t, w, 'vo').get(`/vetting/decisions/${decision?.id}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('Vetting review decision record');
    expect(record.body).toContain(`href="/vetting/reviews/${reviewId}"`);
    expect(record.body).toMatch(/Person reviewed[\s\S]*Olive Oakes[\s\S]*Criminal charge, opened 2 March 2026/);
    expect(record.body).toMatch(
      /Police friend\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*PC Fred Friend \(right explained\)/,
    );
    expect(record.body).toContain('An appeal may be made until 3 April 2026.');
    expect(record.body).not.toContain('vetting_review_decision');
  });

  it('cannot withdraw from someone who holds no clearance', async () => {
    const { reviewId } = await openReview(t, { personId: w.people.vera.id, openedOn: '2026-03-02' });
    const res = await api(t.app, 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, w.tokens.vo, {
      version: 1,
      outcome: 'withdraw',
      decidedOn: '2026-03-20',
      rationale: sentence,
      harmTestConsidered: true,
      officerInformedOn: '2026-03-10',
      policeFriendOffered: true,
      reasonsForOfficer: 'Your clearance is withdrawn because of the charge',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { fields: Record<string, string> } }>().error.fields).toEqual({
      outcome: 'This person holds no clearance to withdraw',
    });
  });

  it('is refused to other roles and to the person’s own vetting officer account, changing nothing', async () => {
    await addClearance(t, { personId: w.people.vera.id, expiresOn: '2031-01-01' });
    const { reviewId } = await openReview(t, { personId: w.people.vera.id, openedOn: '2026-03-02' });
    const body = { version: 1, outcome: 'maintain', decidedOn: '2026-03-20', rationale: sentence };
    const before = await vettingSnapshot(t);
    for (const who of ['aa', 'investigator', 'officer', 'pcc', 'eastVo', 'voSelf'] as ReviewWho[]) {
      expect(
        (await api(t.app, 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, w.tokens[who], body)).statusCode,
        who,
      ).toBe(404);
    }
    expect((await api(t.app, 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, undefined, body)).statusCode).toBe(
      401,
    );
    expect(await vettingSnapshot(t)).toBe(before);
    expect(
      (await api(t.app, 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, w.tokens.vo, { ...body, version: 9 }))
        .statusCode,
    ).toBe(409);
    expect(await vettingSnapshot(t)).toBe(before);
  });
});
