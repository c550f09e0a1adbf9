import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { changeRestriction } from './change-restriction.ts';
import { imposeRestriction } from './impose-restriction.ts';
import { liftRestriction } from './lift-restriction.ts';
import { listFlaggedFor, listRestrictionsFor, restrictionListQuery } from './list-restrictions.ts';
import { recordWrittenNotice } from './record-notice.ts';
import { recordSeniorRationale } from './record-senior-rationale.ts';
import { changeBody, imposeBody, liftBody, noticeBody, rationaleBody, reviewBody } from './restriction-input.ts';
import { reviewRestriction } from './review-restriction.ts';
import {
  day,
  decided,
  errors,
  flaggedItem,
  flagJson,
  listItem,
  restrictionJson,
  restrictionOut,
  subjectOut,
} from './restriction-api-schemas.ts';
import { viewCaseRestrictions } from './view-case-restrictions.ts';
import { viewRestriction } from './view-restriction.ts';

/**
 * /api/v1 restrictions: the same use cases as the pages. Bodies are the use cases' own schemas (the
 * cross-field rules — every option considered, the regulation 11 tests — are checked by the use case and
 * answered as 400 with one message per field). 401 without a token; 404 for anything outside need-to-know.
 */
export function registerRestrictionsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['restrictions'];
  const params = z.object({ id: z.string() });

  api.get(
    '/api/v1/restrictions',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Restrictions on cases the caller may see (in force by default), with each subject’s flag',
        querystring: restrictionListQuery,
        response: { 200: z.object({ today: z.string(), items: z.array(listItem) }), ...errors },
      },
    },
    async (request) => {
      const { today, items } = await listRestrictionsFor(deps, principalOf(request), request.query, request.id);
      return {
        today,
        items: items.map((r) => ({
          id: r.id,
          caseId: r.case_id,
          reference: r.reference,
          subjectId: r.subject_id,
          personId: r.person_id,
          name: `${r.given_name} ${r.family_name}`,
          kind: r.kind,
          status: r.status,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          nextReviewDueOn: r.next_review_due_on,
          flag: r.flag,
        })),
      };
    },
  );

  api.get(
    '/api/v1/restrictions/flagged',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Subjects flagged now: a serious matter, not suspended, no current senior rationale',
        response: { 200: z.object({ today: z.string(), items: z.array(flaggedItem) }), ...errors },
      },
    },
    async (request) => {
      const { today, flagged } = await listFlaggedFor(deps, principalOf(request), request.id);
      return {
        today,
        items: flagged.map((s) => ({
          caseId: s.caseId,
          reference: s.reference,
          subjectId: s.subjectId,
          personId: s.personId,
          name: s.name,
          restrictionKind: s.inForce[0]?.kind ?? null,
          restrictionKinds: s.inForce.map((r) => r.kind),
          flag: flagJson(s.flag),
        })),
      };
    },
  );

  api.get(
    '/api/v1/restrictions/:id',
    {
      ...pre,
      schema: {
        tags,
        summary: 'One restriction with every decision on it (the read is audited)',
        params,
        response: { 200: restrictionOut, ...errors },
      },
    },
    async (request) =>
      restrictionJson((await viewRestriction(deps, principalOf(request), request.params.id, request.id)).restriction),
  );

  api.get(
    '/api/v1/cases/:id/restrictions',
    {
      ...pre,
      schema: {
        tags,
        summary: 'A case’s restrictions per subject, with the flag and the senior rationales (the read is audited)',
        params,
        response: {
          200: z.object({ caseId: z.string().uuid(), reference: z.string(), subjects: z.array(subjectOut) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const v = await viewCaseRestrictions(deps, principalOf(request), request.params.id, request.id);
      return {
        caseId: v.theCase.id,
        reference: v.theCase.reference,
        subjects: v.subjects.map((s) => ({
          id: s.id,
          personId: s.personId,
          name: s.name,
          leftOn: s.leftOn,
          current: s.inForce[0] ? restrictionJson(s.inForce[0]) : null,
          inForce: s.inForce.map(restrictionJson),
          past: s.past.map(restrictionJson),
          flag: s.flag ? flagJson(s.flag) : null,
          rationales: s.rationales.map((r) => ({
            id: r.id,
            decidedOn: r.decidedOn,
            validUntil: r.validUntil,
            rationale: r.rationale,
            decisionMaker: r.decisionMaker,
          })),
        })),
      };
    },
  );

  api.post(
    '/api/v1/cases/:id/restrictions',
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Impose a restriction (suspension or an alternative) on a subject: every option considered, and for a suspension both regulation 11 tests',
        params,
        body: imposeBody,
        response: { 201: decided, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await imposeRestriction(
            deps,
            principalOf(request),
            { caseId: request.params.id, ...request.body },
            request.id,
          ),
        ),
  );

  api.post(
    '/api/v1/restrictions/:id/reviews',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Review an in-force restriction; if its conditions no longer hold, lift or change it in the same step',
        params,
        body: reviewBody,
        response: {
          200: z.object({
            id: z.string().uuid(),
            version: z.number().int(),
            nextReviewDueOn: day,
            outcome: z.string(),
            rationaleValidUntil: day,
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      reviewRestriction(deps, principalOf(request), { restrictionId: request.params.id, ...request.body }, request.id),
  );

  api.post(
    '/api/v1/restrictions/:id/change',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Replace an in-force restriction with another kind (a full decision with reasons)',
        params,
        body: changeBody,
        response: { 201: decided.extend({ replacedId: z.string().uuid() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await changeRestriction(
            deps,
            principalOf(request),
            { restrictionId: request.params.id, ...request.body },
            request.id,
          ),
        ),
  );

  api.post(
    '/api/v1/restrictions/:id/lift',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Lift an in-force restriction (its live clocks are cancelled)',
        params,
        body: liftBody,
        response: {
          200: z.object({ id: z.string().uuid(), version: z.number().int(), endsOn: z.string() }),
          ...errors,
        },
      },
    },
    async (request) =>
      liftRestriction(deps, principalOf(request), { restrictionId: request.params.id, ...request.body }, request.id),
  );

  api.post(
    '/api/v1/restrictions/:id/notice',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the written notice (or the written confirmation of an oral one): meets the notice clock',
        params,
        body: noticeBody,
        response: { 200: z.object({ id: z.string().uuid(), version: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      recordWrittenNotice(
        deps,
        principalOf(request),
        { restrictionId: request.params.id, ...request.body },
        request.id,
      ),
  );

  api.post(
    '/api/v1/cases/:id/subjects/:subjectId/suspension-rationale',
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Record a senior rationale for not suspending a flagged subject (it answers the flag until the next review)',
        params: z.object({ id: z.string(), subjectId: z.string() }),
        body: rationaleBody,
        response: { 201: z.object({ id: z.string().uuid(), validUntil: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordSeniorRationale(
            deps,
            principalOf(request),
            { caseId: request.params.id, subjectId: request.params.subjectId, ...request.body },
            request.id,
          ),
        ),
  );
}
