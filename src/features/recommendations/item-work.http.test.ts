import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { addComment } from './add-comment.ts';
import {
  buildWorld,
  client,
  dateFields,
  snapshot,
  TODAY,
  upload,
  type Who,
  type World,
} from '../../../test/fixtures/recommendations/world.ts';

/** One item's actions, evidence and comments, each side's part. */

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  w = await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) => client(t, w, who);
const page = (id: string) => `/recommendations/items/${id}`;
const post = (who: Who | null, itemId: string, path: string, fields: Record<string, string>) =>
  as(who).post(`${page(itemId)}${path}`, fields, { formPage: who ? page(itemId) : '/sign-in' });

describe('actions', () => {
  it('adds an action with a due date; one past due makes the item overdue until it is done', async () => {
    expect(
      (
        await post('aa', w.items.r2.id, '/actions', {
          actionDescription: 'Write the policy (test)',
          ...dateFields('actionDueOn', '2026-05-01'),
        })
      ).statusCode,
    ).toBe(303);
    const [action] = await t.database.query<{ id: string; version: number }>(
      `select id, version from recommendation_actions where description = 'Write the policy (test)'`,
    );
    const list = async () => (await as('aa').get('/recommendations/list?show=overdue')).body;
    expect(await list()).toContain(page(w.items.r2.id));
    const form = `${page(w.items.r2.id)}/actions/${action?.id}`;
    expect((await as('aa').get(form)).statusCode).toBe(200);
    const done = await as('aa').post(
      form,
      {
        description: 'Write the policy (test)',
        ...dateFields('dueOn', '2026-05-01'),
        ...dateFields('doneOn', '2026-05-09'),
        version: '1',
      },
      { formPage: form },
    );
    expect(done.statusCode).toBe(303);
    expect(await list()).not.toContain(page(w.items.r2.id));
    const stale = await as('aa').post(
      form,
      { description: 'Write the policy (test)', version: '1' },
      { formPage: form },
    );
    expect(stale.statusCode).toBe(409);
  });

  it('explains bad input, refuses the commissioner and others, and changes nothing', async () => {
    const [action] = await t.database.query<{ id: string }>(
      `select id from recommendation_actions where description = 'Write the policy (test)'`,
    );
    const form = `${page(w.items.r2.id)}/actions/${action?.id}`;
    const before = await snapshot(t);
    const bad = await post('aa', w.items.r2.id, '/actions', {
      actionDescription: '',
      ...dateFields('actionDueOn', '2026-02-31'),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Describe the action');
    expect(bad.body).toContain('The due date must be a real date');
    const future = await as('aa').post(
      form,
      { description: 'Write the policy (test)', ...dateFields('doneOn', '2026-06-01'), version: '2' },
      { formPage: form },
    );
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('The date it was done cannot be in the future');
    for (const who of ['pcc', 'investigator'] as Who[]) {
      expect((await as(who).get(form)).statusCode).toBe(404);
      expect((await as(who).post(form, { description: 'x', version: '2' }, { formPage: '/' })).statusCode).toBe(404);
      expect((await post(who, w.items.r2.id, '/actions', { actionDescription: 'x' })).statusCode).toBe(404);
    }
    expect((await as('eastAa').get(form)).statusCode).toBe(404);
    expect((await as(null).post(form, { description: 'x', version: '2' })).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });
});

describe('evidence and comments', () => {
  it('adds a file and a link, downloads the file (audited) and keeps them from another force', async () => {
    const url = `${page(w.items.r3.id)}/evidence`;
    expect(
      (
        await upload(
          t,
          w,
          'aa',
          url,
          { evidenceTitle: '' },
          { name: 'summary.txt', type: 'text/plain', content: Buffer.from('Evidence marker text\n') },
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (await upload(t, w, 'aa', url, { evidenceTitle: 'Published policy', evidenceUrl: 'https://example.org/policy' }))
        .statusCode,
    ).toBe(303);
    const body = (await as('pcc').get(page(w.items.r3.id))).body;
    expect(body).toContain('Published policy');
    const [file] = await t.database.query<{ id: string; title: string }>(
      `select id, title from recommendation_evidence where kind = 'file'`,
    );
    expect(file?.title).toBe('summary.txt');
    const download = await as('pcc').get(`${url}/${file?.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('Evidence marker text\n');
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(
      (
        await t.database.query(
          `select count(*)::int as n from audit_events where event_type = 'recommendation.evidence_viewed'`,
        )
      )[0],
    ).toEqual({ n: 1 });
    expect((await as('eastAa').get(`${url}/${file?.id}`)).statusCode).toBe(404);
    expect((await as('investigator').get(`${url}/${file?.id}`)).statusCode).toBe(404);
    expect((await as(null).get(`${url}/${file?.id}`)).statusCode).toBe(303);
    expect((await as('eastAa').get(page(w.items.r3.id))).body).not.toContain('Published policy');
  });

  it('refuses evidence that is neither, both, or not what it claims, and the commissioner’s side', async () => {
    const url = `${page(w.items.r3.id)}/evidence`;
    const before = await snapshot(t);
    expect((await upload(t, w, 'aa', url, { evidenceTitle: 'x' })).body).toContain(
      'Choose a file or give a link to the evidence',
    );
    const both = await upload(
      t,
      w,
      'aa',
      url,
      { evidenceUrl: 'https://example.org/x' },
      { name: 'a.txt', type: 'text/plain', content: Buffer.from('a') },
    );
    expect(both.statusCode).toBe(400);
    expect(both.body).toContain('Add a file or a link, not both');
    expect(
      (
        await upload(
          t,
          w,
          'aa',
          url,
          {},
          { name: 'fake.pdf', type: 'application/pdf', content: Buffer.from('not a pdf') },
        )
      ).body,
    ).toContain('its contents do not match its type');
    expect((await upload(t, w, 'aa', url, { evidenceUrl: 'javascript:alert(1)', evidenceTitle: 'x' })).body).toContain(
      'must be a web address starting https://',
    );
    expect(
      (await upload(t, w, 'pcc', url, { evidenceTitle: 'x', evidenceUrl: 'https://example.org/x' })).statusCode,
    ).toBe(404);
    expect(
      (await upload(t, w, null, url, { evidenceTitle: 'x', evidenceUrl: 'https://example.org/x' })).statusCode,
    ).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });

  it('records dated, attributed comments from either side, newest first', async () => {
    // The force's comment an hour earlier (the page's clock is fixed), so "newest first" has an order to show.
    await addComment(
      { ...t.deps, now: () => new Date('2026-05-10T08:00:00Z') },
      w.accounts.aa.principal,
      w.items.r3.id,
      { body: 'Force comment marker' },
      null,
    );
    expect(
      (await post('pcc', w.items.r3.id, '/comments', { commentBody: 'Commissioner comment marker' })).statusCode,
    ).toBe(303);
    const body = (await as('chief').get(page(w.items.r3.id))).body;
    expect(body.indexOf('Commissioner comment marker')).toBeLessThan(body.indexOf('Force comment marker'));
    expect(body).toMatch(/Commissioner’s office<\/strong> – pcc \(PCC office \(oversight\)\)/);
    expect(
      (await post('chief', w.items.r3.id, '/comments', { commentBody: 'Chief comment through the page' })).statusCode,
    ).toBe(303);
    expect(await t.database.query(`select side, body from recommendation_comments order by created_at, body`)).toEqual([
      { side: 'force', body: 'Force comment marker' },
      { side: 'force', body: 'Chief comment through the page' },
      { side: 'commissioner', body: 'Commissioner comment marker' },
    ]);
    const before = await snapshot(t);
    expect((await post('aa', w.items.r3.id, '/comments', { commentBody: '   ' })).body).toContain('Enter a comment');
    expect((await post('vetting', w.items.r3.id, '/comments', { commentBody: 'x' })).statusCode).toBe(404);
    expect(await snapshot(t)).toBe(before);
  });
});
