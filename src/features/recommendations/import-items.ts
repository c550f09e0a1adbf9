import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { changedFields } from './edit-item.ts';
import { parseItemsCsv } from './items-csv.ts';
import { findItemByNumber, findReport, insertItem, updateItem } from './reports.repository.ts';
import { ownsReport } from './report-ownership.ts';

export type ImportSummary = { lines: number; added: number; updated: number; unchanged: number };

/** The most a CSV upload may hold, in bytes: far more than any report's list of items. */
export const MAX_ITEM_CSV_BYTES = 2 * 1024 * 1024;

/**
 * Loads a report's items from CSV, all or nothing: any bad line refuses the whole file with every problem
 * listed by line number. Keyed by (report, kind, number), so importing the same file again changes nothing,
 * and a corrected file updates the items whose fields differ. The national items are the report owner's to
 * load: another force is answered 404 (report-ownership.ts).
 */
export async function importItems(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  upload: { csv: unknown; tooLarge?: boolean },
  requestId: string | null,
): Promise<ImportSummary> {
  authorize(principal, 'recommendation.verify', 'report');
  if (!z.string().uuid().safeParse(reportId).success) throw notFound('report');
  const csv = upload.csv;
  if (upload.tooLarge || (typeof csv === 'string' && Buffer.byteLength(csv) > MAX_ITEM_CSV_BYTES))
    throw new AppError('validation', 'Check the file', { file: 'The file must be smaller than 2 MB' });
  if (typeof csv !== 'string' || csv.trim() === '')
    throw new AppError('validation', 'Check the file', { file: 'Choose a CSV file of the report’s items' });
  const parsed = parseItemsCsv(csv);
  if (parsed.errors.length > 0) {
    const shown = parsed.errors.slice(0, 20);
    const more = parsed.errors.length - shown.length;
    throw new AppError(
      'validation',
      `The file was not imported: ${parsed.errors.length} ${parsed.errors.length === 1 ? 'line has a problem' : 'lines have problems'}`,
      {
        file: [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n'),
      },
    );
  }
  return deps.db.transaction(async (tx) => {
    const report = await findReport(tx, reportId, true);
    if (!report || !ownsReport(principal, report)) throw notFound('report');
    const summary: ImportSummary = { lines: parsed.items.length, added: 0, updated: 0, unchanged: 0 };
    const at = deps.now();
    for (const item of parsed.items) {
      const values = {
        kind: item.kind,
        number: item.number,
        text: item.text,
        ownerBody: item.ownerBody,
        deadline: item.deadline,
        themes: item.themes,
        textVerified: item.textVerified,
      };
      const existing = await findItemByNumber(tx, principal.forceId, report.id, item.kind, item.number, true);
      if (!existing) {
        await insertItem(tx, { reportId: report.id, ...values, createdAt: at, updatedAt: at });
        summary.added++;
      } else if (changedFields(existing, values).length > 0) {
        await updateItem(tx, existing, values, at);
        summary.updated++;
      } else summary.unchanged++;
    }
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'inspection_report', id: report.id },
      { type: 'recommendation.items_imported', reportId: report.id, ...summary },
    );
    return summary;
  });
}
