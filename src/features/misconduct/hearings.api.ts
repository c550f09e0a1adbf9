import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import {
  adjournHearing,
  adjournHearingInput,
  arrangeHearing,
  arrangeHearingInput,
  listHearings,
} from './arrange-hearing.ts';

const errors = apiErrors(400, 401, 404, 409);

const hearing = z.object({
  id: z.string().uuid(),
  form: z.string(),
  heldOn: z.string(),
  venue: z.string(),
  inPublic: z.boolean(),
  panel: z.array(z.object({ role: z.string(), name: z.string() })),
  adjournments: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  allegationIds: z.array(z.string().uuid()),
  version: z.number().int(),
});

/** Meetings and hearings of a case, for integrations: the same use cases as the hearings page. */
export function registerHearingsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/cases/:id/hearings',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'The meetings and hearings of a case, with their allegations, panel and adjournments',
        params: z.object({ id: z.string() }),
        response: { 200: z.object({ hearings: z.array(hearing) }), ...apiErrors(401, 404) },
      },
    },
    async (request) => {
      const { hearings } = await listHearings(deps, principalOf(request), request.params.id, request.id);
      return {
        hearings: hearings.map((h) => ({
          id: h.id,
          form: h.form,
          heldOn: h.heldOn,
          venue: h.venue,
          inPublic: h.inPublic,
          panel: h.panel as { role: string; name: string }[],
          adjournments: h.adjournments as { from: string; to: string; reason: string }[],
          allegationIds: h.allegationIds,
          version: h.version,
        })),
      };
    },
  );
  api.post(
    '/api/v1/cases/:id/hearings',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Arrange one meeting or hearing for one or several allegations, with its panel',
        params: z.object({ id: z.string() }),
        body: arrangeHearingInput.omit({ caseId: true }),
        response: { 200: z.object({ id: z.string().uuid(), version: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      arrangeHearing(deps, principalOf(request), { ...request.body, caseId: request.params.id }, request.id),
  );
  api.post(
    '/api/v1/cases/:id/hearings/:hearingId/adjournments',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'Adjourn a meeting or hearing to a later day, with the reason (version-checked)',
        params: z.object({ id: z.string(), hearingId: z.string() }),
        body: adjournHearingInput.omit({ caseId: true, hearingId: true }),
        response: {
          200: z.object({ id: z.string().uuid(), version: z.number().int(), heldOn: z.string() }),
          ...errors,
        },
      },
    },
    async (request) =>
      adjournHearing(
        deps,
        principalOf(request),
        { ...request.body, caseId: request.params.id, hearingId: request.params.hearingId },
        request.id,
      ),
  );
}
