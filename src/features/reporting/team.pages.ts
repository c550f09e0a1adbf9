import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { sendDownload } from '../../kernel/downloads.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { acknowledgeReport } from './acknowledge-report.ts';
import { addReportMessage } from './add-report-message.ts';
import { listReports } from './list-reports.ts';
import { readReportFile } from './read-report-file.ts';
import { CATEGORY_LABELS, HOW_KNOWN_LABELS, STATUS_FOR_REPORTER, STATUS_LABELS } from './report-content.ts';
import { SETTABLE_STATUSES, CLOSED_STATUSES } from './report-rules.ts';
import { setReportStatus } from './set-report-status.ts';
import { viewReport } from './view-report.ts';
import { assignReport } from './assign-report.ts';
import { flagRetaliation } from './flag-retaliation.ts';
import { decideIdentityReveal, requestIdentityReveal } from './identity-reveal.ts';
import { viewReportStatistics } from './view-report-statistics.ts';
import { casePolicy } from '../misconduct/index.ts';
import { reportPolicy } from './report.policy.ts';

type Id = { Params: { reportId: string } };
type Post = Id & { Body: FormBody };

const FLASH: Record<string, string> = {
  acknowledged: 'Report acknowledged: the reporter now reads “Acknowledged”',
  status: 'Status changed',
  message: 'Message sent: the reporter reads it when they next open the report with their receipt',
  note: 'Internal note added',
  case: 'Conduct case opened: the reporter now reads “A case has been opened.”; its reference is in an internal note',
  assigned: 'Assignment changed',
  retaliation: 'Suspected retaliation flagged: the report is highlighted in the inbox',
  revealRequested: 'Request recorded: a second custodian must approve it before the identity is shown',
  revealApproved: 'Identity revealed: the reporter will read on their follow-up page that it was revealed',
  revealRefused: 'Request refused: the identity stays sealed',
};

/** The confidential unit's pages: the inbox, a report, and its actions. Every read is audited by the use case. */
export function registerTeamPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/reports', pre, async (request, reply) => {
    const rows = await listReports(deps, principalOf(request), request.id);
    return reply.page('reporting/views/inbox.njk', {
      pageTitle: 'Confidential reports',
      rows,
      flagged: rows.filter((r) => r.retaliationFlags > 0).length,
      overdue: rows.filter((r) => r.clocks.some((c) => c.state === 'overdue')).length,
      categoryLabels: CATEGORY_LABELS,
      statusLabels: STATUS_LABELS,
    });
  });

  app.get('/reports/statistics', pre, async (request, reply) => {
    const stats = await viewReportStatistics(deps, principalOf(request), request.id);
    return reply.page('reporting/views/statistics.njk', { pageTitle: 'Confidential reports: statistics', ...stats });
  });

  const show = async (
    request: FastifyRequest<Id & { Querystring: { done?: string } }>,
    reply: FastifyReply,
    extra: { fields?: Record<string, string>; values?: Record<string, unknown> } = {},
  ) => {
    const view = await viewReport(deps, principalOf(request), request.params.reportId, request.id);
    const flash = request.query.done ? FLASH[request.query.done] : undefined;
    const principal = principalOf(request);
    const pending = view.reveals.find((r) => r.decision === null);
    return reply.page('reporting/views/report.njk', {
      pageTitle: `Confidential report received ${view.report.receivedOn}`,
      ...view,
      closed: CLOSED_STATUSES.includes(view.report.status),
      acknowledgeable: view.report.status === 'received',
      mayOpenCase: casePolicy.create(principal),
      pending,
      mayRequestReveal: !view.report.anonymous && !view.report.identityRevealedOn && !pending,
      mayDecideReveal: !!pending && reportPolicy.decideReveal(principal, pending),
      memberItems: [
        { value: '', text: 'Nobody', selected: !view.report.assignedTo },
        ...view.members.map((m) => ({ value: m.id, text: m.displayName, selected: m.id === view.report.assignedTo })),
      ],
      statusItems: SETTABLE_STATUSES.filter((s) => s !== view.report.status).map((s) => ({
        value: s,
        text: STATUS_LABELS[s],
      })),
      categoryLabels: CATEGORY_LABELS,
      howKnownLabels: HOW_KNOWN_LABELS,
      statusLabels: STATUS_LABELS,
      reporterReads: STATUS_FOR_REPORTER[view.report.status],
      flash,
      fields: extra.fields ?? {},
      values: extra.values ?? {},
      errors: extra.fields ? errorSummary(extra.fields, []) : [],
    });
  };

  app.get<Id & { Querystring: { done?: string } }>('/reports/:reportId', pre, (request, reply) => show(request, reply));

  /** A post that fails validation shows the report again with the message beside the field. */
  const action =
    (done: string, run: (request: FastifyRequest<Post>) => Promise<unknown>, rename: Record<string, string> = {}) =>
    async (request: FastifyRequest<Post>, reply: FastifyReply) => {
      try {
        await run(request);
        return reply.redirect(`/reports/${request.params.reportId}?done=${done}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
        const asQuery = request as unknown as FastifyRequest<Id & { Querystring: { done?: string } }>;
        const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [rename[k] ?? k, v]));
        return show(asQuery, reply.code(400), { fields, values: request.body });
      }
    };
  const fieldsOf = (request: FastifyRequest<Post>) => ({
    version: first(request.body['version']),
    body: first(request.body['body']),
    status: first(request.body['status']),
    feedback: first(request.body['feedback']),
    assignedTo: first(request.body['assignedTo']),
    reason: first(request.body['reason']),
    requestId: first(request.body['requestId']),
    decision: first(request.body['decision']),
  });

  app.post<Post>(
    '/reports/:reportId/acknowledge',
    pre,
    action('acknowledged', (r) => acknowledgeReport(deps, principalOf(r), r.params.reportId, fieldsOf(r), r.id)),
  );
  app.post<Post>(
    '/reports/:reportId/status',
    pre,
    action('status', (r) => setReportStatus(deps, principalOf(r), r.params.reportId, fieldsOf(r), r.id)),
  );
  app.post<Post>(
    '/reports/:reportId/messages',
    pre,
    action('message', (r) =>
      addReportMessage(deps, principalOf(r), r.params.reportId, 'to_reporter', fieldsOf(r), r.id),
    ),
  );
  app.post<Post>(
    '/reports/:reportId/notes',
    pre,
    action('note', (r) => addReportMessage(deps, principalOf(r), r.params.reportId, 'note', fieldsOf(r), r.id)),
  );

  app.post<Post>(
    '/reports/:reportId/assign',
    pre,
    action('assigned', (r) => assignReport(deps, principalOf(r), r.params.reportId, fieldsOf(r), r.id)),
  );
  app.post<Post>(
    '/reports/:reportId/retaliation',
    pre,
    action(
      'retaliation',
      (r) =>
        flagRetaliation(
          deps,
          principalOf(r),
          r.params.reportId,
          { ...fieldsOf(r), body: first(r.body['retaliation']) },
          r.id,
        ),
      { body: 'retaliation' },
    ),
  );
  app.post<Post>(
    '/reports/:reportId/identity/request',
    pre,
    action('revealRequested', (r) => requestIdentityReveal(deps, principalOf(r), r.params.reportId, fieldsOf(r), r.id)),
  );
  app.post<Post>('/reports/:reportId/identity/decide', pre, async (request, reply) => {
    const done = first(request.body['decision']) === 'approved' ? 'revealApproved' : 'revealRefused';
    return action(done, (r) => decideIdentityReveal(deps, principalOf(r), r.params.reportId, fieldsOf(r), r.id))(
      request,
      reply,
    );
  });

  app.get<{ Params: { reportId: string; fileId: string } }>(
    '/reports/:reportId/files/:fileId',
    pre,
    async (request, reply) => {
      const file = await readReportFile(
        deps,
        principalOf(request),
        request.params.reportId,
        request.params.fileId,
        request.id,
      );
      return sendDownload(reply, { fileName: file.fileName, mediaType: file.contentType, content: file.content });
    },
  );
}
