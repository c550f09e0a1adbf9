import type { IsoDate } from '../../kernel/time/dates.ts';

/**
 * Dates in a source's own format. A format is made of YYYY, MM, M, DD, D and literal separators. A format
 * without a day (YYYY-MM, the month granularity some sources publish) means the FIRST day of that month,
 * and one without a month the first of January: the earliest day the source allows, documented in
 * docs/import.md. Impossible dates (31/02/2020) are refused, never rolled over.
 */
export type DateParser = (text: string) => IsoDate | null;

const TOKENS: Record<string, { pattern: string; part: 'year' | 'month' | 'day' | 'yy' }> = {
  YYYY: { pattern: '(\\d{4})', part: 'year' },
  /** Two-digit year: 00–68 are 2000–2068, 69–99 are 1969–1999 (the POSIX strptime pivot). */
  YY: { pattern: '(\\d{2})', part: 'yy' },
  MM: { pattern: '(\\d{2})', part: 'month' },
  M: { pattern: '(\\d{1,2})', part: 'month' },
  DD: { pattern: '(\\d{2})', part: 'day' },
  D: { pattern: '(\\d{1,2})', part: 'day' },
};

export function compileDateFormat(format: string): DateParser {
  const parts: ('year' | 'month' | 'day' | 'yy')[] = [];
  let pattern = '';
  for (const token of format.match(/YYYY|YY|MM|M|DD|D|[^A-Za-z]/g) ?? []) {
    const t = TOKENS[token];
    if (t) {
      parts.push(t.part);
      pattern += t.pattern;
    } else {
      pattern += token.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  const regex = new RegExp(`^${pattern}$`);
  return (text) => {
    const m = regex.exec(text);
    if (!m) return null;
    const value = (part: 'year' | 'month' | 'day' | 'yy') => {
      const i = parts.indexOf(part);
      return i === -1 ? null : Number(m[i + 1]);
    };
    const yy = value('yy');
    const year = value('year') ?? (yy === null ? null : yy <= 68 ? 2000 + yy : 1900 + yy);
    if (year === null) return null;
    return isoDate(year, value('month') ?? 1, value('day') ?? 1);
  };
}

/** The first format that reads the text, or null. */
export function compileDateFormats(formats: readonly string[]): DateParser {
  const parsers = formats.map(compileDateFormat);
  return (text) => {
    for (const parse of parsers) {
      const found = parse(text);
      if (found) return found;
    }
    return null;
  };
}

function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
