import { parse } from 'csv-parse/sync';

/**
 * The CSV format of a national barred or advisory list file (documented in docs/vetting.md). One header
 * row, then one entry per row. Pure: the text goes in, entries or line-numbered errors come out, and the
 * caller imports nothing unless there are no errors at all.
 *
 * | column        | required | meaning                                                              |
 * |---------------|----------|----------------------------------------------------------------------|
 * | source_id     | yes      | the list's own reference for the entry; makes a re-import idempotent |
 * | family_name   | yes      |                                                                      |
 * | given_name    | yes      |                                                                      |
 * | date_of_birth | no       | YYYY-MM-DD or DD/MM/YYYY                                             |
 * | former_force  | no       |                                                                      |
 * | rank          | no       |                                                                      |
 * | identifiers   | no       | warrant, collar or staff numbers, separated by ";"                   |
 * | reason        | no       | e.g. "Dismissed: gross misconduct (honesty and integrity)"           |
 * | listed_on     | no       | YYYY-MM-DD or DD/MM/YYYY                                             |
 */

export const LIST_CSV_COLUMNS = ['source_id', 'family_name', 'given_name', 'date_of_birth', 'former_force', 'rank', 'identifiers', 'reason', 'listed_on'] as const;
export const REQUIRED_LIST_CSV_COLUMNS = ['source_id', 'family_name', 'given_name'] as const;
export const MAX_LIST_CSV_ROWS = 100_000;

export type ListCsvEntry = {
  line: number;
  sourceId: string;
  familyName: string;
  givenName: string;
  dateOfBirth: string | null;
  formerForce: string;
  rank: string;
  identifiers: string[];
  reason: string;
  listedOn: string | null;
};

export type ListCsvResult = { entries: ListCsvEntry[]; errors: string[] };

type Column = (typeof LIST_CSV_COLUMNS)[number];

/** A date as YYYY-MM-DD or DD/MM/YYYY → ISO, or null when blank; an impossible date is an error. */
export function parseListDate(text: string): { iso: string | null } | { error: string } {
  const t = text.trim();
  if (!t) return { iso: null };
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = uk ? `${uk[3]}-${(uk[2] ?? '').padStart(2, '0')}-${(uk[1] ?? '').padStart(2, '0')}` : t;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return { error: 'use YYYY-MM-DD or DD/MM/YYYY' };
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) return { error: 'is not a real date' };
  return { iso };
}

export function parseListCsv(text: string, today: string): ListCsvResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    return { entries: [], errors: [`Line ${e.lines ?? 1}: the file is not valid CSV (${(e.message ?? 'unreadable').replace(/ at line \d+$/, '').replace(/ on line \d+$/, '')})`] };
  }
  const [header, ...rows] = records;
  if (!header) return { entries: [], errors: ['The file is empty: it needs a header row and at least one entry'] };
  const names = header.record.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const missing = REQUIRED_LIST_CSV_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) return { entries: [], errors: [`Line ${header.info.lines}: the header row must name the columns ${missing.join(', ')} (found: ${names.join(', ') || 'nothing'})`] };
  if (rows.length === 0) return { entries: [], errors: ['The file has a header row but no entries'] };
  if (rows.length > MAX_LIST_CSV_ROWS) return { entries: [], errors: [`The file has ${rows.length} entries; at most ${MAX_LIST_CSV_ROWS} can be imported at once`] };

  const index = new Map<Column, number>(LIST_CSV_COLUMNS.map((c) => [c, names.indexOf(c)]));
  const entries: ListCsvEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const cell = (c: Column) => {
      const i = index.get(c) ?? -1;
      return i >= 0 ? (record[i] ?? '').trim() : '';
    };
    if (record.length > names.length) {
      errors.push(`Line ${line}: ${record.length} fields but the header has ${names.length}`);
      continue;
    }
    const problems: string[] = [];
    for (const c of REQUIRED_LIST_CSV_COLUMNS) if (!cell(c)) problems.push(`${c} is blank`);
    const sourceId = cell('source_id');
    if (sourceId && seen.has(sourceId)) problems.push(`source_id "${sourceId}" is repeated (first on line ${seen.get(sourceId)})`);
    else if (sourceId) seen.set(sourceId, line);
    if (sourceId.length > 200) problems.push('source_id is longer than 200 characters');
    const dob = parseListDate(cell('date_of_birth'));
    if ('error' in dob) problems.push(`date_of_birth "${cell('date_of_birth')}" ${dob.error}`);
    else if (dob.iso && dob.iso > today) problems.push('date_of_birth is in the future');
    const listed = parseListDate(cell('listed_on'));
    if ('error' in listed) problems.push(`listed_on "${cell('listed_on')}" ${listed.error}`);
    if (problems.length > 0) {
      errors.push(`Line ${line}: ${problems.join('; ')}`);
      continue;
    }
    entries.push({
      line,
      sourceId,
      familyName: cell('family_name'),
      givenName: cell('given_name'),
      dateOfBirth: 'iso' in dob ? dob.iso : null,
      formerForce: cell('former_force'),
      rank: cell('rank'),
      identifiers: cell('identifiers').split(';').map((s) => s.trim()).filter(Boolean),
      reason: cell('reason'),
      listedOn: 'iso' in listed ? listed.iso : null,
    });
  }
  return { entries, errors };
}
