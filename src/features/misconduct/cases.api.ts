import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { allocateCase, allocateCaseInput } from './allocate-case.ts';
import { listCasesFor } from './list-cases.ts';
import { openCase, openCaseInput } from './open-case.ts';
import { progressAllegation, progressAllegationInput } from './progress-allegation.ts';
import { recordSubjectLeft, subjectLeftInput } from './record-subject-left.ts';
import { viewCase } from './view-case.ts';
import { recordCriminalEvent } from './record-criminal-event.ts';
import { draftPccReport } from './draft-pcc-report.ts';
import {
  allegationProgressed,
  caseDetail,
  caseListPage,
  caseListQuery,
  caseParams,
  criminalEventBody,
  criminalEventRecorded,
  pccReportDraft,
} from './cases-api-schemas.ts';

const errors = apiErrors(400, 401, 404, 409, 422);

const iso = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d : d.toISOString());

/**
 * /api/v1/cases: the same use cases as the case pages, for integrations. The bodies are the use cases' own
 * zod schemas, so the API and the OpenAPI document say exactly what the use case accepts. The token is
 * checked on request (401 before any body is looked at).
 */
export function registerCasesApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Cases the caller may see (their own, the unallocated queue, or all), searched, filtered and sorted',
        querystring: caseListQuery,
        response: {
          200: caseListPage,
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await listCasesFor(deps, principalOf(request), request.query, request.id);
      return {
        total: result.total,
        moreThanTotal: result.moreThanTotal,
        page: result.input.page,
        pageCount: result.pageCount,
        items: result.rows.map((r) => ({
          id: r.id,
          reference: r.reference,
          summary: r.summary,
          source: r.source,
          cameToAttentionOn: r.came_to_attention_on,
          confidentiality: r.confidentiality,
          status: r.status,
          leadInvestigator: r.lead,
          subjects: r.subjects,
          allegations: r.allegations,
        })),
      };
    },
  );

  api.post(
    '/api/v1/cases',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Open a case with one or many subjects (each gets the allegation on its own track)',
        body: openCaseInput,
        response: { 201: z.object({ id: z.string().uuid(), reference: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const created = await openCase(deps, principalOf(request), request.body, request.id);
      return reply.code(201).send({ id: created.id, reference: created.reference });
    },
  );

  api.get(
    '/api/v1/cases/:id',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'A case with every allegation’s track, clocks, list returns and timeline (the read is audited)',
        params: caseParams,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (request) => {
      const v = await viewCase(deps, principalOf(request), request.params.id, request.id);
      const c = v.theCase;
      return {
        id: c.id,
        reference: c.reference,
        source: c.source,
        caseType: c.caseType,
        cameToAttentionOn: c.cameToAttentionOn,
        regimeVersion: c.regimeVersion,
        confidentiality: c.confidentiality,
        status: c.status,
        summary: c.summary,
        leadInvestigatorId: c.leadInvestigatorId,
        version: c.version,
        subjects: v.subjects.map((s) => ({
          id: s.id,
          personId: s.personId,
          givenName: s.givenName,
          familyName: s.familyName,
          leftOn: s.leftOn,
          version: s.version,
        })),
        allegations: v.allegations.map((a) => ({
          id: a.id,
          subjectId: a.subjectId,
          categoryCode: a.categoryCode,
          standards: a.standards,
          description: a.description,
          state: a.facts.track.status,
          statusLabel: a.statusLabel,
          version: a.version,
          track: { ...a.facts.track },
          actions: a.actions,
        })),
        clocks: v.clocks.map((k) => ({
          period: k.period,
          sequence: k.sequence,
          dueOn: k.dueOn,
          state: k.state,
          allegationId: k.allegationId,
        })),
        returns: v.returns.map((r) => ({
          id: r.id,
          list: r.list,
          subjectId: r.subjectId,
          triggeredOn: r.triggeredOn,
          submittedOn: r.submittedOn,
          document: r.document,
        })),
        timeline: v.timeline.map((e) => ({
          allegationId: e.allegationId,
          action: e.action,
          fromState: e.fromState,
          toState: e.toState,
          occurredOn: e.occurredOn,
          recordedAt: iso(e.recordedAt) ?? '',
          actor: e.actor,
          details: e.details,
        })),
      };
    },
  );

  api.post(
    '/api/v1/cases/:id/allocation',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Name the lead investigator (null returns the case to the unallocated queue)',
        params: caseParams,
        body: allocateCaseInput.omit({ caseId: true }),
        response: { 200: z.object({ version: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      allocateCase(deps, principalOf(request), { caseId: request.params.id, ...request.body }, request.id),
  );

  api.post(
    '/api/v1/cases/:id/allegations/:allegationId/actions',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Take one action on one allegation (422 with the reason when the workflow refuses it; 409 when the version is stale)',
        params: z.object({ id: z.string(), allegationId: z.string() }),
        body: progressAllegationInput.omit({ caseId: true, allegationId: true }),
        response: {
          200: allegationProgressed,
          ...errors,
        },
      },
    },
    async (request) =>
      progressAllegation(
        deps,
        principalOf(request),
        { caseId: request.params.id, allegationId: request.params.allegationId, ...request.body },
        request.id,
      ),
  );

  api.post(
    '/api/v1/cases/:id/subjects/:subjectId/left',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Record that a subject resigned or retired (creates the advisory list return while an allegation is open)',
        params: z.object({ id: z.string(), subjectId: z.string() }),
        body: subjectLeftInput.omit({ caseId: true, subjectId: true }),
        response: { 200: z.object({ advisoryReturnId: z.string().uuid().nullable() }), ...errors },
      },
    },
    async (request) =>
      recordSubjectLeft(
        deps,
        principalOf(request),
        { caseId: request.params.id, subjectId: request.params.subjectId, ...request.body },
        request.id,
      ),
  );

  api.post(
    '/api/v1/cases/:id/criminal-proceedings',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Record a step in criminal proceedings against a subject; a closed sub judice period pauses the clocks the law pauses',
        params: caseParams,
        body: criminalEventBody,
        response: {
          201: criminalEventRecorded,
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordCriminalEvent(
            deps,
            principalOf(request),
            { caseId: request.params.id, ...request.body },
            request.id,
          ),
        ),
  );

  api.get(
    '/api/v1/cases/:id/pcc-report',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Draft of the regulation 19 report to the PCC (investigation not completed within 12 months, then every 6 months)',
        params: caseParams,
        response: {
          200: pccReportDraft,
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await draftPccReport(deps, principalOf(request), request.params.id, request.id);
      return {
        reference: r.theCase.reference,
        preparedOn: r.preparedOn,
        relevantPeriodEnds: r.relevantPeriod?.dueOn ?? null,
        cameToAttentionOn: r.cameToAttentionOn,
        reg17NoticeServedOn: r.reg17NoticeServedOn,
        progress: r.progress,
        subJudicePeriods: r.reasonsForLength ?? [],
        mayPrejudice: r.mayPrejudice,
      };
    },
  );
}
