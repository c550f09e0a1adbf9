import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  buildReviewWorld,
  client,
  dateFields,
  reviewsOf,
  vettingSnapshot,
  type ReviewWho,
  type ReviewWorld,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';

/** Declarations of a change of circumstances (any member of the workforce) and transfers in (vetting officer). */
let t: TestApp;
let w: ReviewWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
  w = await buildReviewWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('declaring a change of circumstances', () => {
  it('is offered on the start page and the account page to an account linked to a person', async () => {
    expect((await client(t, w, 'officer').get('/')).body).toContain('href="/declarations"');
    expect((await client(t, w, 'officer').get('/account')).body).toContain('declare a change of circumstances');
    expect((await client(t, w, 'unlinked').get('/')).body).not.toContain('href="/declarations"');
    expect((await client(t, w, 'pcc').get('/account')).body).not.toContain('href="/declarations"');
  });

  it('records the declaration, shows the declarant what they declared and when — never the review', async () => {
    const res = await client(t, w, 'officer').post(
      '/declarations',
      {
        category: 'relationship',
        ...dateFields('occurredOn', '2026-02-14'),
        details: 'My new partner has a conviction for burglary',
      },
      '/declarations',
    );
    expect(res.statusCode).toBe(303);
    const page = await client(t, w, 'officer').get('/declarations?declared=1');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Your declaration has been sent to the vetting unit');
    expect(page.body).toContain('My new partner has a conviction for burglary');
    expect(page.body).toContain('14 February 2026');
    expect(page.body).toContain('A relationship');
    expect(page.body).not.toMatch(/review|due|outcome/i);
    const [review] = await reviewsOf(t, w.people.olive.id);
    expect(review).toMatchObject({ trigger: 'change_of_circumstances', status: 'open' });
    expect((await client(t, w, 'officer').get(`/vetting/reviews/${review?.id}`)).statusCode).toBe(404);
    const file = await client(t, w, 'vo').get(`/vetting/reviews/${review?.id}`);
    expect(file.body).toContain('What was declared');
    expect(file.body).toContain('My new partner has a conviction for burglary');
  });

  it('explains bad input and records nothing', async () => {
    const before = await vettingSnapshot(t);
    const res = await client(t, w, 'officer').post(
      '/declarations',
      { category: 'weather', ...dateFields('occurredOn', '2026-04-01'), details: '' },
      '/declarations',
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Choose what has changed');
    expect(res.body).toContain('Tell us what has changed');
    const future = await client(t, w, 'officer').post(
      '/declarations',
      { category: 'address', ...dateFields('occurredOn', '2026-04-01'), details: 'Moving house' },
      '/declarations',
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date cannot be in the future');
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('is refused (404) without a linked person or the ability, and sends visitors to sign in', async () => {
    const before = await vettingSnapshot(t);
    const body = { category: 'address', ...dateFields('occurredOn', '2026-03-01'), details: 'Moved house' };
    for (const who of ['unlinked', 'pcc'] as ReviewWho[]) {
      expect((await client(t, w, who).get('/declarations')).statusCode).toBe(404);
      expect((await client(t, w, who).post('/declarations', body)).statusCode).toBe(404);
    }
    expect((await client(t, w, null).get('/declarations')).statusCode).toBe(303);
    expect((await client(t, w, null).post('/declarations', body)).statusCode).toBe(303);
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('works through the API: the declarant’s own list, a new declaration, 401 and 404', async () => {
    const made = await api(t.app, 'POST', '/api/v1/declarations', w.tokens.officer, {
      category: 'finances',
      occurredOn: '2026-03-01',
      details: 'A county court judgment',
    });
    expect(made.statusCode).toBe(201);
    const mine = await api(t.app, 'GET', '/api/v1/declarations', w.tokens.officer);
    // Both were declared at the same (test) instant, so their order is not asserted.
    expect(
      mine
        .json<{ items: { category: string; details: string }[] }>()
        .items.map((d) => d.category)
        .sort(),
    ).toEqual(['finances', 'relationship']);
    expect(mine.body).not.toMatch(/review/i);
    const bad = await api(t.app, 'POST', '/api/v1/declarations', w.tokens.officer, {
      category: 'finances',
      occurredOn: 'yesterday',
      details: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: Record<string, string> } }>().error.fields).toMatchObject({
      occurredOn: 'Enter the date it happened',
      details: 'Tell us what has changed',
    });
    expect((await api(t.app, 'GET', '/api/v1/declarations')).statusCode).toBe(401);
    expect((await api(t.app, 'GET', '/api/v1/declarations', w.tokens.unlinked)).statusCode).toBe(404);
    expect(
      (
        await api(t.app, 'POST', '/api/v1/declarations', w.tokens.pcc, {
          category: 'finances',
          occurredOn: '2026-03-01',
          details: 'x',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('recording a transfer in', () => {
  const page = () => `/vetting/transfers-in/${w.people.bob.id}`;

  it('offers the form from the person page to a vetting officer, with the transferee checklist', async () => {
    const person = await client(t, w, 'vo').get(`/people/${w.people.bob.id}`);
    expect(person.body).toContain(`href="${page()}"`);
    const form = await client(t, w, 'vo').get(page());
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Parent force professional standards: criminal matters outstanding');
  });

  it('explains bad input and records nothing', async () => {
    const before = await vettingSnapshot(t);
    const res = await client(t, w, 'vo').post(
      page(),
      { previousForce: '', ...dateFields('transferredOn', '2026-02-31') },
      page(),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The date of the transfer must be a real date');
    const res2 = await client(t, w, 'vo').post(
      page(),
      { previousForce: '', ...dateFields('transferredOn', '2026-02-27'), received: ['made_up'] },
      page(),
    );
    for (const text of [
      'Enter the force they transferred from',
      'Say whether any parent-force professional standards checks are outstanding',
    ])
      expect(res2.body).toContain(text);
    const before2 = JSON.parse(before) as unknown[];
    expect((JSON.parse(await vettingSnapshot(t)) as unknown[]).slice(0, 7)).toEqual(before2.slice(0, 7));
  });

  it('is refused (404) to other roles, another force and for the officer’s own record; visitors go to sign in', async () => {
    const before = await vettingSnapshot(t);
    const body = {
      previousForce: 'Kent Police',
      ...dateFields('transferredOn', '2026-03-01'),
      checksOutstanding: 'no',
    };
    for (const who of ['aa', 'investigator', 'officer', 'pcc', 'eastVo'] as ReviewWho[]) {
      expect((await client(t, w, who).get(page())).statusCode, who).toBe(404);
      expect((await client(t, w, who).post(page(), body)).statusCode, who).toBe(404);
    }
    const own = `/vetting/transfers-in/${w.people.vera.id}`;
    expect((await client(t, w, 'voSelf').get(own)).statusCode).toBe(404);
    expect(
      (await client(t, w, 'voSelf').post(own, body, own.replace(w.people.vera.id, w.people.bob.id))).statusCode,
    ).toBe(404);
    expect((await client(t, w, null).post(page(), body)).statusCode).toBe(303);
    expect(await vettingSnapshot(t)).toBe(before);
  });

  it('records through the API: 201 with the review, 200 and the same review again, 400, 401, 404', async () => {
    const body = {
      personId: w.people.bob.id,
      previousForce: 'Essex Police',
      transferredOn: '2026-03-02',
      checksOutstanding: false,
      received: ['parent_vetting'],
    };
    const first = await api(t.app, 'POST', '/api/v1/vetting/transfers-in', w.tokens.vo, body);
    expect(first.statusCode).toBe(201);
    const again = await api(t.app, 'POST', '/api/v1/vetting/transfers-in', w.tokens.vo, body);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ reviewId: string }>().reviewId).toBe(first.json<{ reviewId: string }>().reviewId);
    expect(
      (await api(t.app, 'POST', '/api/v1/vetting/transfers-in', w.tokens.vo, { ...body, transferredOn: '2026-04-01' }))
        .statusCode,
    ).toBe(400);
    expect((await api(t.app, 'POST', '/api/v1/vetting/transfers-in', undefined, body)).statusCode).toBe(401);
    expect((await api(t.app, 'POST', '/api/v1/vetting/transfers-in', w.tokens.aa, body)).statusCode).toBe(404);
    expect((await reviewsOf(t, w.people.bob.id)).filter((r) => r.trigger === 'transfer_in')).toHaveLength(1);
  });
});
