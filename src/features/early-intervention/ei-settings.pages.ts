import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { all, errorSummary, first } from '../../kernel/forms.ts';
import { saveEiSettings, viewEiSettings } from './ei-settings.ts';
import { validationFields, type Body, type Q } from './ei-page-common.ts';

/** The force's early-intervention settings page: supervisor access (off by default) and the supervisory roles. */
export function registerEarlyInterventionSettingsPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const r = await viewEiSettings(deps, principalOf(request));
    return reply.page('early-intervention/views/settings.njk', {
      pageTitle: 'Early intervention settings',
      ...r,
      values: {
        supervisorAccess: r.settings.supervisorAccess ? 'true' : 'false',
        supervisoryRoles: r.settings.supervisoryRoles,
        version: String(r.settings.version),
      },
      ...extra,
    });
  };

  app.get<Q>('/early-intervention/settings', pre, (request, reply) =>
    show(request, reply, { flash: request.query['done'] === 'saved' ? 'Settings saved' : undefined }),
  );

  app.post<Body>('/early-intervention/settings', pre, async (request, reply) => {
    const input = {
      supervisorAccess: first(request.body['supervisorAccess']),
      supervisoryRoles: all(request.body['supervisoryRoles']),
      version: first(request.body['version']),
    };
    try {
      await saveEiSettings(deps, principalOf(request), input, request.id);
      return reply.redirect('/early-intervention/settings?done=saved', 303);
    } catch (err) {
      const fields = validationFields(err);
      return show(request, reply.code(400), { fields, errors: errorSummary(fields, []), values: input });
    }
  });
}
