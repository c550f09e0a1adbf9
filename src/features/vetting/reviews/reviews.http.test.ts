import { describe, expect, it } from 'vitest';
import { api } from '../../../../test/support/test-app.ts';
import { auditCount, client, vettingSnapshot } from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import {
  t,
  w,
  aliceReview,
  veraReview,
  caseReference,
  useReviewsWorld,
  nonVetting,
  outsiders,
} from '../../../../test/fixtures/vetting/reviews.http-fixtures.ts';

/** The review list and page, and the reviews API: who may see them, and who may not. */
useReviewsWorld();

describe('the review list', () => {
  it('lists open reviews most urgent first, with the case by reference only, and audits the read', async () => {
    const res = await client(t, w, 'vo').get('/vetting/reviews');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('28 reviews');
    expect(res.body.indexOf('Alice Ashworth')).toBeLessThan(res.body.indexOf('Vera Vetter'));
    expect(res.body).toContain(`Case ${caseReference}`);
    expect(res.body).not.toContain('Secret detail');
    expect(res.body).toContain('Overdue by 10 days');
    expect(await auditCount(t, 'vetting.reviews_listed')).toBeGreaterThanOrEqual(1);
  });

  it('filters by trigger and overdue, and pages', async () => {
    const overdue = await client(t, w, 'vo').get('/vetting/reviews?overdue=yes');
    expect(overdue.body).toContain('1 review');
    expect(overdue.body).toContain('Alice Ashworth');
    const random = await client(t, w, 'vo').get('/vetting/reviews?trigger=random');
    expect(random.body).toContain('Vera Vetter');
    expect(random.body).not.toContain('Alice Ashworth');
    const second = await client(t, w, 'vo').get('/vetting/reviews?page=2');
    expect(second.statusCode).toBe(200);
    expect((second.body.match(/href="\/vetting\/reviews\/[0-9a-f-]{36}"/g) ?? []).length).toBe(3);
  });

  it('never shows a vetting officer their own file', async () => {
    const res = await client(t, w, 'voSelf').get('/vetting/reviews?status=all');
    expect(res.body).toContain('Alice Ashworth');
    expect(res.body).not.toContain('Vera Vetter');
    expect((await client(t, w, 'voSelf').get(`/vetting/reviews/${veraReview}`)).statusCode).toBe(404);
  });

  it('explains a bad filter', async () => {
    const res = await client(t, w, 'vo').get('/vetting/reviews?trigger=gossip&page=0');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose a trigger from the list');
    expect(res.body).toContain('Page must be 1 or more');
  });

  it('is refused to everyone but vetting roles of the force (404), and sends visitors to sign in', async () => {
    for (const who of nonVetting) expect((await client(t, w, who).get('/vetting/reviews')).statusCode).toBe(404);
    const east = await client(t, w, 'eastVo').get('/vetting/reviews?status=all');
    expect(east.body).toContain('0 reviews');
    expect(east.body).not.toContain('Alice Ashworth');
    const anon = await client(t, w, null).get('/vetting/reviews');
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toMatch(/^\/sign-in/);
  });
});

describe('the review page', () => {
  it('shows the person, the trigger, the case by reference only and the clearances, and audits every read', async () => {
    const before = await auditCount(t, 'vetting.review_viewed');
    const res = await client(t, w, 'vo').get(`/vetting/reviews/${aliceReview}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Alice Ashworth');
    expect(res.body).toContain('Gross misconduct assessment');
    expect(res.body).toContain(`Conduct case ${caseReference}`);
    expect(res.body).not.toContain('Secret detail');
    expect(res.body).toContain('Management vetting (MV)');
    expect(res.body).toContain('Record the decision');
    expect(await auditCount(t, 'vetting.review_viewed')).toBe(before + 1);
  });

  it('is refused (404) to other roles, another force and for a made-up id; visitors are sent to sign in', async () => {
    for (const who of outsiders)
      expect((await client(t, w, who).get(`/vetting/reviews/${aliceReview}`)).statusCode).toBe(404);
    expect((await client(t, w, 'vo').get('/vetting/reviews/not-a-review')).statusCode).toBe(404);
    expect((await client(t, w, 'vo').get('/vetting/reviews/00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await client(t, w, null).get(`/vetting/reviews/${aliceReview}`)).statusCode).toBe(303);
  });
});

describe('the reviews API', () => {
  it('lists and shows reviews to vetting roles, audited', async () => {
    const list = await api(t.app, 'GET', '/api/v1/vetting/reviews?trigger=gross_misconduct_assessment', w.tokens.vo);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ total: number; items: { id: string; caseReference: string }[] }>()).toMatchObject({
      total: 1,
      items: [{ id: aliceReview, caseReference }],
    });
    const one = await api(t.app, 'GET', `/api/v1/vetting/reviews/${aliceReview}`, w.tokens.vo);
    expect(one.statusCode).toBe(200);
    expect(one.json<{ trigger: string; clearances: unknown[]; checks: unknown[] }>()).toMatchObject({
      trigger: 'gross_misconduct_assessment',
      clearances: [{ level: 'MV', status: 'active' }],
    });
    expect(one.body).not.toContain('Secret detail');
  });

  it('records checks and adverse information through the API and explains bad input', async () => {
    const check = await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/checks`, w.tokens.vo, {
      checkType: 'financial',
      status: 'clear',
      completedOn: '2026-03-18',
    });
    expect(check.statusCode).toBe(201);
    const bad = await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/adverse-information`, w.tokens.vo, {
      source: 'Credit reference',
      infoType: 'financial',
      relation: 'self',
      severity: 7,
      credibility: 3,
      description: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toMatchObject({
      severity: 'Choose the severity from 1 to 5',
      description: 'Describe the information (at least 10 characters)',
    });
  });

  it('answers 401 without a token and 404 to other roles, changing nothing', async () => {
    expect((await api(t.app, 'GET', '/api/v1/vetting/reviews', w.tokens.eastVo)).json()).toMatchObject({
      total: 0,
      items: [],
    });
    const before = await vettingSnapshot(t);
    expect((await api(t.app, 'GET', '/api/v1/vetting/reviews')).statusCode).toBe(401);
    expect((await api(t.app, 'GET', `/api/v1/vetting/reviews/${aliceReview}`)).statusCode).toBe(401);
    expect(
      (
        await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/checks`, undefined, {
          checkType: 'pnc',
          status: 'clear',
        })
      ).statusCode,
    ).toBe(401);
    for (const who of outsiders) {
      if (who !== 'eastVo')
        expect((await api(t.app, 'GET', '/api/v1/vetting/reviews', w.tokens[who])).statusCode).toBe(404);
      expect((await api(t.app, 'GET', `/api/v1/vetting/reviews/${aliceReview}`, w.tokens[who])).statusCode).toBe(404);
      expect(
        (
          await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/checks`, w.tokens[who], {
            checkType: 'pnc',
            status: 'clear',
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/assignment`, w.tokens[who], {
            version: 1,
            assignedUserId: null,
          })
        ).statusCode,
      ).toBe(404);
      const adverse = {
        source: 'PNC',
        infoType: 'caution',
        relation: 'self',
        severity: 2,
        credibility: 5,
        description: 'A caution for shoplifting in 2019',
      };
      expect(
        (await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/adverse-information`, w.tokens[who], adverse))
          .statusCode,
      ).toBe(404);
      expect(
        (
          await api(t.app, 'POST', `/api/v1/vetting/reviews/${aliceReview}/decision`, w.tokens[who], {
            version: 1,
            outcome: 'maintain',
            rationale: 'Nothing of concern was found at all',
          })
        ).statusCode,
      ).toBe(404);
      if (who !== 'eastVo')
        expect(
          (await api(t.app, 'POST', '/api/v1/vetting/reviews/random', w.tokens[who], { percent: 100 })).statusCode,
        ).toBe(404);
    }
    expect((await api(t.app, 'GET', `/api/v1/vetting/reviews/${veraReview}`, w.tokens.voSelf)).statusCode).toBe(404);
    expect(await vettingSnapshot(t)).toBe(before);
  });
});
