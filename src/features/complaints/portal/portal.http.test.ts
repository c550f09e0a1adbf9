import { describe, expect, it } from 'vitest';
import { allMessages } from './i18n.ts';
import { FOLLOW_UP_CODE_BITS } from './follow-up-code.ts';
import {
  answers,
  count,
  mainTexts,
  referenceAndCode,
  rows,
  usePortalWorld,
  visitor,
} from '../../../../test/fixtures/complaints/portal.http-fixtures.ts';

/** The complainant's portal without JavaScript: make a complaint and check the answers. */
usePortalWorld();

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
