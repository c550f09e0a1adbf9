import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../../kernel/config/config.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * Encryption at rest of anonymous reports (docs/reporting.md). Every report has its own random 256-bit key;
 * its text, messages, notes, attachments and the reporter's identity are sealed with AES-256-GCM under that
 * key, each with the report's id and the field's name as associated data (a sealed value cannot be moved to
 * another report or field unnoticed). The report key is stored only wrapped (AES-256-GCM again) under the
 * reporting master key, which comes from PROBITY_REPORTING_KEY_FILE or PROBITY_REPORTING_KEY and is never
 * written to the database: a copy of the database alone opens nothing.
 */

const VERSION = 'v1';
const IV_BYTES = 12;

export type MasterKey = { key: Buffer; id: string };

/** A 32-byte key as base64 (`openssl rand -base64 32`). */
export function parseMasterKey(text: string): MasterKey {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new Error('The reporting key must be 32 random bytes written as base64 (openssl rand -base64 32).');
  return { key, id: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

export function newMasterKeyText(): string {
  return randomBytes(32).toString('base64');
}

const cache = new WeakMap<Config['reporting'], MasterKey>();

/** The master key, or a 503 naming the settings when the force has not set the channel up. */
export function masterKeyOf(config: Config['reporting']): MasterKey {
  const cached = cache.get(config);
  if (cached) return cached;
  const text = config.key ?? (config.keyFile ? readFileSync(config.keyFile, 'utf8') : undefined);
  if (!text)
    throw new AppError(
      'unavailable',
      'The confidential reporting channel is not set up here: PROBITY_REPORTING_KEY_FILE (or PROBITY_REPORTING_KEY) is not set.',
    );
  const master = parseMasterKey(text);
  cache.set(config, master);
  return master;
}

export function reportingEnabled(config: Config['reporting']): boolean {
  return !!(config.key ?? config.keyFile);
}

function seal(key: Buffer, plain: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join('.');
}

function open(key: Buffer, sealed: string, aad: string): Buffer {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined)
    throw new Error('Not a sealed value of this version.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
}

/** A fresh per-report key. */
export function newReportKey(): Buffer {
  return randomBytes(32);
}

export function wrapReportKey(master: MasterKey, reportId: string, reportKey: Buffer): string {
  return seal(master.key, reportKey, `report-key:${reportId}`);
}

export function unwrapReportKey(master: MasterKey, reportId: string, wrapped: string): Buffer {
  return open(master.key, wrapped, `report-key:${reportId}`);
}

/** Seals one field of one report (or one message or file of it: `field` names it, e.g. `message:<id>`). */
export function sealText(reportKey: Buffer, reportId: string, field: string, text: string): string {
  return seal(reportKey, Buffer.from(text, 'utf8'), `${reportId}:${field}`);
}

export function openText(reportKey: Buffer, reportId: string, field: string, sealed: string): string {
  return open(reportKey, sealed, `${reportId}:${field}`).toString('utf8');
}

export function sealBytes(reportKey: Buffer, reportId: string, field: string, bytes: Buffer): string {
  return seal(reportKey, bytes, `${reportId}:${field}`);
}

export function openBytes(reportKey: Buffer, reportId: string, field: string, sealed: string): Buffer {
  return open(reportKey, sealed, `${reportId}:${field}`);
}

/**
 * The reporter's follow-up cookie: the report's id and an expiry sealed under the master key, so that the
 * server keeps no session row (no record of when a reporter came back). Undecipherable or expired → null.
 */
export function sealFollowUpToken(
  master: MasterKey,
  payload: { forceId: string; reportId: string; expiresAt: number },
): string {
  return seal(master.key, Buffer.from(JSON.stringify(payload), 'utf8'), 'follow-up').replaceAll('.', '~');
}

export function openFollowUpToken(
  master: MasterKey,
  token: string,
  nowMs: number,
): { forceId: string; reportId: string } | null {
  try {
    const payload = JSON.parse(open(master.key, token.replaceAll('~', '.'), 'follow-up').toString('utf8')) as {
      forceId?: unknown;
      reportId?: unknown;
      expiresAt?: unknown;
    };
    if (typeof payload.forceId !== 'string' || typeof payload.reportId !== 'string') return null;
    if (typeof payload.expiresAt !== 'number' || payload.expiresAt <= nowMs) return null;
    return { forceId: payload.forceId, reportId: payload.reportId };
  } catch {
    return null;
  }
}
