import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../../kernel/http/api-errors.ts';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { declarationInput, makeDeclaration, ownDeclarations } from './make-declaration.ts';

const declaration = z.object({
  id: z.string().uuid(),
  category: z.string(),
  occurredOn: z.string(),
  details: z.string(),
  declaredAt: z.string(),
});

/** /api/v1/declarations: the signed-in user's own declarations of a change of circumstances. */
export function registerDeclarationsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/declarations',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['declarations'],
        summary: 'What you have declared (never the review it opened)',
        response: { 200: z.object({ items: z.array(declaration) }), ...apiErrors(401, 404) },
      },
    },
    async (request) => ({
      items: (await ownDeclarations(deps, principalOf(request))).map((d) => ({
        ...d,
        declaredAt: d.declaredAt.toISOString(),
      })),
    }),
  );

  api.post(
    '/api/v1/declarations',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['declarations'],
        summary: 'Declare a change of circumstances (2025 Vetting Regs reg 5); the vetting unit reviews it',
        body: declarationInput,
        response: { 201: z.object({ id: z.string().uuid(), declaredAt: z.string() }), ...apiErrors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const made = await makeDeclaration(deps, principalOf(request), request.body, request.id);
      return reply.code(201).send({ id: made.declarationId, declaredAt: made.declaredAt.toISOString() });
    },
  );
}
