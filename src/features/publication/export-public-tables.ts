import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { allTables } from '../oversight/index.ts';
import { CSV_TYPE, tablesToXlsx, tableToCsv, XLSX_TYPE } from '../oversight/index.ts';
import type { ExportFile } from '../oversight/index.ts';
import { financialYearLabel, type PeriodQuery } from '../oversight/index.ts';
import { viewPublicPage } from './public-page.ts';

/**
 * The public page's open data as CSV or a spreadsheet: exactly the tables the page shows (the same use case,
 * so the same disclosure control). Public data: no sign-in and nothing to audit.
 */
export async function exportPublicTables(
  deps: Deps,
  forceId: string,
  file: string,
  query: PeriodQuery,
): Promise<ExportFile> {
  const match = /^([a-z0-9-]{1,80})\.(csv|xlsx)$/.exec(file);
  if (!match?.[1] || !match[2]) throw notFound('file');
  const [, table, format] = match;
  const page = await viewPublicPage(deps, forceId, query);
  const tables = allTables(page.sections);
  const chosen = table === 'all' && format === 'xlsx' ? tables : tables.filter((t) => t.id === table);
  const firstTable = chosen[0];
  if (!firstTable) throw notFound('file');
  const name = `${forceId}-${table}-${financialYearLabel(page.period.fy).replace('/', '-')}${page.period.quarter ? `-q${page.period.quarter}` : ''}-${page.period.basis}`;
  if (format === 'csv') return { fileName: `${name}.csv`, contentType: CSV_TYPE, body: tableToCsv(firstTable) };
  return { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body: await tablesToXlsx(chosen) };
}
