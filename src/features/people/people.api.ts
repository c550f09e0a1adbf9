import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { searchPeople } from './search-people.ts';
import { viewPerson } from './view-person.ts';
import { mergePeople } from './merge-people.ts';
import { undoMerge } from './undo-merge.ts';
import { careerBreakBody, recordCareerBreak } from './record-career-break.ts';
import { endCareerBreak, endCareerBreakBody } from './end-career-break.ts';

const errors = apiErrors(400, 401, 404, 409, 422);

const directoryItem = z.object({
  id: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  personType: z.string(),
  status: z.string(),
  rank: z.string().nullable(),
  role: z.string().nullable(),
  unit: z.string().nullable(),
  currentNumbers: z.string().nullable(),
  matchedNumber: z.object({ value: z.string(), validTo: z.string().nullable() }).nullable(),
});

const dated = { validFrom: z.string(), validTo: z.string().nullable() };
const personDetail = z.object({
  id: z.string().uuid(),
  givenName: z.string(),
  familyName: z.string(),
  personType: z.string(),
  status: z.string(),
  serviceStart: z.string().nullable(),
  serviceEnd: z.string().nullable(),
  mergedIntoId: z.string().uuid().nullable(),
  version: z.number().int(),
  protectedCharacteristics: z
    .object({
      sex: z.string().nullable(),
      ethnicity: z.string().nullable(),
      ageBand: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
    })
    .nullable(),
  identifiers: z.array(z.object({ personId: z.string().uuid(), kind: z.string(), value: z.string(), ...dated })),
  postings: z.array(
    z.object({ personId: z.string().uuid(), rank: z.string(), role: z.string(), unit: z.string(), ...dated }),
  ),
  mergedRecords: z.array(z.object({ id: z.string().uuid(), givenName: z.string(), familyName: z.string() })),
  careerBreaks: z.array(z.object({ startsOn: z.string(), endsOn: z.string().nullable() })),
  /** Warnings in the cases the caller may see; `lastDay` extended by career breaks (null while one continues). */
  warnings: z
    .array(
      z.object({
        caseId: z.string().uuid(),
        reference: z.string(),
        kind: z.enum(['written_warning', 'final_written_warning']),
        startedOn: z.string(),
        baseLastDay: z.string(),
        lastDay: z.string().nullable(),
      }),
    )
    .nullable(),
});

/** /api/v1/people: the same use cases as the pages, for integrations. */
export function registerPeopleApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/people',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['people'],
        summary: 'Search the people directory by name or any current or past number',
        querystring: z.object({
          q: z.string().optional(),
          unit: z.string().optional(),
          rank: z.string().optional(),
          type: z.string().optional(),
          status: z.string().optional(),
          page: z.string().optional(),
          pageSize: z.string().optional(),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            items: z.array(directoryItem),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const result = await searchPeople(deps, principalOf(request), request.query, request.id);
      return {
        total: result.total,
        page: result.input.page,
        pageCount: result.pageCount,
        items: result.rows.map((r) => ({
          id: r.id,
          givenName: r.given_name,
          familyName: r.family_name,
          personType: r.person_type,
          status: r.status,
          rank: r.rank,
          role: r.role,
          unit: r.unit_name,
          currentNumbers: r.numbers,
          matchedNumber: r.matched_number ? { value: r.matched_number, validTo: r.matched_valid_to } : null,
        })),
      };
    },
  );

  api.get(
    '/api/v1/people/:id',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['people'],
        summary: 'A person with identity history (the read is audited)',
        params: z.object({ id: z.string() }),
        response: { 200: personDetail, ...errors },
      },
    },
    async (request) => {
      const v = await viewPerson(deps, principalOf(request), request.params.id, request.id);
      return {
        id: v.person.id,
        givenName: v.person.givenName,
        familyName: v.person.familyName,
        personType: v.person.personType,
        status: v.person.status,
        serviceStart: v.person.serviceStart,
        serviceEnd: v.person.serviceEnd,
        mergedIntoId: v.person.mergedIntoId,
        version: v.person.version,
        protectedCharacteristics: v.protectedCharacteristics,
        identifiers: v.identifiers.map((i) => ({
          personId: i.personId,
          kind: i.kind,
          value: i.value,
          validFrom: i.validFrom,
          validTo: i.validTo,
        })),
        postings: v.postings.map((p) => ({
          personId: p.personId,
          rank: p.rank,
          role: p.role,
          unit: p.unitName,
          validFrom: p.validFrom,
          validTo: p.validTo,
        })),
        mergedRecords: v.duplicates,
        careerBreaks: v.careerBreaks.map((b) => ({ startsOn: b.startsOn, endsOn: b.endsOn })),
        warnings:
          v.warnings?.map((w) => ({
            caseId: w.caseId,
            reference: w.reference,
            kind: w.kind,
            startedOn: w.startedOn,
            baseLastDay: w.baseLastDay,
            lastDay: w.lastDay,
          })) ?? null,
      };
    },
  );

  api.post(
    '/api/v1/people/:id/merge',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['people'],
        summary: 'Merge a duplicate record into this one (reversible)',
        params: z.object({ id: z.string() }),
        body: z.object({
          duplicateId: z.string(),
          reason: z.string(),
          survivorVersion: z.number().int(),
          duplicateVersion: z.number().int(),
        }),
        response: { 201: z.object({ mergeId: z.string().uuid() }), ...errors },
      },
    },
    async (request, reply) => {
      const merge = await mergePeople(
        deps,
        principalOf(request),
        { survivorId: request.params.id, ...request.body },
        request.id,
      );
      return reply.code(201).send({ mergeId: merge.id });
    },
  );

  api.post(
    '/api/v1/person-merges/:mergeId/undo',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['people'],
        summary: 'Undo a merge',
        params: z.object({ mergeId: z.string() }),
        body: z.object({ reason: z.string() }),
        response: {
          200: z.object({ mergeId: z.string().uuid(), survivorId: z.string().uuid(), duplicateId: z.string().uuid() }),
          ...errors,
        },
      },
    },
    async (request) =>
      undoMerge(
        deps,
        principalOf(request),
        { mergeId: request.params.mergeId, reason: request.body.reason },
        request.id,
      ),
  );

  api.post(
    '/api/v1/people/:id/career-breaks',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['people'],
        summary: 'Record a career break on the person record (it extends a warning in force: Conduct Regs reg 42(11))',
        params: z.object({ id: z.string() }),
        body: careerBreakBody,
        response: {
          201: z.object({
            id: z.string().uuid(),
            personId: z.string().uuid(),
            startsOn: z.string(),
            endsOn: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await recordCareerBreak(deps, principalOf(request), request.params.id, request.body, request.id)),
  );

  api.post(
    '/api/v1/people/:id/career-breaks/:breakId/end',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['people'],
        summary: 'Record the last day of an open career break',
        params: z.object({ id: z.string(), breakId: z.string() }),
        body: endCareerBreakBody,
        response: {
          200: z.object({
            id: z.string().uuid(),
            personId: z.string().uuid(),
            startsOn: z.string(),
            endsOn: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      endCareerBreak(deps, principalOf(request), request.params.id, request.params.breakId, request.body, request.id),
  );
}
