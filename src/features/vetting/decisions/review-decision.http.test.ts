import { describe, expect, it } from 'vitest';
import { api } from '../../../../test/support/test-app.ts';
import {
  addClearance,
  client,
  dateFields,
  openReview,
  vettingSnapshot,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import {
  t,
  w,
  useReviewDecisionWorld,
  sentence,
  version,
  state,
  reviewWithItem,
} from '../../../../test/fixtures/vetting/review-decision.http-fixtures.ts';

/** Deciding a review to maintain a clearance: the rationale rule, and maintaining with conditions. */
useReviewDecisionWorld();

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
