import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  decoyReceiptHash,
  generateReceipt,
  hashReceiptSecret,
  isLocked,
  parseReceipt,
  RECEIPT_LOCK_THRESHOLD,
  RECEIPT_SECRET_BITS,
  receiptMatches,
} from './receipt.ts';

describe('the receipt', () => {
  it('is five groups of four unambiguous characters, with at least 80 secret bits', () => {
    const receipt = generateReceipt();
    expect(receipt.text).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(RECEIPT_SECRET_BITS).toBeGreaterThanOrEqual(80);
    expect(receipt.lookup).toBe(receipt.text.slice(0, 4));
    expect(receipt.secret).toHaveLength(16);
    expect(generateReceipt().text).not.toBe(receipt.text);
  });

  it('is read back generously: case, spaces and dashes, O for 0 and I or L for 1', () => {
    const receipt = parseReceipt('ab01-2345-6789-ABCD-EFGH')!;
    expect(parseReceipt('  abo1 2345 6789abcd-efgh ')).toEqual(receipt);
    expect(parseReceipt('AB0I-2345-6789-ABCD-EFGH')).toEqual(parseReceipt('AB01-2345-6789-ABCD-EFGH'));
    expect(parseReceipt('AB0L-2345-6789-ABCD-EFGH')).toEqual(parseReceipt('AB01-2345-6789-ABCD-EFGH'));
    expect(parseReceipt('AB01-2345-6789-ABCD')).toBeNull();
    expect(parseReceipt('AB01-2345-6789-ABCD-EFGU')).toBeNull();
    expect(parseReceipt('')).toBeNull();
  });

  it('keeps only a slow salted hash of the secret, which a wrong secret does not match', async () => {
    const receipt = generateReceipt();
    const stored = await hashReceiptSecret(receipt.secret);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain(receipt.secret);
    expect(await receiptMatches(stored, receipt.secret)).toBe(true);
    expect(await receiptMatches(stored, generateReceipt().secret)).toBe(false);
    expect(await receiptMatches(await decoyReceiptHash(), receipt.secret)).toBe(false);
    expect(await receiptMatches('not a hash', receipt.secret)).toBe(false);
  });

  it('locks a report after repeated wrong receipts, for an hour, counting no address', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < RECEIPT_LOCK_THRESHOLD; i += 1) {
      state = afterFailure(state, now);
      expect(isLocked(state, now)).toBe(false);
    }
    state = afterFailure(state, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, new Date('2026-03-02T10:59:59Z'))).toBe(true);
    expect(isLocked(state, new Date('2026-03-02T11:00:00Z'))).toBe(false);
    expect(Object.keys(state).sort()).toEqual(['failedAttempts', 'lockedUntil']);
  });
});
