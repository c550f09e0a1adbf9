import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { caseInput } from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../../misconduct/open-case.ts';
import {
  addClearance,
  auditCount,
  buildReviewWorld,
  client,
  dateFields,
  openReview,
  vettingSnapshot,
  type ReviewWho,
  type ReviewWorld,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';

/** The review list and page, assignment, checks and adverse information: pages and API, and who may not. */
let t: TestApp;
let w: ReviewWorld;
let aliceReview = '';
let veraReview = '';
let caseReference = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
  w = await buildReviewWorld(t);
  const c = await openCase(
    t.deps,
    w.accounts.aa.principal,
    caseInput([w.people.alice.id], { summary: 'Secret detail of the conduct matter' }),
    null,
  );
  caseReference = c.reference;
  aliceReview = (
    await openReview(t, {
      personId: w.people.alice.id,
      trigger: 'gross_misconduct_assessment',
      sourceKey: 'allegation:x',
      caseId: c.id,
      openedOn: '2026-02-10',
    })
  ).reviewId;
  veraReview = (
    await openReview(t, {
      personId: w.people.vera.id,
      trigger: 'random',
      sourceKey: 'random:2026-03-01',
      openedOn: '2026-03-01',
    })
  ).reviewId;
  await addClearance(t, { personId: w.people.alice.id, level: 'MV', expiresOn: '2029-01-01' });
  for (let i = 0; i < 26; i++)
    await openReview(t, {
      personId: w.people.bob.id,
      trigger: 'annual',
      sourceKey: `annual:${i}`,
      openedOn: '2026-03-19',
    });
});

afterAll(async () => {
  await t?.close();
});

/** Roles without vetting.read. A vetting officer of another force (eastVo) has lists of their own, but never West's files. */
const nonVetting: ReviewWho[] = ['aa', 'investigator', 'officer', 'pcc'];
const outsiders: ReviewWho[] = [...nonVetting, 'eastVo'];

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

describe('working on a review', () => {
  const page = () => `/vetting/reviews/${aliceReview}`;
  const version = async () =>
    (await t.database.query<{ version: number }>(`select version from vetting_reviews where id = $1`, [aliceReview]))[0]
      ?.version ?? 0;

  it('assigns the review to a vetting officer, and refuses anyone else as assignee', async () => {
    const bad = await client(t, w, 'vo').post(
      `${page()}/assignment`,
      { version: String(await version()), assignedUserId: w.accounts.aa.user.id },
      page(),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose a vetting officer from the list');
    const res = await client(t, w, 'vo').post(
      `${page()}/assignment`,
      { version: String(await version()), assignedUserId: w.accounts.voSelf.user.id },
      page(),
    );
    expect(res.statusCode).toBe(303);
    expect((await client(t, w, 'vo').get(page())).body).toContain('vera');
    const stale = await client(t, w, 'vo').post(`${page()}/assignment`, { version: '1', assignedUserId: '' }, page());
    expect(stale.statusCode).toBe(409);
  });

  it('records a check and a new result for it', async () => {
    const bad = await client(t, w, 'vo').post(`${page()}/checks`, { checkType: '', checkStatus: 'sometimes' }, page());
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the result of the check');
    const res = await client(t, w, 'vo').post(
      `${page()}/checks`,
      { checkType: 'pnd', checkStatus: 'pending', checkNotes: 'Requested' },
      page(),
    );
    expect(res.statusCode).toBe(303);
    const [check] = await t.database.query<{
      id: string;
      version: number;
      status: string;
      completed_on: string | null;
    }>(`select id, version, status, completed_on::text from vetting_checks where review_id = $1`, [aliceReview]);
    expect(check).toMatchObject({ status: 'pending', completed_on: null });
    await client(t, w, 'vo').post(
      `${page()}/checks/${check?.id}`,
      { version: String(check?.version), status: 'adverse', notes: 'Requested' },
      page(),
    );
    expect(
      await t.database.query(`select status, completed_on::text from vetting_checks where id = $1`, [check?.id]),
    ).toEqual([{ status: 'adverse', completed_on: '2026-03-20' }]);
  });

  it('records adverse information, and explains what is missing', async () => {
    const bad = await client(t, w, 'vo').post(
      `${page()}/adverse-information`,
      { source: '', infoType: 'rumour', relation: '', severity: '9', ...dateFields('occurredOn', '2026-02-30') },
      page(),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date must be a real date');
    const bad2 = await client(t, w, 'vo').post(
      `${page()}/adverse-information`,
      { source: '', infoType: 'rumour', relation: '', severity: '9' },
      page(),
    );
    for (const text of [
      'Enter where the information came from',
      'Choose the type of information',
      'Choose who the information is about',
      'Choose the severity from 1 to 5',
      'Describe the information',
    ])
      expect(bad2.body).toContain(text);
    const res = await client(t, w, 'vo').post(
      `${page()}/adverse-information`,
      {
        source: 'PND',
        infoType: 'intelligence',
        relation: 'associate',
        severity: '3',
        credibility: '2',
        description: 'Associates with a known drug supplier',
        ...dateFields('occurredOn', '2025-11-01'),
      },
      page(),
    );
    expect(res.statusCode).toBe(303);
    const view = await client(t, w, 'vo').get(page());
    expect(view.body).toContain('Associates with a known drug supplier');
    expect(view.body).toContain('Unresolved');
  });

  it('changes nothing for a refused user (404) or a visitor (303)', async () => {
    const [check] = await t.database.query<{ id: string }>(
      `select id from vetting_checks where review_id = $1 limit 1`,
      [aliceReview],
    );
    const checkId = check?.id ?? '';
    const before = await vettingSnapshot(t);
    const posts: [string, Record<string, string>][] = [
      [`${page()}/assignment`, { version: String(await version()), assignedUserId: '' }],
      [`${page()}/checks`, { checkType: 'pnc', checkStatus: 'clear' }],
      [`${page()}/checks/${checkId}`, { version: '1', status: 'clear' }],
      [
        `${page()}/adverse-information`,
        {
          source: 'PNC',
          infoType: 'caution',
          relation: 'self',
          severity: '2',
          credibility: '5',
          description: 'A caution for shoplifting in 2019',
        },
      ],
      [
        `${page()}/decision`,
        {
          version: String(await version()),
          outcome: 'maintain',
          rationale: 'The checks are clear and nothing is outstanding',
          ...dateFields('decidedOn', '2026-03-20'),
        },
      ],
      ['/vetting/reviews/random', { percent: '100' }],
    ];
    for (const [url, body] of posts) {
      for (const who of [...outsiders, 'voSelf'] as ReviewWho[]) {
        if ((who === 'voSelf' || who === 'eastVo') && url.includes('random')) continue;
        const res = await client(t, w, who).post(
          url.replace(aliceReview, who === 'voSelf' ? veraReview : aliceReview),
          body,
        );
        expect(res.statusCode, `${who} ${url}`).toBe(404);
      }
      expect((await client(t, w, null).post(url, body)).statusCode).toBe(303);
    }
    expect(await vettingSnapshot(t)).toBe(before);
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
