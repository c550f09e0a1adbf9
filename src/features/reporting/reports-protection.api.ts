import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { assignInput, assignReport } from './assign-report.ts';
import { flagRetaliation, retaliationInput } from './flag-retaliation.ts';
import {
  decideIdentityReveal,
  requestIdentityReveal,
  revealDecisionInput,
  revealRequestInput,
} from './identity-reveal.ts';
import { viewReportStatistics } from './view-report-statistics.ts';

const errors = apiErrors(400, 401, 403, 404, 409, 422);
const ok = { 200: z.object({ ok: z.literal(true) }), ...errors };
const cell = z.object({ value: z.number().nullable(), text: z.string(), suppressed: z.boolean() });
const table = z.object({
  id: z.string(),
  caption: z.string(),
  rowHeader: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['count', 'measure', 'total']) })),
  rows: z.array(z.object({ key: z.string(), label: z.string(), isTotal: z.boolean(), cells: z.array(cell) })),
  controlled: z.boolean(),
  threshold: z.number().int(),
  suppressedCells: z.number().int(),
  notes: z.array(z.string()),
});

/**
 * /api/v1/reports: assignment, retaliation flags, the identity custodian's two steps and the statistics,
 * through the same use cases as the pages. 404 for anyone without the confidential-reporting role.
 */
export function registerReportsProtectionApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['confidential reports'];
  const params = z.object({ reportId: z.string() });

  api.get(
    '/api/v1/reports/statistics',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Counts by status and month, median days to acknowledgement and feedback; small numbers suppressed',
        response: { 200: z.object({ threshold: z.number().int(), tables: z.array(table) }), ...errors },
      },
    },
    async (request) => viewReportStatistics(deps, principalOf(request), request.id),
  );

  api.post(
    '/api/v1/reports/:reportId/assign',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Assign the report to a member of the unit ("" to unassign)',
        params,
        body: assignInput,
        response: ok,
      },
    },
    async (request) => {
      await assignReport(deps, principalOf(request), request.params.reportId, request.body, request.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/reports/:reportId/retaliation',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Flag suspected retaliation against the reporter',
        params,
        body: retaliationInput,
        response: ok,
      },
    },
    async (request) => {
      await flagRetaliation(deps, principalOf(request), request.params.reportId, request.body, request.id);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/reports/:reportId/identity/request',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Ask, with a reason, to reveal the identity given in confidence (a second custodian decides)',
        params,
        body: revealRequestInput,
        response: { 201: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const out = await requestIdentityReveal(
        deps,
        principalOf(request),
        request.params.reportId,
        request.body,
        request.id,
      );
      return reply.code(201).send(out);
    },
  );

  api.post(
    '/api/v1/reports/:reportId/identity/decide',
    {
      ...pre,
      schema: {
        tags,
        summary: 'As a custodian other than the requester, approve or refuse a request to reveal the identity',
        params,
        body: revealDecisionInput,
        response: ok,
      },
    },
    async (request) => {
      await decideIdentityReveal(deps, principalOf(request), request.params.reportId, request.body, request.id);
      return { ok: true as const };
    },
  );
}
