import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { reportCategories, reportMessageKinds, reportStatuses } from '../../db/schema/reporting.ts';
import { acknowledgeReport, acknowledgeInput } from './acknowledge-report.ts';
import { addReportMessage, messageInput } from './add-report-message.ts';
import { listReports } from './list-reports.ts';
import { openCaseFromReport, openCaseFromReportInput } from './open-case-from-report.ts';
import { setReportStatus, statusInput } from './set-report-status.ts';
import { viewReport } from './view-report.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const day = z.string();
const summary = z.object({
  id: z.string(),
  category: z.enum(reportCategories),
  status: z.enum(reportStatuses),
  receivedOn: day,
  acknowledgedOn: day.nullable(),
  anonymous: z.boolean(),
  feedbackOn: day.nullable(),
  assignedTo: z.string().nullable(),
  retaliationFlags: z.number().int(),
  retaliationFlaggedOn: day.nullable(),
});
const clock = z.object({
  period: z.string(),
  label: z.string(),
  dueOn: day,
  metOn: day.nullable(),
  state: z.string(),
  late: z.boolean(),
  mark: z.string(),
  source: z.string(),
});
const detail = summary.extend({
  statusOn: day,
  identityRevealedOn: day.nullable(),
  clocks: z.array(clock),
  identity: z.object({ name: z.string(), role: z.string(), contact: z.string() }).nullable(),
  revealRequests: z.array(
    z.object({
      id: z.string(),
      requestedBy: z.string(),
      reason: z.string(),
      requestedOn: day,
      decision: z.enum(['approved', 'refused']).nullable(),
      decisionReason: z.string().nullable(),
      decidedOn: day.nullable(),
    }),
  ),
  version: z.number().int(),
  proofCode: z.string(),
  content: z.object({
    whatHappened: z.string(),
    who: z.string(),
    when: z.string(),
    where: z.string(),
    howKnown: z.string(),
    howKnownDetail: z.string(),
  }),
  messages: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(reportMessageKinds),
      body: z.string(),
      sentOn: day,
      authorId: z.string().nullable(),
    }),
  ),
  files: z.array(
    z.object({
      id: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      byteSize: z.number().int(),
      metadataStripped: z.boolean(),
      receivedOn: day,
    }),
  ),
});

/**
 * /api/v1/reports: the confidential unit's inbox and reports through the same use cases as the pages.
 * 401 without a token; 404 for anyone without the confidential-reporting role, and for another force's report.
 */
export function registerReportsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['confidential reports'];
  const params = z.object({ reportId: z.string() });

  api.get(
    '/api/v1/reports',
    {
      ...pre,
      schema: {
        tags,
        summary: 'The confidential unit’s inbox (no text); audited',
        response: { 200: z.object({ items: z.array(summary.extend({ clocks: z.array(clock) })) }), ...errors },
      },
    },
    async (request) => {
      const rows = await listReports(deps, principalOf(request), request.id);
      return { items: rows.map(({ fromReporter: _n, assignedName: _a, ...r }) => r) };
    },
  );

  api.get(
    '/api/v1/reports/:reportId',
    {
      ...pre,
      schema: {
        tags,
        summary: 'One report with its conversation and internal notes; audited',
        params,
        response: { 200: detail, ...errors },
      },
    },
    async (request) => {
      const view = await viewReport(deps, principalOf(request), request.params.reportId, request.id);
      return {
        ...view.report,
        clocks: view.clocks,
        identity: view.identity,
        revealRequests: view.reveals.map(({ requestedByName: _r, decidedByName: _d, ...r }) => r),
        proofCode: view.proofCode,
        content: view.content,
        messages: view.messages,
        files: view.files,
      };
    },
  );

  const ok = { 200: z.object({ ok: z.literal(true) }), ...errors };

  api.post(
    '/api/v1/reports/:reportId/acknowledge',
    {
      ...pre,
      schema: { tags, summary: 'Acknowledge a received report', params, body: acknowledgeInput, response: ok },
    },
    async (request) => {
      await acknowledgeReport(deps, principalOf(request), request.params.reportId, request.body, request.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/reports/:reportId/status',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Move a report on: in progress, no action or referred',
        params,
        body: statusInput,
        response: ok,
      },
    },
    async (request) => {
      await setReportStatus(deps, principalOf(request), request.params.reportId, request.body, request.id);
      return { ok: true as const };
    },
  );

  const created = { 201: z.object({ id: z.string() }), ...errors };

  api.post(
    '/api/v1/reports/:reportId/messages',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Write to the reporter (read with their receipt)',
        params,
        body: messageInput,
        response: created,
      },
    },
    async (request, reply) => {
      const out = await addReportMessage(
        deps,
        principalOf(request),
        request.params.reportId,
        'to_reporter',
        request.body,
        request.id,
      );
      return reply.code(201).send(out);
    },
  );

  api.post(
    '/api/v1/reports/:reportId/notes',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Add an internal note the reporter never sees',
        params,
        body: messageInput,
        response: created,
      },
    },
    async (request, reply) => {
      const out = await addReportMessage(
        deps,
        principalOf(request),
        request.params.reportId,
        'note',
        request.body,
        request.id,
      );
      return reply.code(201).send(out);
    },
  );

  api.post(
    '/api/v1/reports/:reportId/case',
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Open a conduct case from the report (source "anonymous report"; subjects are people directory ids; only the text given is copied)',
        params,
        body: openCaseFromReportInput,
        response: { 201: z.object({ caseId: z.string(), reference: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const out = await openCaseFromReport(
        deps,
        principalOf(request),
        request.params.reportId,
        request.body,
        request.id,
      );
      return reply.code(201).send(out);
    },
  );
}
