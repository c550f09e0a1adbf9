import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../../../test/support/test-app.ts';
import { createAccount, createForce } from '../../../../test/support/factories.ts';
import { recordHandling } from '../record-handling.ts';
import { recordInitialHandling } from '../record-initial-handling.ts';
import { recordOutcomes } from '../record-outcomes.ts';
import { recordReferral } from '../record-referral.ts';
import { allMessages } from './i18n.ts';
import { FOLLOW_UP_CODE_BITS, FOLLOW_UP_LOCK_THRESHOLD } from './follow-up-code.ts';

/** The complainant's portal without JavaScript: make a complaint, check the answers, follow it up. */

let t: TestApp;
let now = new Date('2026-03-02T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp({}, () => now);
  await createForce(t.deps.db, 'west', 'Westshire Police');
  await createForce(t.deps.db, 'east', 'Eastshire Police');
});

afterAll(async () => {
  await t?.close();
});

const rows = async <T = Record<string, unknown>>(sql: string): Promise<{ rows: T[] }> => {
  const result: unknown = await t.database.db.execute(sql);
  return result as { rows: T[] };
};
const count = async (table: string) =>
  (await rows<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;
const visitor = () => new TestClient(t.app);

const answers = (extra: Record<string, string> = {}) => ({
  name: 'Jane Jones',
  basis: 'directed_at',
  contactMethod: 'email',
  email: 'jane@example.org',
  whatHappened: 'The officer at the front desk shouted at me and would not take my report.',
  about: 'rudeness',
  'incidentOn-day': '27',
  'incidentOn-month': '2',
  'incidentOn-year': '2026',
  incidentPlace: 'Westford police station',
  who: 'officer',
  officerDetails: 'Tall, collar number 1234',
  desiredOutcome: 'An apology',
  ...extra,
});

/** The text nodes of the page's main element. */
function mainTexts(html: string): string[] {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
  return main
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, '')
    .replace(/<span[^>]*aria-hidden="true"[^>]*>[^<]*<\/span>/g, '') // the design system's icons (the warning's "!")
    .split(/<[^>]+>/)
    .map((s) =>
      s
        .replace(/&#39;|&#x27;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

const sendComplaint = () => visitor().post('/public/west/complain', { ...answers(), action: 'send' }, { csrf: false });
const referenceAndCode = (html: string) => ({
  reference: /id="reference">([^<]+)</.exec(html)?.[1] ?? '',
  code: /id="code"[^>]*>([^<]+)</.exec(html)?.[1] ?? '',
});
let logged: Promise<{ reference: string; code: string }> | undefined;
/** Jane's complaint, logged online by the test that sends it, or here when a later test runs alone. */
const complaint = () => (logged ??= sendComplaint().then((res) => referenceAndCode(res.body)));

describe('making a complaint', () => {
  it('shows the form without any cookie, in English, every word from the catalogue', async () => {
    const res = await visitor().get('/public/west/complain');
    expect(res.statusCode).toBe(200);
    expect(res.cookies).toHaveLength(0);
    expect(res.body).toContain('Make a complaint about Westshire Police');
    const known = new Set(allMessages('en').map((m) => m.replace('{force}', 'Westshire Police')));
    const strays = mainTexts(res.body).filter((text) => !known.has(text));
    expect(strays).toEqual([]);
  });

  it('answers 404 for a force that does not exist', async () => {
    expect((await visitor().get('/public/nowhere/complain')).statusCode).toBe(404);
    expect((await visitor().get('/public/NOT%20A%20FORCE/complaint-status')).statusCode).toBe(404);
  });

  it('refuses incomplete answers with a 400 and the catalogue’s words, writing nothing', async () => {
    const before = await count('complaints');
    const res = await visitor().post('/public/west/complain', { name: '', about: 'nonsense' }, { csrf: false });
    expect(res.statusCode).toBe(400);
    for (const message of [
      'Enter your full name',
      'Say how you were involved',
      'Tell us what happened',
      'Choose what your complaint is mainly about',
    ])
      expect(res.body).toContain(message);
    const bad = await visitor().post(
      '/public/west/complain',
      answers({ 'incidentOn-day': '31', 'incidentOn-month': '2', contactMethod: 'post', address: '' }),
      { csrf: false },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The date must be a real date');
    expect(bad.body).toContain('Enter your postal address');
    const future = await visitor().post('/public/west/complain', answers({ 'incidentOn-year': '2027' }), {
      csrf: false,
    });
    expect(future.body).toContain('The date cannot be in the future');
    const witness = await visitor().post('/public/west/complain', answers({ basis: 'witness', who: 'service' }), {
      csrf: false,
    });
    expect(witness.statusCode).toBe(400);
    expect(witness.body).toContain(
      'A complaint about the service in general can be made only by someone affected by it',
    );
    expect(await count('complaints')).toBe(before);
  });

  it('shows the answers to check, then logs the complaint online and shows the reference and code once', async () => {
    const client = visitor();
    const check = await client.post('/public/west/complain', answers(), { csrf: false });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check your answers before sending your complaint');
    expect(check.body).toContain('27 February 2026');
    expect(check.body).toContain('Someone was rude or unprofessional');
    expect(await count('complaints')).toBe(0);

    const change = await client.post('/public/west/complain', { ...answers(), action: 'change' }, { csrf: false });
    expect(change.statusCode).toBe(200);
    expect(change.body).toContain('value="Westford police station"');

    const sent = await client.post('/public/west/complain', { ...answers(), action: 'send' }, { csrf: false });
    expect(sent.statusCode).toBe(200);
    expect(sent.cookies).toHaveLength(0);
    const { reference, code } = referenceAndCode(sent.body);
    logged = Promise.resolve({ reference, code });
    expect(reference).toBe('WEST-C-2026-00001');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(FOLLOW_UP_CODE_BITS).toBeGreaterThanOrEqual(80);

    const [row] = (
      await rows<Record<string, string>>(
        `select c.channel, c.received_on::text as received, c.follow_up_hash as hash, c.created_by, s.kind, a.category_code, a.incident_on::text as incident
         from complaints c join complaint_subjects s on s.complaint_id = c.id join complaint_allegations a on a.complaint_id = c.id`,
      )
    ).rows;
    expect(row).toMatchObject({
      channel: 'online',
      received: '2026-03-02',
      created_by: null,
      kind: 'unidentified_officer',
      category_code: 'behaviours.unprofessional',
      incident: '2026-02-27',
    });
    expect(row?.['hash']).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(await rows('select * from complaints'))).not.toContain(code.replaceAll('-', ''));
    const clocks = await rows<{ period: string; state: string }>(
      "select period, state from clocks where owner_kind = 'complaint'",
    );
    expect(clocks.rows).toEqual([{ period: 'complaint_first_contact', state: 'running' }]);
    const audit = await rows<{ type: string; actor_label: string }>(
      `select payload->>'type' as type, actor_label from audit_events where payload->>'type' like 'complaint.%'`,
    );
    expect(audit.rows).toContainEqual({ type: 'complaint.logged', actor_label: 'public complaints portal' });
  });
});

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
    now = new Date('2026-03-02T11:30:00Z');
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
