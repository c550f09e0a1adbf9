import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { openReport } from './report-content.ts';
import { openBytes } from './report-crypto.ts';
import { findFile, findVisibleReport } from './reports.repository.ts';

/** A file of a report, decrypted for the confidential unit (its metadata was removed on receipt). Audited. */
export async function readReportFile(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  fileId: string,
  requestId: string | null,
): Promise<{ fileName: string; contentType: string; content: Buffer }> {
  authorize(principal, 'report.read');
  if (!/^[0-9a-f-]{36}$/i.test(reportId) || !/^[0-9a-f-]{36}$/i.test(fileId)) throw notFound('file');
  return deps.db.transaction(async (tx) => {
    const row = await findVisibleReport(tx, principal, reportId);
    const file = row ? await findFile(tx, row.forceId, row.id, fileId) : undefined;
    if (!row || !file) throw notFound('file');
    const opened = openReport(deps.config.reporting, row);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.file_read', reportId: row.id, fileId: file.id },
    );
    return {
      fileName: opened.open(`file-name:${file.id}`, file.fileName),
      contentType: file.contentType,
      content: openBytes(opened.key, row.id, `file:${file.id}`, file.content),
    };
  });
}
