import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { allTables } from './dashboard-sections.ts';
import type { DisclosedTable } from './disclosure-control.ts';
import { CSV_TYPE, tablesToXlsx, tableToCsv, XLSX_TYPE } from './exports.ts';
import { financialYearLabel, type PeriodQuery, type ReportingPeriod } from './period.ts';
import { returnsIn, returnsPeriod } from './statistical-returns.ts';
import { dashboardIn, dashboardPeriod } from './view-dashboard.ts';

export type ExportFile = { fileName: string; contentType: string; body: Buffer | string };
export type ExportRequest = { source: 'dashboard' | 'returns'; file: string; query: PeriodQuery };

/** `allegations-by-category.csv` → table and format; `all.xlsx` → every table of the source. */
function parseFileName(file: string): { table: string; format: 'csv' | 'xlsx' } {
  const match = /^([a-z0-9-]{1,80})\.(csv|xlsx)$/.exec(file);
  if (!match?.[1] || !match[2]) throw notFound('export');
  return { table: match[1], format: match[2] as 'csv' | 'xlsx' };
}

/**
 * A table of the dashboard or of the statistical returns as CSV or xlsx, disclosed exactly as the page shows
 * it (the same tables, from the same code), and the export recorded in the audit log in the same
 * transaction. `all.xlsx` is the workbook of every table; an unknown table is "not found".
 */
export async function exportTables(
  deps: Deps,
  principal: Principal | null,
  request: ExportRequest,
  requestId: string | null,
): Promise<ExportFile> {
  authorize(principal, 'oversight.dashboard');
  const { table, format } = parseFileName(request.file);
  if (table === 'all' && format === 'csv') throw notFound('export');
  const { today, period } =
    request.source === 'dashboard' ? dashboardPeriod(deps, request.query) : returnsPeriod(deps, request.query);
  return deps.db.transaction(async (tx) => {
    const tables: DisclosedTable[] =
      request.source === 'dashboard'
        ? allTables((await dashboardIn(deps, tx, principal, period, today)).sections)
        : await returnsIn(deps, tx, principal, period);
    const chosen = table === 'all' ? tables : tables.filter((t) => t.id === table);
    const first = chosen[0];
    if (!first) throw notFound('table');
    const name = `${principal.forceId}-${table === 'all' ? request.source : table}-${periodSlug(period)}`;
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'oversight', id: table },
      {
        type: 'oversight.exported',
        table: table === 'all' ? `${request.source} (all tables)` : table,
        format,
        period: `${period.label}, by date ${period.basis}`,
        suppressed: chosen.some((t) => t.controlled),
      },
    );
    if (format === 'csv') return { fileName: `${name}.csv`, contentType: CSV_TYPE, body: tableToCsv(first) };
    return { fileName: `${name}.xlsx`, contentType: XLSX_TYPE, body: await tablesToXlsx(chosen) };
  });
}

function periodSlug(p: ReportingPeriod): string {
  return `${financialYearLabel(p.fy).replace('/', '-')}${p.quarter ? `-q${p.quarter}` : ''}-${p.basis}`;
}
