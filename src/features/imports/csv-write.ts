import type { Writable } from 'node:stream';
import { once } from 'node:events';

/**
 * Writing CSV (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled). A field
 * that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with an apostrophe, so an
 * export opened in a spreadsheet cannot execute anything (OWASP CSV injection).
 */
export function csvField(value: unknown): string {
  let text = asText(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(asText).join(';');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvField).join(',')}\n`;
}

/** Writes and waits when the stream asks to (memory stays flat however many rows go out). */
export async function writeWithBackpressure(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
