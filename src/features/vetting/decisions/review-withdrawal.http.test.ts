import { describe, expect, it } from 'vitest';
import { api } from '../../../../test/support/test-app.ts';
import {
  addClearance,
  client,
  dateFields,
  openReview,
  vettingSnapshot,
  type ReviewWho,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import {
  t,
  w,
  useReviewDecisionWorld,
  sentence,
  version,
  state,
} from '../../../../test/fixtures/vetting/review-decision.http-fixtures.ts';

/** Deciding a review to withdraw a clearance, with its appeal window. */
useReviewDecisionWorld();

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
    ).toEqual([
      { period: 'vetting_withdrawal_appeal', started_on: '2026-03-20', due_on: '2026-04-03', state: 'running' },
    ]);
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
