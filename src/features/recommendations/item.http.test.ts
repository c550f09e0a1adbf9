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

/** One item's page: each side's forms, the difference shown, sign-off and its reset, actions, evidence, comments. */

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
const response = async (itemId: string) =>
  (
    await t.database.query<{
      version: number;
      self_status: string;
      verified_status: string | null;
      signed_off_status: string | null;
      owner_user_id: string | null;
    }>(
      `select version, self_status, verified_status, signed_off_status, owner_user_id from recommendation_responses where force_id = 'west' and item_id = $1`,
      [itemId],
    )
  )[0];
const post = (who: Who | null, itemId: string, path: string, fields: Record<string, string>) =>
  as(who).post(`${page(itemId)}${path}`, fields, { formPage: who ? page(itemId) : '/sign-in' });

describe('the item page', () => {
  it('shows each user the forms of their own side only', async () => {
    const forms = (body: string) =>
      ['self-assessment', 'owner', 'verification', 'sign-off', 'actions', 'evidence', 'comments'].filter((f) =>
        body.includes(`action="${page(w.items.r2.id)}/${f}"`),
      );
    expect(forms((await as('aa').get(page(w.items.r2.id))).body)).toEqual([
      'self-assessment',
      'owner',
      'actions',
      'evidence',
      'comments',
    ]);
    expect(forms((await as('pcc').get(page(w.items.r2.id))).body)).toEqual(['verification', 'comments']);
    expect(forms((await as('chief').get(page(w.items.r2.id))).body)).toEqual([
      'self-assessment',
      'owner',
      'sign-off',
      'actions',
      'evidence',
      'comments',
    ]);
  });

  it('gives every element on the page its own id, and every control a label (for each side)', async () => {
    for (const who of ['aa', 'pcc', 'chief'] as Who[]) {
      const body = (await as(who).get(page(w.items.r1.id))).body;
      const ids = [...body.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        who,
      ).toEqual([]);
      for (const control of body.matchAll(/<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"[^>]*>/g)) {
        if (/type="hidden"/.test(control[0])) continue;
        const id = control[1] ?? '';
        const labelled =
          body.includes(`for="${id}"`) || (/type="radio"/.test(control[0]) && body.includes('govuk-fieldset__legend'));
        expect(labelled, `${who}: #${id}`).toBe(true);
      }
    }
  });

  it('refuses users without the ability, unknown items and visitors', async () => {
    for (const who of ['investigator', 'vetting'] as Who[])
      expect((await as(who).get(page(w.items.r1.id))).statusCode).toBe(404);
    expect((await as('aa').get(page('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await as(null).get(page(w.items.r1.id))).statusCode).toBe(303);
  });
});

describe('the force and the commissioner each set their own status', () => {
  it('shows the difference prominently when the force says addressed and the commissioner disagrees', async () => {
    expect(
      (await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'addressed', version: '0' })).statusCode,
    ).toBe(303);
    let body = (await as('pcc').get(page(w.items.r1.id))).body;
    expect(body).toContain('The force says addressed; the commissioner’s office has not assessed it yet.');
    expect(
      (await post('pcc', w.items.r1.id, '/verification', { verifiedStatus: 'being_progressed', version: '1' }))
        .statusCode,
    ).toBe(303);
    body = (await as('aa').get(page(w.items.r1.id))).body;
    expect(body).toMatch(
      /id="status-difference">[\s\S]*The force says addressed, but the commissioner’s office has verified only being progressed\./,
    );
    expect(await response(w.items.r1.id)).toMatchObject({
      self_status: 'addressed',
      verified_status: 'being_progressed',
      version: 2,
    });
    const unverified = await as('pcc').get('/recommendations/list?show=unverified');
    expect(unverified.body).toContain(page(w.items.r1.id));
  });

  it('refuses the wrong side (404) and changes nothing', async () => {
    const before = await snapshot(t);
    expect(
      (await post('pcc', w.items.r1.id, '/self-assessment', { selfStatus: 'not_started', version: '2' })).statusCode,
    ).toBe(404);
    expect(
      (await post('pcc', w.items.r1.id, '/owner', { ownerUserId: w.accounts.pcc.user.id, version: '2' })).statusCode,
    ).toBe(404);
    for (const who of ['aa', 'chief'] as Who[])
      expect(
        (await post(who, w.items.r1.id, '/verification', { verifiedStatus: 'addressed', version: '2' })).statusCode,
      ).toBe(404);
    for (const who of ['aa', 'pcc'] as Who[])
      expect((await post(who, w.items.r1.id, '/sign-off', { version: '2' })).statusCode).toBe(404);
    for (const who of ['investigator', 'vetting'] as Who[]) {
      for (const path of ['/self-assessment', '/verification', '/sign-off', '/owner', '/comments', '/actions']) {
        expect(
          (
            await post(who, w.items.r1.id, path, {
              selfStatus: 'addressed',
              verifiedStatus: 'addressed',
              commentBody: 'x',
              actionDescription: 'x',
              version: '2',
            })
          ).statusCode,
        ).toBe(404);
      }
      expect(
        (
          await upload(t, w, who, `${page(w.items.r1.id)}/evidence`, {
            evidenceTitle: 'x',
            evidenceUrl: 'https://example.org/x',
          })
        ).statusCode,
      ).toBe(404);
    }
    for (const path of ['/self-assessment', '/verification', '/sign-off', '/owner', '/comments', '/actions'])
      expect((await post(null, w.items.r1.id, path, { version: '2' })).statusCode).toBe(303);
    expect(await snapshot(t)).toBe(before);
  });

  it('explains bad input and refuses a stale form (409), changing nothing', async () => {
    const before = await snapshot(t);
    const bad = await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'done', version: '2' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose the force’s status');
    expect(bad.body).toContain('href="#selfStatus"');
    const badVerified = await post('pcc', w.items.r1.id, '/verification', { verifiedStatus: '', version: '2' });
    expect(badVerified.statusCode).toBe(400);
    expect(badVerified.body).toContain('Choose the verified status');
    const stranger = await post('aa', w.items.r1.id, '/owner', {
      ownerUserId: w.accounts.eastAa.user.id,
      version: '2',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.body).toContain('Choose someone in your force');
    expect(
      (await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'being_progressed', version: '1' }))
        .statusCode,
    ).toBe(409);
    expect(await snapshot(t)).toBe(before);
  });

  it('names the accountable owner', async () => {
    expect(
      (await post('aa', w.items.r1.id, '/owner', { ownerUserId: w.accounts.chief.user.id, version: '2' })).statusCode,
    ).toBe(303);
    expect((await response(w.items.r1.id))?.owner_user_id).toBe(w.accounts.chief.user.id);
    expect((await as('pcc').get(page(w.items.r1.id))).body).toMatch(/Accountable owner[\s\S]*?chief/);
  });
});

describe('chief officer sign-off', () => {
  it('signs off the force’s status, and the sign-off lapses when the force changes it', async () => {
    const signed = await post('chief', w.items.r1.id, '/sign-off', { version: '3' });
    expect(signed.statusCode).toBe(303);
    expect(await response(w.items.r1.id)).toMatchObject({ signed_off_status: 'addressed', version: 4 });
    expect((await as('pcc').get(page(w.items.r1.id))).body).toContain('Signed off by chief on 10 May 2026');
    const again = await post('chief', w.items.r1.id, '/sign-off', { version: '4' });
    expect(again.statusCode).toBe(422);
    expect(
      (await post('aa', w.items.r1.id, '/self-assessment', { selfStatus: 'being_progressed', version: '4' }))
        .statusCode,
    ).toBe(303);
    expect(await response(w.items.r1.id)).toMatchObject({ signed_off_status: null, self_status: 'being_progressed' });
    const [audit] = await t.database.query<{ reset: string }>(
      `select payload->>'signOffReset' as reset from audit_events where event_type = 'recommendation.self_assessed' order by seq desc limit 1`,
    );
    expect(audit?.reset).toBe('true');
    expect((await as('aa').get(page(w.items.r1.id))).body).toContain('Not signed off');
  });
});

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

describe('another force', () => {
  it('sees none of west’s response, and its own changes stay its own', async () => {
    const east = (await as('eastAa').get(page(w.items.r1.id))).body;
    expect(east).not.toContain('Force comment marker');
    expect(east).not.toContain('Signed off by');
    expect(east).toMatch(/id="self-status">[\s\S]*?Not started/);
    expect(
      (await post('eastAa', w.items.r1.id, '/self-assessment', { selfStatus: 'addressed', version: '0' })).statusCode,
    ).toBe(303);
    expect(await response(w.items.r1.id)).toMatchObject({ self_status: 'being_progressed' });
    expect(
      await t.database.query(
        `select force_id, self_status from recommendation_responses where item_id = $1 order by force_id`,
        [w.items.r1.id],
      ),
    ).toEqual([
      { force_id: 'east', self_status: 'addressed' },
      { force_id: 'west', self_status: 'being_progressed' },
    ]);
  });
});
