import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/**
 * The complainant's follow-up code: 16 characters of Crockford's base32 (no I, L, O or U) in four groups
 * of four — 80 random bits, shown once when the complaint is made. Only an argon2id hash (random salt) is
 * stored; argon2's verify compares in constant time, and an unknown reference is verified against a decoy
 * hash, so a wrong reference takes as long as a wrong code and the portal never tells which references exist.
 */

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;
export const FOLLOW_UP_CODE_BITS = CODE_LENGTH * 5;

export function generateFollowUpCode(): string {
  let chars = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) chars += CODE_ALPHABET[randomInt(32)];
  return chars.match(/.{4}/g)!.join('-');
}

/** What a person typed, read generously (any case, spaces or dashes, O as 0, I or L as 1); null if it cannot be a code. */
export function normaliseFollowUpCode(typed: string): string | null {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return chars.length === CODE_LENGTH && /^[0-9A-HJKMNP-TV-Z]+$/.test(chars) ? chars : null;
}

/** The hash kept on the complaint (of the normalised code, so the dashes do not matter). */
export function hashFollowUpCode(code: string): Promise<string> {
  return hash(normaliseFollowUpCode(code) ?? code);
}

let decoy: Promise<string> | undefined;
export function decoyFollowUpHash(): Promise<string> {
  decoy ??= hash('0000000000000000');
  return decoy;
}

export async function followUpCodeMatches(storedHash: string, normalised: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalised);
  } catch {
    return false;
  }
}

/** Wrong codes for one complaint before it is locked, and for how long (no address is counted). */
export const FOLLOW_UP_LOCK_THRESHOLD = 5;
export const FOLLOW_UP_LOCK_MINUTES = 60;

export type LockState = { failedAttempts: number; lockedUntil: Date | null };

export function isLocked(state: LockState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function afterFailure(state: LockState, now: Date): LockState {
  const failedAttempts = state.failedAttempts + 1;
  if (failedAttempts >= FOLLOW_UP_LOCK_THRESHOLD)
    return { failedAttempts: 0, lockedUntil: new Date(now.getTime() + FOLLOW_UP_LOCK_MINUTES * 60_000) };
  return { failedAttempts, lockedUntil: state.lockedUntil };
}
