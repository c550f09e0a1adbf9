import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorList } from '../auth/index.ts';
import { auditEventTypes } from '../../kernel/audit/audit-events.ts';
import { AUDIT_PAGE_SIZE, auditFilterQuery, auditActorChoices, listAuditEvents } from './list-audit-events.ts';
import { formValues, pagination, resultsText, tableRows } from './audit-log-page.ts';

const TEMPLATE = 'audit/views/audit-log.njk';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const auditEventItem = z.object({
  seq: z.number().int().describe('Position in the force’s audit chain'),
  occurredAt: z.string().describe('ISO 8601, UTC'),
  actorUserId: z.string().nullable().describe('The acting user, or null for the system'),
  actorLabel: z.string(),
  eventType: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  personId: z.string().nullable(),
  requestId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});

const auditEventList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageCount: z.number().int(),
  items: z.array(auditEventItem),
});

/**
 * The audit log of the user's own force: a filterable page and GET /api/v1/audit-events. Every search,
 * by either route, is itself recorded in the audit log by the use case.
 */
export function registerAuditRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: Record<string, unknown> }>(
    '/audit',
    { preHandler: requireSignedInPage },
    async (request, reply) => {
      const principal = principalOf(request);
      const users = await auditActorChoices(deps, principal);
      const values = formValues(request.query);
      const form = {
        pageTitle: 'Audit log',
        values,
        userItems: [
          { value: '', text: 'Any user' },
          ...users.map((u) => ({
            value: u.id,
            text: `${u.displayName} (${u.email})`,
            selected: u.id === values.actor,
          })),
        ],
        eventTypeItems: [
          { value: '', text: 'Any event type' },
          ...auditEventTypes.map((t) => ({ value: t, text: t, selected: t === values.eventType })),
        ],
      };
      try {
        const result = await listAuditEvents(deps, principal, request.id, request.query);
        return reply.page(TEMPLATE, {
          ...form,
          total: result.total,
          rows: tableRows(result.rows),
          resultsText: resultsText(result),
          pagination: pagination(result),
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const fields = err.fields ?? {};
        return reply.code(400).page(TEMPLATE, { ...form, fields, errors: errorList(fields) });
      }
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/audit-events',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log of your force',
        description: `Newest first, ${AUDIT_PAGE_SIZE} per page. Needs the audit.read ability. Each search is itself recorded in the audit log.`,
        querystring: auditFilterQuery,
        response: { 200: auditEventList },
      },
    },
    async (request) => {
      const result = await listAuditEvents(deps, principalOf(request), request.id, request.query);
      return {
        total: result.total,
        page: result.page,
        pageCount: result.pageCount,
        items: result.rows.map((r) => ({
          seq: r.seq,
          occurredAt: r.occurredAt,
          actorUserId: r.actorUserId,
          actorLabel: r.actorLabel,
          eventType: r.eventType,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          personId: r.personId,
          requestId: r.requestId,
          payload: isRecord(r.payload) ? r.payload : { value: r.payload },
        })),
      };
    },
  );
}
