import type { Deps } from '../../app/deps.ts';
import { notFound } from '../../lib/errors.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { contentOf, openReport, proofCodeOf, type ReportContent } from './report-content.ts';
import { filesOf, findVisibleReport, messagesOf, type FileSummary, type ReportRow } from './reports.repository.ts';

export type ReportView = {
  report: Pick<
    ReportRow,
    'id' | 'category' | 'status' | 'receivedOn' | 'acknowledgedOn' | 'statusOn' | 'anonymous' | 'version'
  >;
  content: ReportContent;
  proofCode: string;
  messages: {
    id: string;
    kind: 'from_reporter' | 'to_reporter' | 'note';
    body: string;
    sentOn: string;
    authorId: string | null;
  }[];
  files: (Omit<FileSummary, 'fileName'> & { fileName: string })[];
};

/**
 * One report as the confidential unit reads it: the text, the conversation with the internal notes, the
 * files and the proof code. The identity given in confidence is never part of it. The read is audited.
 */
export async function viewReport(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  requestId: string | null,
): Promise<ReportView> {
  authorize(principal, 'report.read');
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw notFound('report');
  return deps.db.transaction(async (tx) => {
    const row = await findVisibleReport(tx, principal, reportId);
    if (!row) throw notFound('report');
    const opened = openReport(deps.config.reporting, row);
    const messages = (await messagesOf(tx, row.forceId, row.id)).map((m) => ({
      id: m.id,
      kind: m.kind,
      body: opened.open(`message:${m.id}`, m.body),
      sentOn: m.sentOn,
      authorId: m.authorId,
    }));
    const files = (await filesOf(tx, row.forceId, row.id)).map((f) => ({
      ...f,
      fileName: opened.open(`file-name:${f.id}`, f.fileName),
    }));
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.viewed', reportId: row.id },
    );
    return {
      report: {
        id: row.id,
        category: row.category,
        status: row.status,
        receivedOn: row.receivedOn,
        acknowledgedOn: row.acknowledgedOn,
        statusOn: row.statusOn,
        anonymous: row.anonymous,
        version: row.version,
      },
      content: contentOf(opened),
      proofCode: proofCodeOf(opened.master, row.id, row.receivedOn),
      messages,
      files,
    };
  });
}
