import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { actOnClock, clockActionInput } from './act-on-clock.ts';

const errors = apiErrors(400, 401, 404, 422);

/** A clock action for integrations: the same use case as the clock page (act-on-clock.ts). */
export function registerClockActionApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/cases/:id/clocks/:clockId/actions',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['deadlines'],
        summary:
          'Extend (where the regulations allow), pause, resume, stop or mark done one time limit of a case, with the reason',
        params: z.object({ id: z.string(), clockId: z.string() }),
        body: clockActionInput,
        response: {
          200: z.object({
            clockId: z.string().uuid(),
            state: z.string(),
            dueOn: z.string(),
            listReturnId: z.string().uuid().nullable().describe('The list return marked sent with the clock'),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      actOnClock(
        deps,
        principalOf(request),
        { caseId: request.params.id, clockId: request.params.clockId, body: request.body },
        request.id,
      ),
  );
}
