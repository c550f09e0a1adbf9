import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { vettingLevels } from '../../../db/schema/index.ts';
import { addDesignatedPost } from './add-designated-post.ts';
import { COMPLIANCE_REASON_LABELS, COMPLIANCE_REASONS } from './compliance-rules.ts';
import { deactivatePost } from './deactivate-designated-post.ts';
import { listCompliance } from './list-compliance.ts';
import { listDesignatedPosts } from './list-designated-posts.ts';
import { vettingHome } from './vetting-home.ts';
import { LEVEL_LABELS, minimumLevelOf } from '../vetting-levels.ts';
import { errorSummary, first, formFailure, pageHref, pagination, type FormBody } from '../vetting-pages-support.ts';

type Query = { Querystring: Record<string, string> };

/** The vetting home page, the compliance list and the designated-post register. */
export function registerVettingHomePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/vetting', pre, async (request, reply) => {
    const home = await vettingHome(deps, principalOf(request), request.id);
    return reply.page('vetting/views/home.njk', { pageTitle: 'Vetting', home });
  });

  app.get<Query>('/vetting/compliance', pre, async (request, reply) => {
    const query = request.query;
    const common = {
      pageTitle: 'Vetting compliance',
      minimumLabel: LEVEL_LABELS[minimumLevelOf(deps.config.rules.integrity.minimumLevel)],
      reasonLabels: COMPLIANCE_REASON_LABELS,
      reasonItems: [
        { value: '', text: 'Any reason' },
        ...COMPLIANCE_REASONS.map((r) => ({
          value: r,
          text: COMPLIANCE_REASON_LABELS[r],
          selected: query['reason'] === r,
        })),
      ],
    };
    try {
      const result = await listCompliance(deps, principalOf(request), query, request.id);
      return reply.page('vetting/views/compliance.njk', {
        ...common,
        result,
        pages: pagination(result.input.page, result.pageCount, pageHref('/vetting/compliance', query)),
      });
    } catch (err) {
      const failure = formFailure(err);
      return reply.code(failure.status).page('vetting/views/compliance.njk', {
        ...common,
        fields: failure.fields,
        errors: errorSummary(failure.fields ?? {}, []),
      });
    }
  });

  const showPosts = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { status?: number; fields?: Record<string, string>; values?: Record<string, string> } = {},
  ) => {
    const register = await listDesignatedPosts(deps, principalOf(request));
    const values = extra.values ?? {};
    return reply.code(extra.status ?? 200).page('vetting/views/posts.njk', {
      pageTitle: 'Designated posts',
      ...register,
      roleItems: [
        { value: '', text: 'Choose the posting role' },
        ...register.roles.map((r) => ({ value: r, text: r, selected: values['postingRole'] === r })),
      ],
      unitItems: [
        { value: '', text: 'Any unit' },
        ...register.units.map((u) => ({
          value: u.id,
          text: u.path.split('/').slice(1).join(' / ') || u.name,
          selected: values['unitId'] === u.id,
        })),
      ],
      levelItems: [
        { value: '', text: 'Choose the level' },
        ...vettingLevels.map((l) => ({ value: l, text: LEVEL_LABELS[l], selected: values['requiredLevel'] === l })),
      ],
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, []) : undefined,
      values,
      flash:
        (request.query as Record<string, string>)['done'] === 'added'
          ? 'The designated post was added.'
          : (request.query as Record<string, string>)['done'] === 'deactivated'
            ? 'The designated post was deactivated.'
            : undefined,
    });
  };

  app.get('/vetting/posts', pre, (request, reply) => showPosts(request, reply));

  app.post<{ Body: FormBody }>('/vetting/posts', pre, async (request, reply) => {
    const values = {
      title: first(request.body.title),
      postingRole: first(request.body.postingRole),
      unitId: first(request.body.unitId),
      requiredLevel: first(request.body.requiredLevel),
    };
    try {
      await addDesignatedPost(
        deps,
        principalOf(request),
        { ...values, requiredLevel: values.requiredLevel as never },
        request.id,
      );
      return reply.redirect('/vetting/posts?done=added', 303);
    } catch (err) {
      const failure = formFailure(err);
      return showPosts(request, reply, {
        status: failure.status,
        fields: failure.fields ?? { title: failure.refusal ?? '' },
        values,
      });
    }
  });

  app.post<{ Params: { id: string } }>('/vetting/posts/:id/deactivate', pre, async (request, reply) => {
    await deactivatePost(deps, principalOf(request), request.params.id, request.id);
    return reply.redirect('/vetting/posts?done=deactivated', 303);
  });
}
