import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * The reporter's receipt: 20 characters of Crockford's base32 (no I, L, O or U, so nothing is misread),
 * written in five groups of four — 100 random bits. The first group is the report's look-up (stored in
 * clear, unique per force, 20 bits); the other sixteen characters are the secret (80 bits), of which only an
 * argon2id hash (random salt, m = 19 MiB, t = 2) is stored. argon2's verify compares in constant time, and
 * an unknown look-up is verified against a decoy hash, so a wrong receipt takes as long as a right one.
 */

export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_GROUPS = 5;
export const GROUP_LENGTH = 4;
/** Bits of the secret part (all groups after the first). */
export const RECEIPT_SECRET_BITS = (RECEIPT_GROUPS - 1) * GROUP_LENGTH * 5;

export type Receipt = { text: string; lookup: string; secret: string };

export function generateReceipt(): Receipt {
  let chars = '';
  for (let i = 0; i < RECEIPT_GROUPS * GROUP_LENGTH; i += 1) chars += RECEIPT_ALPHABET[randomInt(32)];
  return splitReceipt(chars)!;
}

function splitReceipt(chars: string): Receipt | null {
  if (chars.length !== RECEIPT_GROUPS * GROUP_LENGTH) return null;
  const groups = chars.match(new RegExp(`.{${GROUP_LENGTH}}`, 'g')) ?? [];
  return { text: groups.join('-'), lookup: groups[0]!, secret: chars.slice(GROUP_LENGTH) };
}

/**
 * What a person typed back, read generously: any case, spaces or dashes anywhere, O read as 0 and I or L as
 * 1 (Crockford). Null if it cannot be a receipt at all.
 */
export function parseReceipt(typed: string): Receipt | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]+$/.test(chars)) return null;
  return splitReceipt(chars);
}

export function hashReceiptSecret(secret: string): Promise<string> {
  return hash(secret);
}

let decoy: Promise<string> | undefined;
/** A hash to verify against when no report has the look-up, so timing does not tell which look-ups exist. */
export function decoyReceiptHash(): Promise<string> {
  decoy ??= hash('0000000000000000');
  return decoy;
}

export async function receiptMatches(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}

/** Wrong receipts for one report before it is locked, and for how long (no address is ever counted). */
export const RECEIPT_LOCK_THRESHOLD = 5;
export const RECEIPT_LOCK_MINUTES = 60;

export type LockState = { failedAttempts: number; lockedUntil: Date | null };

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** After a wrong receipt: one more failure, and a lock once the threshold is reached (the count restarts). */
export function afterFailure(state: LockState, now: Date): LockState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= RECEIPT_LOCK_THRESHOLD)
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + RECEIPT_LOCK_MINUTES * 60_000) };
  return { failedAttempts, lockedUntil: state.lockedUntil };
}
