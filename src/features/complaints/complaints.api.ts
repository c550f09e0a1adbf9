import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { complaintListQuery, logComplaintBody } from './complaint-input.ts';
import { listComplaints } from './list-complaints.ts';
import { logComplaint } from './log-complaint.ts';
import { viewComplaint } from './view-complaint.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const day = z.string().nullable();

const complaintOut = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  version: z.number().int(),
  status: z.string(),
  channel: z.string(),
  receivedOn: z.string(),
  loggedOn: z.string(),
  summary: z.string(),
  desiredOutcome: z.string(),
  initialHandling: z.string().nullable(),
  recordingGrounds: z.array(z.string()),
  referred: z.boolean().nullable(),
  referralGrounds: z.array(z.string()),
  iopcDecision: z.string().nullable(),
  handlingRoute: z.string().nullable(),
  reviewBody: z.string().nullable(),
  reviewBodyReason: z.string().nullable(),
  outcomeDecidedOn: day,
  outcomeNotifiedOn: day,
  reviewWindowEndsOn: day,
  learning: z.string().nullable(),
  withdrawnOn: day,
  complainants: z.array(
    z.object({
      id: z.string().uuid(),
      name: z.string(),
      basis: z.string(),
      representedBasis: z.string().nullable(),
      representedName: z.string().nullable(),
      email: z.string(),
      phone: z.string(),
      address: z.string(),
      contactMethod: z.string(),
      format: z.string(),
      language: z.string(),
      accessibilityNeeds: z.string(),
    }),
  ),
  subjects: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.string(),
      personId: z.string().uuid().nullable(),
      personName: z.string().nullable(),
      description: z.string(),
    }),
  ),
  allegations: z.array(
    z.object({
      id: z.string().uuid(),
      subjectId: z.string().uuid(),
      categoryCode: z.string(),
      description: z.string(),
      incidentOn: day,
      incidentPlace: z.string(),
      outcome: z.string().nullable(),
      outcomeActions: z.array(z.string()),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.string(),
      decidedOn: z.string(),
      reasons: z.string(),
      details: z.unknown(),
    }),
  ),
  clocks: z.array(
    z.object({ period: z.string(), startedOn: z.string(), dueOn: z.string(), state: z.string(), metOn: day }),
  ),
});

/**
 * /api/v1/complaints: the same use cases as the pages. 401 without a token; 404 for anything outside
 * need-to-know (another force's complaint, one about the caller, a caller without complaint abilities).
 * Listing, logging and reading a complaint are here; the decisions on it are in complaint-decisions.api.ts.
 */
export function registerComplaintsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['complaints'];
  const params = z.object({ id: z.string() });

  api.get(
    '/api/v1/complaints',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Complaints of the caller’s force, newest first (the read is audited)',
        querystring: complaintListQuery,
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            items: z.array(
              z.object({
                id: z.string().uuid(),
                reference: z.string(),
                channel: z.string(),
                receivedOn: z.string(),
                status: z.string(),
                allegations: z.number().int(),
                nextDueOn: day,
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await listComplaints(deps, principalOf(request), request.query, request.id);
      return {
        total: r.total,
        page: r.query.page,
        pageCount: r.pageCount,
        items: r.rows.map((c) => ({
          id: c.id,
          reference: c.reference,
          channel: c.channel,
          receivedOn: c.received_on,
          status: c.status,
          allegations: c.allegation_count,
          nextDueOn: c.next_due_on,
        })),
      };
    },
  );

  api.post(
    '/api/v1/complaints',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Log a complaint: complainants (checked under s.12), persons complained about, allegations',
        body: logComplaintBody,
        response: {
          201: z.object({
            id: z.string().uuid(),
            reference: z.string(),
            version: z.number().int(),
            firstContactDueOn: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await logComplaint(deps, principalOf(request), request.body, request.id)),
  );

  api.get(
    '/api/v1/complaints/:id',
    {
      ...pre,
      schema: {
        tags,
        summary: 'One complaint with its decisions and clocks (the read is audited)',
        params,
        response: { 200: complaintOut, ...errors },
      },
    },
    async (request) => {
      const v = await viewComplaint(deps, principalOf(request), request.params.id, request.id);
      const c = v.complaint;
      return {
        id: c.id,
        reference: c.reference,
        version: c.version,
        status: c.status,
        channel: c.channel,
        receivedOn: c.receivedOn,
        loggedOn: c.loggedOn,
        summary: c.summary,
        desiredOutcome: c.desiredOutcome,
        initialHandling: c.initialHandling,
        recordingGrounds: c.recordingGrounds,
        referred: c.referred,
        referralGrounds: c.referralGrounds,
        iopcDecision: c.iopcDecision,
        handlingRoute: c.handlingRoute,
        reviewBody: c.reviewBody,
        reviewBodyReason: c.reviewBodyReason,
        outcomeDecidedOn: c.outcomeDecidedOn,
        outcomeNotifiedOn: c.outcomeNotifiedOn,
        reviewWindowEndsOn: c.reviewWindowEndsOn,
        learning: c.learning,
        withdrawnOn: c.withdrawnOn,
        complainants: v.complainants.map((p) => ({
          id: p.id,
          name: p.name,
          basis: p.basis,
          representedBasis: p.representedBasis,
          representedName: p.representedName,
          email: p.email,
          phone: p.phone,
          address: p.address,
          contactMethod: p.contactMethod,
          format: p.format,
          language: p.language,
          accessibilityNeeds: p.accessibilityNeeds,
        })),
        subjects: v.subjects,
        allegations: v.allegations.map((a) => ({
          id: a.id,
          subjectId: a.subjectId,
          categoryCode: a.categoryCode,
          description: a.description,
          incidentOn: a.incidentOn,
          incidentPlace: a.incidentPlace,
          outcome: a.outcome,
          outcomeActions: a.outcomeActions,
        })),
        decisions: v.decisions.map((d) => ({
          id: d.id,
          kind: d.kind,
          decidedOn: d.decidedOn,
          reasons: d.reasons,
          details: d.details,
        })),
        clocks: v.clocks.map((k) => ({
          period: k.period,
          startedOn: k.startedOn,
          dueOn: k.dueOn,
          state: k.state,
          metOn: k.metOn,
        })),
      };
    },
  );
}
