import { describe, expect, it } from 'vitest';
import {
  masterKeyOf,
  newReportKey,
  openBytes,
  openFollowUpToken,
  openText,
  parseMasterKey,
  sealBytes,
  sealFollowUpToken,
  sealText,
  unwrapReportKey,
  wrapReportKey,
} from './report-crypto.ts';

const master = parseMasterKey(Buffer.alloc(32, 1).toString('base64'));
const other = parseMasterKey(Buffer.alloc(32, 2).toString('base64'));
const reportId = '11111111-1111-4111-8111-111111111111';

describe('report encryption at rest', () => {
  it('seals text under the report key so that the stored form holds none of it', () => {
    const key = newReportKey();
    const sealed = sealText(key, reportId, 'content', 'The sergeant shares photos of colleagues');
    expect(sealed).not.toContain('sergeant');
    expect(Buffer.from(sealed.split('.')[3]!, 'base64').toString('utf8')).not.toContain('sergeant');
    expect(openText(key, reportId, 'content', sealed)).toBe('The sergeant shares photos of colleagues');
  });

  it('uses a fresh IV each time, so the same text seals differently', () => {
    const key = newReportKey();
    expect(sealText(key, reportId, 'content', 'same')).not.toBe(sealText(key, reportId, 'content', 'same'));
  });

  it('refuses a sealed value moved to another report or field, or altered', () => {
    const key = newReportKey();
    const sealed = sealText(key, reportId, 'content', 'text');
    expect(() => openText(key, '22222222-2222-4222-8222-222222222222', 'content', sealed)).toThrow();
    expect(() => openText(key, reportId, 'identity', sealed)).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] = body[0]! ^ 1;
    expect(() =>
      openText(key, reportId, 'content', [...parts.slice(0, 3), body.toString('base64')].join('.')),
    ).toThrow();
  });

  it('wraps the report key under the master key; another master key cannot unwrap it', () => {
    const key = newReportKey();
    const wrapped = wrapReportKey(master, reportId, key);
    expect(unwrapReportKey(master, reportId, wrapped).equals(key)).toBe(true);
    expect(() => unwrapReportKey(other, reportId, wrapped)).toThrow();
    expect(wrapped).not.toContain(key.toString('base64'));
  });

  it('seals bytes (attachments) the same way', () => {
    const key = newReportKey();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 1, 2, 3]);
    expect(openBytes(key, reportId, 'file:x', sealBytes(key, reportId, 'file:x', bytes)).equals(bytes)).toBe(true);
  });

  it('needs a 32-byte key and names the setting when none is configured', () => {
    expect(() => parseMasterKey('c2hvcnQ=')).toThrow(/32 random bytes/);
    expect(() => masterKeyOf({})).toThrow(/PROBITY_REPORTING_KEY_FILE/);
    expect(masterKeyOf({ key: Buffer.alloc(32, 1).toString('base64') }).id).toBe(master.id);
  });

  it('the follow-up token opens its report until it expires, and not under another key', () => {
    const token = sealFollowUpToken(master, { forceId: 'north', reportId, expiresAt: 2_000 });
    expect(token).toMatch(/^[\w+/=~]+$/);
    expect(openFollowUpToken(master, token, 1_999)).toEqual({ forceId: 'north', reportId });
    expect(openFollowUpToken(master, token, 2_000)).toBeNull();
    expect(openFollowUpToken(other, token, 1_000)).toBeNull();
    expect(openFollowUpToken(master, 'rubbish', 1_000)).toBeNull();
  });
});
