import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { addItem, addItemInput } from './add-item.ts';
import {
  entryItemJson,
  itemJson,
  positionJson,
  positionSchema,
  reportJson,
  reportSchema,
  itemSchema,
} from './api-schemas.ts';
import { createReport, createReportInput } from './create-report.ts';
import { editItem, editItemInput } from './edit-item.ts';
import { generateResponse } from './generate-response.ts';
import { importItems } from './import-items.ts';
import { listReportsFor } from './list-reports.ts';
import { listTracker, trackerListInput } from './list-tracker.ts';
import { publishInput, publishResponse } from './publish-response.ts';
import { responseDocumentSchema } from './response-document.ts';
import { sendPdf } from './response.pages.ts';
import { itemLabel } from './tracker-rules.ts';
import { viewReport } from './view-report.ts';
import { viewResponse } from './view-response.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const tags = ['recommendations'];
const counts = z.object({
  items: z.number().int(),
  overdue: z.number().int(),
  unverified: z.number().int(),
  differing: z.number().int(),
  signedOff: z.number().int(),
});
const entry = z.object({ item: itemSchema, position: positionSchema });

/**
 * /api/v1/recommendations: reports and their items (national; the commissioner's office adds them), the
 * caller's force's position on each, the lists, and the commissioner's generated responses. Same use cases
 * and rules as the pages. Per-item changes are in tracker.api.ts.
 */
export function registerRecommendationsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/recommendations/reports',
    {
      ...on,
      schema: {
        tags,
        summary: 'Inspection reports, with the caller’s force’s counts on each',
        response: { 200: z.object({ items: z.array(reportSchema.extend({ counts })) }), ...errors },
      },
    },
    async (request) => {
      const view = await listReportsFor(deps, principalOf(request));
      return { items: view.reports.map((r) => ({ ...reportJson(r), counts: r.counts })) };
    },
  );

  api.post(
    '/api/v1/recommendations/reports',
    {
      ...on,
      schema: {
        tags,
        summary: 'Add an inspection report (commissioner’s office)',
        body: createReportInput,
        response: { 201: reportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(reportJson(await createReport(deps, principalOf(request), request.body, request.id))),
  );

  api.get(
    '/api/v1/recommendations/reports/:reportId',
    {
      ...on,
      schema: {
        tags,
        summary: 'A report, its items and the caller’s force’s position on each',
        params: z.object({ reportId: z.string() }),
        response: { 200: reportSchema.extend({ counts, items: z.array(entry) }), ...errors },
      },
    },
    async (request) => {
      const view = await viewReport(deps, principalOf(request), request.params.reportId);
      return {
        ...reportJson(view.report),
        counts: view.counts,
        items: view.entries.map((e) => ({ item: entryItemJson(e), position: positionJson(e) })),
      };
    },
  );

  api.post(
    '/api/v1/recommendations/reports/:reportId/items',
    {
      ...on,
      schema: {
        tags,
        summary: 'Add a numbered recommendation or area for improvement',
        params: z.object({ reportId: z.string() }),
        body: addItemInput,
        response: { 201: itemSchema, ...errors },
      },
    },
    async (request, reply) => {
      const row = await addItem(deps, principalOf(request), request.params.reportId, request.body, request.id);
      return reply.code(201).send(itemJson(row, itemLabel(row)));
    },
  );

  api.post(
    '/api/v1/recommendations/reports/:reportId/import',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Load a report’s items from CSV (all or nothing; idempotent by kind and number). Columns: kind, number, text, owner_body, deadline, themes, verified',
        params: z.object({ reportId: z.string() }),
        body: z.object({ csv: z.string().describe('The CSV text, with its header row') }),
        response: {
          200: z.object({
            lines: z.number().int(),
            added: z.number().int(),
            updated: z.number().int(),
            unchanged: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      importItems(deps, principalOf(request), request.params.reportId, { csv: request.body.csv }, request.id),
  );

  api.post(
    '/api/v1/recommendations/items/:itemId',
    {
      ...on,
      schema: {
        tags,
        summary: 'Correct an item, or mark its text as checked (commissioner’s office)',
        params: z.object({ itemId: z.string() }),
        body: editItemInput,
        response: {
          200: z.object({ id: z.string().uuid(), changed: z.array(z.string()), version: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => editItem(deps, principalOf(request), request.params.itemId, request.body, request.id),
  );

  api.get(
    '/api/v1/recommendations/list',
    {
      ...on,
      schema: {
        tags,
        summary: 'The caller’s force’s items: overdue, unverified, differing, or by status on either side',
        querystring: trackerListInput,
        response: { 200: z.object({ title: z.string(), items: z.array(entry) }), ...errors },
      },
    },
    async (request) => {
      const view = await listTracker(deps, principalOf(request), request.query);
      return {
        title: view.title,
        items: view.entries.map((e) => ({ item: entryItemJson(e), position: positionJson(e) })),
      };
    },
  );

  api.post(
    '/api/v1/recommendations/reports/:reportId/responses',
    {
      ...on,
      schema: {
        tags,
        summary: 'Generate the commissioner’s response to a report from the tracker (audited)',
        params: z.object({ reportId: z.string() }),
        response: { 201: z.object({ id: z.string().uuid(), document: responseDocumentSchema }), ...errors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await generateResponse(deps, principalOf(request), request.params.reportId, request.id)),
  );

  const responseParams = z.object({ responseId: z.string() });
  const responseView = z.object({
    id: z.string().uuid(),
    reportId: z.string().uuid(),
    publishedOn: z.string().nullable(),
    version: z.number().int(),
    document: responseDocumentSchema,
  });

  api.get(
    '/api/v1/recommendations/responses/:responseId',
    {
      ...on,
      schema: {
        tags,
        summary: 'A generated response, as generated',
        params: responseParams,
        response: { 200: responseView, ...errors },
      },
    },
    async (request) => {
      const v = await viewResponse(deps, principalOf(request), request.params.responseId);
      return { id: v.id, reportId: v.reportId, publishedOn: v.publishedOn, version: v.version, document: v.document };
    },
  );

  api.get(
    '/api/v1/recommendations/responses/:responseId/pdf',
    {
      ...on,
      schema: { tags, summary: 'A generated response as a tagged PDF', params: responseParams, response: errors },
    },
    async (request, reply) => {
      const v = await viewResponse(deps, principalOf(request), request.params.responseId);
      return sendPdf(reply, v.document, v.publishedOn);
    },
  );

  api.post(
    '/api/v1/recommendations/responses/:responseId/publish',
    {
      ...on,
      schema: {
        tags,
        summary: 'Record the date a generated response was published (commissioner’s office)',
        params: responseParams,
        body: publishInput,
        response: {
          200: z.object({ id: z.string().uuid(), publishedOn: z.string(), version: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) => publishResponse(deps, principalOf(request), request.params.responseId, request.body, request.id),
  );
}
