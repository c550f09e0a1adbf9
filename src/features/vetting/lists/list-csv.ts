import { parseCsvDate, readCsvTable } from '../../../kernel/csv-table.ts';

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

export const LIST_CSV_COLUMNS = [
  'source_id',
  'family_name',
  'given_name',
  'date_of_birth',
  'former_force',
  'rank',
  'identifiers',
  'reason',
  'listed_on',
] as const;
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

/** A date as YYYY-MM-DD or DD/MM/YYYY → ISO, or null when blank; an impossible date is an error. */
export function parseListDate(text: string): { iso: string | null } | { error: string } {
  const parsed = parseCsvDate(text);
  if (!('error' in parsed)) return parsed;
  return { error: parsed.error === 'format' ? 'use YYYY-MM-DD or DD/MM/YYYY' : 'is not a real date' };
}

export function parseListCsv(text: string, today: string): ListCsvResult {
  const table = readCsvTable(text, {
    columns: LIST_CSV_COLUMNS,
    required: REQUIRED_LIST_CSV_COLUMNS,
    maxRows: MAX_LIST_CSV_ROWS,
    noun: { one: 'entry', many: 'entries' },
  });
  if ('error' in table) return { entries: [], errors: [table.error] };
  const entries: ListCsvEntry[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, fieldCount, cell } of table.rows) {
    if (fieldCount > table.headerLength) {
      errors.push(`Line ${line}: ${fieldCount} fields but the header has ${table.headerLength}`);
      continue;
    }
    const problems: string[] = [];
    for (const c of REQUIRED_LIST_CSV_COLUMNS) if (!cell(c)) problems.push(`${c} is blank`);
    const sourceId = cell('source_id');
    if (sourceId && seen.has(sourceId))
      problems.push(`source_id "${sourceId}" is repeated (first on line ${seen.get(sourceId)})`);
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
      identifiers: cell('identifiers')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
      reason: cell('reason'),
      listedOn: 'iso' in listed ? listed.iso : null,
    });
  }
  return { entries, errors };
}
