import { z } from 'zod';
import { itemFields } from './recommendation-input.ts';
import type { OwnerBody, ReportItemKind } from './tracker-rules.ts';
import { ownerBodies } from '../../db/schema/index.ts';
import { parseCsvDate, readCsvTable } from '../../kernel/csv-table.ts';

/**
 * The CSV format for loading a report's items (documented in docs/recommendations.md). One header row, then
 * one item per row. Pure: text in, items or line-numbered errors out; the import writes nothing unless
 * there are no errors at all.
 *
 * | column     | required | meaning                                                                              |
 * |------------|----------|--------------------------------------------------------------------------------------|
 * | kind       | yes      | recommendation (or R) / area_for_improvement (or AFI)                                |
 * | number     | yes      | 1, 2, 3 … — numbered separately per kind, as the report numbers them                 |
 * | text       | yes      | the item's text                                                                      |
 * | owner_body | yes      | ChiefConstables, CollegeOfPolicing, HomeOffice, NPCC, IOPC, LocalPolicingBodies, Other |
 * | deadline   | no       | YYYY-MM-DD or DD/MM/YYYY                                                             |
 * | themes     | no       | tags separated by ";"                                                                |
 * | verified   | no       | yes / no: the text has been checked against the published report (default no)       |
 */

export const ITEM_CSV_COLUMNS = ['kind', 'number', 'text', 'owner_body', 'deadline', 'themes', 'verified'] as const;
const REQUIRED = ['kind', 'number', 'text', 'owner_body'] as const;
export const MAX_ITEM_CSV_ROWS = 2_000;

export type ItemCsvRow = {
  line: number;
  kind: ReportItemKind;
  number: number;
  text: string;
  ownerBody: OwnerBody;
  deadline: string | null;
  themes: string[];
  textVerified: boolean;
};
export type ItemCsvResult = { items: ItemCsvRow[]; errors: string[] };

const KINDS: Record<string, ReportItemKind> = {
  recommendation: 'recommendation',
  r: 'recommendation',
  area_for_improvement: 'area_for_improvement',
  'area for improvement': 'area_for_improvement',
  afi: 'area_for_improvement',
};
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

function date(text: string): { iso: string | null } | { error: string } {
  const parsed = parseCsvDate(text);
  return 'error' in parsed ? { error: 'deadline must be a real date as YYYY-MM-DD or DD/MM/YYYY' } : parsed;
}

const rowSchema = z.object({ number: itemFields.number, text: itemFields.text, themes: itemFields.themes });

export function parseItemsCsv(text: string): ItemCsvResult {
  const table = readCsvTable(text, {
    columns: ITEM_CSV_COLUMNS,
    required: REQUIRED,
    maxRows: MAX_ITEM_CSV_ROWS,
    noun: { one: 'item', many: 'items' },
  });
  if ('error' in table) return { items: [], errors: [table.error] };
  const items: ItemCsvRow[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  for (const { line, cell } of table.rows) {
    const problems: string[] = [];
    const kind = KINDS[cell('kind').toLowerCase()];
    if (!kind) problems.push('kind must be recommendation or area_for_improvement');
    const ownerBody = ownerBodies.find((b) => b.toLowerCase() === cell('owner_body').toLowerCase());
    if (!ownerBody) problems.push(`owner_body must be one of ${ownerBodies.join(', ')}`);
    const deadline = date(cell('deadline'));
    if ('error' in deadline) problems.push(deadline.error);
    const verifiedText = cell('verified').toLowerCase();
    if (!YES.has(verifiedText) && !NO.has(verifiedText)) problems.push('verified must be yes or no');
    const parsed = rowSchema.safeParse({
      number: cell('number'),
      text: cell('text'),
      themes: cell('themes').split(/[;|]/),
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.push(
          issue.message
            .replace(/^The /, '')
            .replace(/^Enter the text of the item$/, 'text is empty')
            .replace(/^Enter the item’s number$/, 'number is missing'),
        );
    if (kind && parsed.success) {
      const key = `${kind}:${parsed.data.number}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push(`${kind.replaceAll('_', ' ')} ${parsed.data.number} is also on line ${earlier}`);
      else seen.set(key, line);
    }
    if (problems.length > 0 || !kind || !ownerBody || 'error' in deadline || !parsed.success) {
      errors.push(`Line ${line}: ${problems.join('; ')}`);
      continue;
    }
    items.push({
      line,
      kind,
      number: parsed.data.number,
      text: parsed.data.text,
      ownerBody,
      deadline: deadline.iso,
      themes: parsed.data.themes,
      textVerified: YES.has(verifiedText),
    });
  }
  return { items, errors };
}
