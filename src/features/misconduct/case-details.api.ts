import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { partyRoles } from '../../db/schema/index.ts';
import { addParty, addPartyBody, viewParties } from './add-party.ts';
import { caseloadFor } from './caseload.ts';
import { linkCases, linkCasesBody, unlinkCases, viewLinks } from './link-cases.ts';
import { removeParty } from './remove-party.ts';
import { setOwningTeam, setOwningTeamBody, viewOwningTeam } from './set-owning-team.ts';

const errors = apiErrors(400, 401, 404, 409);
const caseParams = z.object({ id: z.string() });

const party = z.object({
  id: z.string().uuid(),
  role: z.enum(partyRoles),
  personId: z.string().uuid().nullable().describe('The person record, for a party in the force directory'),
  name: z.string(),
});
const linkedCase = z.object({
  id: z.string().uuid(),
  reference: z.string(),
  summary: z.string(),
  status: z.string(),
  reason: z.string(),
  linkedAt: z.string(),
  linkedBy: z.string().nullable(),
});
const counts = {
  cases: z.number().int(),
  allegations: z.number().int().describe('Allegations not yet closed'),
  overdueClocks: z.number().int(),
};

/** /api/v1/cases/{id}/parties, /links, /team and /api/v1/cases/caseload: the same use cases as the pages. */
export function registerCaseDetailsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/cases/caseload',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary:
          'Per lead investigator: open cases, open allegations and overdue time limits, and the unallocated queue (visible cases only)',
        response: {
          200: z.object({
            leads: z.array(z.object({ leadId: z.string().uuid(), name: z.string(), email: z.string(), ...counts })),
            unallocated: z.object(counts),
            today: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) => caseloadFor(deps, principalOf(request)),
  );

  api.get(
    '/api/v1/cases/:id/parties',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary: 'The complainants, victims, witnesses and reporters of a case (the read is audited)',
        params: caseParams,
        response: { 200: z.object({ items: z.array(party) }), ...errors },
      },
    },
    async (request) => ({
      items: (await viewParties(deps, principalOf(request), request.params.id, request.id)).parties,
    }),
  );

  api.post(
    '/api/v1/cases/:id/parties',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary:
          'Add a party: a person of the force directory (personReference: number or record id), who then no longer sees the case, or someone outside it (name)',
        params: caseParams,
        body: addPartyBody,
        response: {
          201: z.object({
            id: z.string().uuid(),
            role: z.enum(partyRoles),
            personId: z.string().uuid().nullable(),
            name: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addParty(deps, principalOf(request), { caseId: request.params.id, ...request.body }, request.id)),
  );

  api.delete(
    '/api/v1/cases/:id/parties/:partyId',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary: 'Remove a party from a case',
        params: z.object({ id: z.string(), partyId: z.string() }),
        response: { 200: z.object({ removed: z.string().uuid() }), ...errors },
      },
    },
    async (request) =>
      removeParty(
        deps,
        principalOf(request),
        { caseId: request.params.id, partyId: request.params.partyId },
        request.id,
      ),
  );

  api.get(
    '/api/v1/cases/:id/links',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary: 'The cases linked to a case that the caller may see',
        params: caseParams,
        response: { 200: z.object({ items: z.array(linkedCase) }), ...errors },
      },
    },
    async (request) => {
      const view = await viewLinks(deps, principalOf(request), request.params.id, request.id);
      return { items: view.links.map((l) => ({ ...l, linkedAt: new Date(l.linkedAt).toISOString() })) };
    },
  );

  api.post(
    '/api/v1/cases/:id/links',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary:
          'Link the case to another case of the force by its reference (stored in both directions; both must be visible to the caller)',
        params: caseParams,
        body: linkCasesBody,
        response: { 201: z.object({ linkedCaseId: z.string().uuid(), reference: z.string() }), ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await linkCases(deps, principalOf(request), { caseId: request.params.id, ...request.body }, request.id)),
  );

  api.delete(
    '/api/v1/cases/:id/links/:linkedId',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary: 'Remove the link between two cases (both directions)',
        params: z.object({ id: z.string(), linkedId: z.string() }),
        response: { 200: z.object({ unlinked: z.string().uuid() }), ...errors },
      },
    },
    async (request) =>
      unlinkCases(
        deps,
        principalOf(request),
        { caseId: request.params.id, linkedCaseId: request.params.linkedId },
        request.id,
      ),
  );

  api.get(
    '/api/v1/cases/:id/team',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary: 'The owning team of a case',
        params: caseParams,
        response: {
          200: z.object({
            unitId: z.string().uuid().nullable(),
            name: z.string().nullable(),
            version: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const view = await viewOwningTeam(deps, principalOf(request), request.params.id, request.id);
      return { unitId: view.theCase.owningUnitId, name: view.team, version: view.theCase.version };
    },
  );

  api.post(
    '/api/v1/cases/:id/team',
    {
      ...on,
      schema: {
        tags: ['cases'],
        summary:
          'Set (or clear, with null) the owning team of a case; investigators of that unit then see it. 409 when the version is stale',
        params: caseParams,
        body: setOwningTeamBody,
        response: { 200: z.object({ version: z.number().int(), unitId: z.string().uuid().nullable() }), ...errors },
      },
    },
    async (request) =>
      setOwningTeam(deps, principalOf(request), { caseId: request.params.id, ...request.body }, request.id),
  );
}
