import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { saveEiSettings, viewEiSettings } from './ei-settings.ts';

const settingsOut = z.object({
  supervisorAccess: z.boolean(),
  supervisoryRoles: z.array(z.string()),
  version: z.number().int(),
});

/** /api/v1/early-intervention/settings: the same use cases as the settings page (ei.manage). */
export function registerEarlyInterventionSettingsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['early intervention'];
  const url = '/api/v1/early-intervention/settings';

  api.get(
    url,
    {
      ...pre,
      schema: {
        tags,
        summary: 'The force’s early-intervention settings, and the roles of its current postings',
        response: { 200: settingsOut.extend({ postingRoles: z.array(z.string()) }), ...apiErrors(401, 404) },
      },
    },
    async (request) => {
      const r = await viewEiSettings(deps, principalOf(request));
      return { ...r.settings, postingRoles: r.roles };
    },
  );

  api.post(
    url,
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Save the settings: whether supervisors see their own units’ alerts (off by default) and which posting roles supervise',
        body: z.object({
          supervisorAccess: z.boolean(),
          supervisoryRoles: z.array(z.string().max(120)).max(200),
          version: z.number().int().min(0),
        }),
        response: { 200: settingsOut, ...apiErrors(400, 401, 404, 409) },
      },
    },
    async (request) => saveEiSettings(deps, principalOf(request), request.body, request.id),
  );
}
