import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { addAllegation, addAllegationInput } from './add-allegation.ts';
import { editCaseDetails, editCaseDetailsInput } from './edit-case-details.ts';
import { removeSubject, removeSubjectInput } from './remove-subject.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const caseParams = z.object({ id: z.string() });

/** Correcting a case after opening, for integrations: the same use cases as the pages. */
export function registerCaseCorrectionsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/cases/:id/details',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Correct a case’s source, type, date and summary, with the reason (version-checked)',
        params: caseParams,
        body: editCaseDetailsInput.omit({ caseId: true }),
        response: { 200: z.object({ version: z.number().int(), changed: z.array(z.string()) }), ...errors },
      },
    },
    async (request) =>
      editCaseDetails(deps, principalOf(request), { ...request.body, caseId: request.params.id }, request.id),
  );

  api.post(
    '/api/v1/cases/:id/allegations',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Add an allegation to one or several subjects of the case, each on its own track',
        params: caseParams,
        body: addAllegationInput.omit({ caseId: true }),
        response: {
          201: z.object({ allegationIds: z.array(z.string().uuid()), version: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const added = await addAllegation(
        deps,
        principalOf(request),
        { ...request.body, caseId: request.params.id },
        request.id,
      );
      return reply.code(201).send(added);
    },
  );

  api.post(
    '/api/v1/cases/:id/subjects/:subjectId/remove',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Take back a subject entered by mistake: removed if nothing was decided, otherwise marked recorded in error',
        params: z.object({ id: z.string(), subjectId: z.string() }),
        body: removeSubjectInput.omit({ caseId: true, subjectId: true }),
        response: {
          200: z.object({ outcome: z.enum(['removed', 'recorded_in_error']), version: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request) =>
      removeSubject(
        deps,
        principalOf(request),
        { ...request.body, caseId: request.params.id, subjectId: request.params.subjectId },
        request.id,
      ),
  );
}
