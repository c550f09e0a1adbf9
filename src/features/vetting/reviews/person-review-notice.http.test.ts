import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  addClearance,
  buildReviewWorld,
  client,
  openReview,
  type ReviewWorld,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import { decideReview } from '../decisions/decide-review.ts';
import { recordReviewAdverseInformation } from '../file/record-adverse-information.ts';

/** Other roles see only that a review exists: on the person page, and nowhere else. */
let t: TestApp;
let w: ReviewWorld;
let reviewId = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
  w = await buildReviewWorld(t);
  await addClearance(t, { personId: w.people.alice.id, level: 'NPPV3', expiresOn: '2029-12-31' });
  reviewId = (
    await openReview(t, {
      personId: w.people.alice.id,
      trigger: 'criminal_charge',
      sourceKey: 'criminal:1',
      openedOn: '2026-03-03',
      summary: 'Charged with fraud by abuse of position',
    })
  ).reviewId;
  await recordReviewAdverseInformation(
    t.deps,
    w.accounts.vo.principal,
    {
      reviewId,
      source: 'PNC',
      infoType: 'conviction',
      relation: 'self',
      severity: 4,
      credibility: 5,
      description: 'Conviction for shoplifting in 2009',
    },
    null,
  );
});

afterAll(async () => {
  await t?.close();
});

/** Words that would betray the vetting file: the trigger, the summary, the adverse item, the clearance, an outcome. */
const secrets = [
  'Criminal charge',
  'criminal_charge',
  'fraud by abuse',
  'shoplifting',
  'NPPV',
  'Maintain the clearance',
  'maintain',
  'clearance',
];

describe('the person page', () => {
  it('tells nobody outside the vetting unit that a review is open (vetting files are for the vetting unit only)', async () => {
    for (const who of ['investigator', 'aa'] as const) {
      const res = await client(t, w, who).get(`/people/${w.people.alice.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/vetting/i);
      expect(res.body).not.toContain('3 March 2026');
      for (const word of secrets) expect(res.body, `${who}: ${word}`).not.toContain(word);
      expect(res.body).not.toContain(`/vetting/reviews`);
    }
    const apiView = await api(t.app, 'GET', `/api/v1/people/${w.people.alice.id}`, w.tokens.investigator);
    expect(apiView.statusCode).toBe(200);
    expect(apiView.body).not.toMatch(/vetting|review/i);
  });

  it('gives a vetting officer links into the file instead', async () => {
    const res = await client(t, w, 'vo').get(`/people/${w.people.alice.id}`);
    expect(res.body).toContain('A vetting review of this person has been open since 3 March 2026');
    expect(res.body).toContain(`href="/vetting/reviews?status=all&amp;personId=${w.people.alice.id}"`);
    expect(res.body).toContain(`href="/vetting/people/${w.people.alice.id}"`);
    const list = await client(t, w, 'vo').get(`/vetting/reviews?status=all&personId=${w.people.alice.id}`);
    expect(list.body).toContain(`href="/vetting/reviews/${reviewId}"`);
  });

  it('says nothing about vetting to anyone once the review is decided', async () => {
    const [row] = await t.database.query<{ id: string }>(`select id from adverse_information where review_id = $1`, [
      reviewId,
    ]);
    const why = 'An old matter, fully declared at recruitment and of no current concern';
    await decideReview(
      t.deps,
      w.accounts.vo.principal,
      {
        reviewId,
        version: 1,
        outcome: 'maintain',
        decidedOn: '2026-03-20',
        rationale: why,
        items: { [row?.id ?? '']: { relevance: why, riskAssessment: why, mitigation: why, reason: why } },
      },
      null,
    );
    const res = await client(t, w, 'investigator').get(`/people/${w.people.alice.id}`);
    expect(res.body).not.toContain('Vetting review');
    for (const word of secrets) expect(res.body).not.toContain(word);
  });

  it('shows nothing for a person with no review', async () => {
    const res = await client(t, w, 'investigator').get(`/people/${w.people.bob.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/vetting/i);
  });
});
