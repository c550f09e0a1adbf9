import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../kernel/http/guards.ts';
import { actorOf } from '../../kernel/access/principal.ts';
import { roleAbilities, roleLabels } from '../../kernel/access/roles.ts';
import { createApiToken, listApiTokens, revokeApiToken, tokenNameInput } from './api-tokens.ts';
import { errorList } from './form-helpers.ts';
import type { Principal } from '../../kernel/access/principal.ts';

/** What features above this one offer on the account page; src/app/routes.ts gives their policies' answers. */
export type AccountPanels = {
  /** May this user make a declaration about themselves (vetting)? */
  declareOwn: (principal: Principal) => boolean;
};

/** "Your account": who you are, your API tokens, sign out everywhere. And GET /api/v1/me. */
export function registerAccountPages(app: FastifyInstance, deps: Deps, panels: AccountPanels): void {
  const render = async (request: Parameters<typeof principalOf>[0], extra: Record<string, unknown> = {}) => {
    const principal = principalOf(request);
    const tokens = await listApiTokens(deps, principal);
    const canDeclare = panels.declareOwn(principal);
    return { pageTitle: 'Your account', tokens, roleLabel: roleLabels[principal.role], canDeclare, ...extra };
  };

  app.get('/account', { preHandler: requireSignedInPage }, async (request, reply) =>
    reply.page('auth/views/account.njk', await render(request)),
  );

  app.post<{ Body: { name?: string } }>(
    '/account/tokens',
    { preHandler: requireSignedInPage },
    async (request, reply) => {
      const principal = principalOf(request);
      const name = tokenNameInput.safeParse(request.body.name ?? '');
      if (!name.success) {
        const fields = { name: name.error.issues[0]?.message ?? 'Name the token' };
        return reply
          .code(400)
          .page('auth/views/account.njk', await render(request, { fields, errors: errorList(fields) }));
      }
      const created = await createApiToken(deps, actorOf(principal, request.id), principal.userId, name.data);
      return reply.page('auth/views/account.njk', await render(request, { newToken: created.token }));
    },
  );

  app.post<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    { preHandler: requireSignedInPage },
    async (request, reply) => {
      const principal = principalOf(request);
      const id = z.string().uuid().safeParse(request.params.id);
      if (!id.success)
        return reply.code(404).page('error.njk', { pageTitle: 'Page not found', message: 'No such API token.' });
      await revokeApiToken(deps, actorOf(principal, request.id), principal.userId, id.data);
      return reply.page('auth/views/account.njk', await render(request, { flash: 'The token was revoked.' }));
    },
  );

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/me',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['account'],
        summary: 'The account the token belongs to',
        response: {
          200: z.object({
            userId: z.string().uuid(),
            email: z.string(),
            displayName: z.string(),
            role: z.string(),
            forceId: z.string(),
            abilities: z.array(z.string()),
          }),
        },
      },
    },
    async (request) => {
      const p = principalOf(request);
      return {
        userId: p.userId,
        email: p.email,
        displayName: p.displayName,
        role: p.role,
        forceId: p.forceId,
        abilities: [...roleAbilities(p.role)],
      };
    },
  );
}
