import { describe, expect, it } from 'vitest';
import {
  client,
  dateFields,
  vettingSnapshot,
  type ReviewWho,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import {
  t,
  w,
  aliceReview,
  veraReview,
  useReviewsWorld,
  outsiders,
} from '../../../../test/fixtures/vetting/reviews.http-fixtures.ts';

/** Working on a review through the pages: assignment, checks and adverse information, and who may not. */
useReviewsWorld();

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
