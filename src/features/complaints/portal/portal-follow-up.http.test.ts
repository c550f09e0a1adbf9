import { describe, expect, it } from 'vitest';
import { createAccount } from '../../../../test/support/factories.ts';
import { recordHandling } from '../record-handling.ts';
import { recordInitialHandling } from '../record-initial-handling.ts';
import { recordOutcomes } from '../record-outcomes.ts';
import { recordReferral } from '../record-referral.ts';
import { FOLLOW_UP_LOCK_THRESHOLD } from './follow-up-code.ts';
import {
  complaint,
  count,
  rows,
  setNow,
  t,
  usePortalWorld,
  visitor,
} from '../../../../test/fixtures/complaints/portal.http-fixtures.ts';

/** The complainant's portal without JavaScript: follow a complaint up, apply for a review, Welsh, and abuse. */
usePortalWorld();

describe('following up a complaint', () => {
  it('shows the stage and the next date with the reference and code, and nothing internal', async () => {
    const { reference, code } = await complaint();
    const res = await visitor().post(
      '/public/west/complaint-status',
      { reference: reference.toLowerCase(), code: code.replaceAll('-', ' ').toLowerCase() },
      { csrf: false },
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We have received your complaint and will contact you about it.');
    const [clock] = (
      await rows<{ due: string }>(`select due_on::text as due from clocks where owner_kind = 'complaint'`)
    ).rows;
    expect(clock?.due).toBe('2026-03-16'); // 10 working days from 2 March 2026
    expect(res.body).toContain('We aim to contact you by 16 March 2026.');
    expect(res.body).not.toContain('shouted at me');
    expect(res.body).not.toContain('collar number');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('gives the same answer for an unknown reference and a wrong code, and locks after repeated wrong codes', async () => {
    const { reference, code } = await complaint();
    const unknown = await visitor().post(
      '/public/west/complaint-status',
      { reference: 'WEST-C-2026-09999', code: code },
      { csrf: false },
    );
    const otherForce = await visitor().post('/public/east/complaint-status', { reference, code }, { csrf: false });
    const empty = await visitor().post('/public/west/complaint-status', { reference: '', code: '' }, { csrf: false });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your follow-up code');
    const wrongCode = 'ABCD-EFGH-JKMN-PQRS' === code ? 'ABCD-EFGH-JKMN-PQRT' : 'ABCD-EFGH-JKMN-PQRS';
    const wrong = await visitor().post(
      '/public/west/complaint-status',
      { reference, code: wrongCode },
      { csrf: false },
    );
    for (const res of [unknown, otherForce, wrong]) {
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('do not match a complaint');
    }
    for (let i = 1; i < FOLLOW_UP_LOCK_THRESHOLD; i += 1)
      await visitor().post('/public/west/complaint-status', { reference, code: wrongCode }, { csrf: false });
    const locked = await visitor().post('/public/west/complaint-status', { reference, code }, { csrf: false });
    expect(locked.statusCode).toBe(423);
    expect(locked.body).toContain('too many wrong codes');
    setNow(new Date('2026-03-02T11:30:00Z'));
    const later = await visitor().post('/public/west/complaint-status', { reference, code }, { csrf: false });
    expect(later.statusCode).toBe(200);
  });
});

describe('a review applied for online', () => {
  it('is offered once the outcome is notified, names the review body and its time limit, and is logged', async () => {
    const { reference, code } = await complaint();
    const handler = await createAccount(t.deps, {
      email: 'h@west.example',
      role: 'complaints_handler',
      forceId: 'west',
    });
    const p = handler.principal;
    const [row] = (await rows<{ id: string }>(`select id from complaints where reference = '${reference}'`)).rows;
    const id = row?.id ?? '';
    await recordInitialHandling(
      t.deps,
      p,
      id,
      {
        version: 1,
        contactMadeOn: '2026-03-02',
        complainantWishes: 'Wants it recorded',
        complainantWantsRecorded: true,
        handling: 'recorded',
        decidedOn: '2026-03-02',
        reasons: 'Asked for',
      },
      null,
    );
    await recordReferral(
      t.deps,
      p,
      id,
      { version: 2, referred: false, decidedOn: '2026-03-02', reasons: 'None' },
      null,
    );
    await recordHandling(
      t.deps,
      p,
      id,
      { version: 3, route: 'otherwise_than_by_investigation', startedOn: '2026-03-02', reasons: 'Proportionate' },
      null,
    );
    const [allegation] = (
      await rows<{ id: string }>(`select id from complaint_allegations where complaint_id = '${id}'`)
    ).rows;
    await recordOutcomes(
      t.deps,
      p,
      id,
      {
        version: 4,
        decidedOn: '2026-03-02',
        notifiedOn: '2026-03-02',
        outcomes: [{ allegationId: allegation?.id ?? '', outcome: 'service_acceptable' }],
        reasons: 'CCTV shows a calm exchange',
      },
      null,
    );
    const status = await visitor().post('/public/west/complaint-status', { reference, code }, { csrf: false });
    expect(status.body).toContain('We have finished handling your complaint and told you the outcome.');
    expect(status.body).toContain(
      'It will be carried out by the Police and Crime Commissioner. You must apply by 30 March 2026.',
    );
    expect(status.body).not.toContain('CCTV shows a calm exchange');

    const empty = await visitor().post(
      '/public/west/complaint-review',
      { reference, code, grounds: '' },
      { csrf: false },
    );
    expect(empty.statusCode).toBe(400);
    const wrong = await visitor().post(
      '/public/west/complaint-review',
      { reference, code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ', grounds: 'Unfair' },
      { csrf: false },
    );
    expect(wrong.statusCode).toBe(400);
    expect(await count('complaint_reviews')).toBe(0);
    const sent = await visitor().post(
      '/public/west/complaint-review',
      { reference, code, grounds: 'Nobody looked at my own video' },
      { csrf: false },
    );
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Your review application has been sent');
    const [review] = (
      await rows<Record<string, string>>(
        'select body, via, grounds, received_on::text as received from complaint_reviews',
      )
    ).rows;
    expect(review).toMatchObject({ body: 'local_policing_body', via: 'portal', received: '2026-03-02' });
    const after = await visitor().post('/public/west/complaint-status', { reference, code }, { csrf: false });
    expect(after.body).toContain('You have applied for a review. We will tell you the result.');
    expect(after.body).not.toContain('name="grounds"');
  });
});

describe('the portal in Welsh', () => {
  it('is chosen with ?lang=cy, remembered in a cookie, and falls back to English where the catalogue has no Welsh', async () => {
    const client = visitor();
    const res = await client.get('/public/west/complain?lang=cy');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="cy"');
    expect(res.body).toContain('Gwneud cwyn am Westshire Police');
    expect(res.body).toContain('Amdanoch chi');
    expect(res.body).toContain('Parhau');
    expect(res.body).toContain('Tell us what happened'); // no Welsh yet: English
    expect(res.cookies.map((c) => c.name)).toEqual(['probity_lang']);
    const again = await client.get('/public/west/complaint-status');
    expect(again.body).toContain('Gwirio cynnydd eich cwyn');
    const bad = await client.post('/public/west/complain?lang=cy', { name: '' }, { csrf: false });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mae problem wedi codi');
  });
});

describe('abuse', () => {
  it('limits the attempts a minute across all callers, storing no address', async () => {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i += 1)
      last = (await visitor().post('/public/west/complain', { name: '' }, { csrf: false })).statusCode;
    expect(last).toBe(429);
  });
});
