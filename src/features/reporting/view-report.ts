import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import {
  contentOf,
  identitySchema,
  openReport,
  proofCodeOf,
  type ReportContent,
  type ReportIdentity,
} from './report-content.ts';
import type { ReportClock } from './rules/report-clocks.ts';
import { reportClockViews } from './report-clock-views.ts';
import { revealsOf } from './report-reveals.repository.ts';
import {
  filesOf,
  findVisibleReport,
  messagesOf,
  namesOf,
  unitMembersOf,
  type FileSummary,
  type ReportRow,
  type UnitMember,
} from './reports.repository.ts';
import { reportPolicy } from './report.policy.ts';

export type RevealView = {
  id: string;
  requestedBy: string;
  requestedByName: string;
  reason: string;
  requestedOn: string;
  decision: 'approved' | 'refused' | null;
  decidedByName: string | null;
  decisionReason: string | null;
  decidedOn: string | null;
};

export type ReportView = {
  report: Pick<
    ReportRow,
    | 'id'
    | 'category'
    | 'status'
    | 'receivedOn'
    | 'acknowledgedOn'
    | 'statusOn'
    | 'anonymous'
    | 'version'
    | 'assignedTo'
    | 'feedbackOn'
    | 'retaliationFlags'
    | 'retaliationFlaggedOn'
    | 'identityRevealedOn'
  >;
  assignedName: string | null;
  content: ReportContent;
  proofCode: string;
  clocks: ReportClock[];
  members: UnitMember[];
  /** The identity given in confidence: only once a custodian has approved a request to reveal it. */
  identity: ReportIdentity | null;
  reveals: RevealView[];
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
 * files, the proof code, its clocks, its assignment and the requests to reveal the reporter's identity. The
 * identity given in confidence is part of it only once revealed with a custodian's approval (that view is
 * audited on its own as well). The read is audited.
 */
export async function viewReport(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  requestId: string | null,
  /** False for a page that does not show the identity (the open-case form): it is then neither opened nor audited. */
  o: { identity?: boolean } = {},
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
    const revealRows = await revealsOf(tx, row.forceId, row.id);
    const names = await namesOf(tx, row.forceId, [
      ...new Set(
        [row.assignedTo, ...revealRows.flatMap((r) => [r.requestedBy, r.decidedBy])].filter((x): x is string => !!x),
      ),
    ]);
    const reveals = revealRows.map((r) => ({
      id: r.id,
      requestedBy: r.requestedBy,
      requestedByName: names.get(r.requestedBy) ?? 'A former member',
      reason: opened.open(`reveal-reason:${r.id}`, r.reason),
      requestedOn: r.requestedOn,
      decision: r.decision,
      decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? 'A former member') : null,
      decisionReason: r.decisionReason ? opened.open(`reveal-decision:${r.id}`, r.decisionReason) : null,
      decidedOn: r.decidedOn,
    }));
    const identity =
      o.identity !== false && row.identityRevealedOn && row.identity
        ? identitySchema.parse(JSON.parse(opened.open('identity', row.identity)))
        : null;
    const actor = actorOf(principal, requestId);
    await recordAudit(tx, actor, { type: 'report', id: row.id }, { type: 'report.viewed', reportId: row.id });
    if (identity)
      await recordAudit(
        tx,
        actor,
        { type: 'report', id: row.id },
        { type: 'report.identity_viewed', reportId: row.id },
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
        assignedTo: row.assignedTo,
        feedbackOn: row.feedbackOn,
        retaliationFlags: row.retaliationFlags,
        retaliationFlaggedOn: row.retaliationFlaggedOn,
        identityRevealedOn: row.identityRevealedOn,
      },
      assignedName: row.assignedTo ? (names.get(row.assignedTo) ?? 'A former member') : null,
      content: contentOf(opened),
      proofCode: proofCodeOf(opened.master, row.id, row.receivedOn),
      clocks: (await reportClockViews(tx, deps, row.forceId, [row], ukToday(deps.now()))).get(row.id) ?? [],
      members: await unitMembersOf(tx, row.forceId, reportPolicy.assigneeRoles()),
      identity,
      reveals,
      messages,
      files,
    };
  });
}
