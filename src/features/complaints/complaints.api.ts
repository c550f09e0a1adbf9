import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import {
  complaintListQuery,
  handlingBody,
  initialHandlingBody,
  logComplaintBody,
  outcomeNoticeBody,
  outcomesBody,
  progressUpdateBody,
  referralBody,
  withdrawalBody,
} from './complaint-input.ts';
import { listComplaints } from './list-complaints.ts';
import { logComplaint } from './log-complaint.ts';
import { recordHandling } from './record-handling.ts';
import { recordInitialHandling } from './record-initial-handling.ts';
import { recordOutcomeNotice } from './record-outcome-notice.ts';
import { recordOutcomes } from './record-outcomes.ts';
import { recordProgressUpdate } from './record-progress-update.ts';
import { recordReferral } from './record-referral.ts';
import { viewComplaint } from './view-complaint.ts';
import { withdrawComplaint } from './withdraw-complaint.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const day = z.string().nullable();
const decided = z.object({ id: z.string().uuid(), version: z.number().int(), status: z.string() }).passthrough();

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

  api.post(
    '/api/v1/complaints/:id/initial-handling',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the initial handling: outside Schedule 3 or recorded (Sch 3 para 2)',
        params,
        body: initialHandlingBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordInitialHandling(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/referral',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the IOPC referral decision (reg 4(1)) and the IOPC’s decision (Sch 3 para 5)',
        params,
        body: referralBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordReferral(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/handling',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record how a recorded complaint is handled; works out the review body (reg 32)',
        params,
        body: handlingBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordHandling(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/outcomes',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the outcome of every allegation, the learning and the outcome notice',
        params,
        body: outcomesBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordOutcomes(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/withdrawal',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the complainant’s withdrawal on a signed notice (reg 38)',
        params,
        body: withdrawalBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => withdrawComplaint(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/progress-updates',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record a progress update sent to the complainant (meets the 4-week clock and starts the next)',
        params,
        body: progressUpdateBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordProgressUpdate(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/outcome-notice',
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Record the outcome notice sent after the outcome; opens the review window where a review is available',
        params,
        body: outcomeNoticeBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordOutcomeNotice(deps, principalOf(request), request.params.id, request.body, request.id),
  );
}
