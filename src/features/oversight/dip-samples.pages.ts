import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { dateFromParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { listDipSamples, viewSampledCase, type SampleState } from './dip-sample-reads.ts';
import { grantDipSample } from './grant-dip-sample.ts';
import { revokeDipSample } from './revoke-dip-sample.ts';

const STATE_TAGS: Record<SampleState, { text: string; classes: string }> = {
  not_started: { text: 'Not started', classes: 'govuk-tag--blue' },
  current: { text: 'Current', classes: 'govuk-tag--green' },
  ended: { text: 'Ended', classes: 'govuk-tag--grey' },
  revoked: { text: 'Ended early', classes: 'govuk-tag--grey' },
};

const FLASH: Record<string, string> = { granted: 'Dip sample granted', revoked: 'Dip sample ended' };

/** Dip sampling: the list (both sides), the grant form, ending a sample, and reading a sampled case. */
export function registerDipSamplePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: { done?: string } }>('/oversight/samples', pre, async (request, reply) => {
    const list = await listDipSamples(deps, principalOf(request));
    return reply.page('oversight/views/samples.njk', {
      pageTitle: 'Dip samples',
      ...list,
      stateTags: STATE_TAGS,
      flash: FLASH[request.query.done ?? ''],
    });
  });

  const showForm = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}) => {
    const list = await listDipSamples(deps, principalOf(request));
    if (!list.granting) throw notFound('page');
    return reply.page('oversight/views/sample-new.njk', {
      pageTitle: 'Grant a dip sample',
      grantees: list.grantees,
      values: {},
      ...extra,
    });
  };

  app.get('/oversight/samples/new', pre, (request, reply) => showForm(request, reply));

  app.post<{ Body: FormBody }>('/oversight/samples', pre, async (request, reply) => {
    const body = request.body;
    const dates = {
      startsOn: dateFromParts(body, 'startsOn', 'The first day'),
      endsOn: dateFromParts(body, 'endsOn', 'The last day'),
    };
    const dateErrors = Object.fromEntries(
      Object.entries(dates)
        .filter(([, d]) => d.error)
        .map(([k, d]) => [k, d.error ?? '']),
    );
    try {
      if (Object.keys(dateErrors).length > 0)
        throw new AppError('validation', 'Check the details of the dip sample', dateErrors);
      const input = {
        granteeUserId: first(body['granteeUserId']),
        caseReferences: first(body['caseReferences']),
        startsOn: dates.startsOn.iso,
        endsOn: dates.endsOn.iso,
        purpose: first(body['purpose']),
      };
      await grantDipSample(deps, principalOf(request), input, request.id);
      return reply.redirect('/oversight/samples?done=granted', 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return showForm(request, reply.code(400), {
        fields: err.fields,
        errors: errorSummary(err.fields, ['startsOn', 'endsOn']),
        values: body,
      });
    }
  });

  app.post<{ Params: { id: string }; Body: FormBody }>(
    '/oversight/samples/grants/:id/revoke',
    pre,
    async (request, reply) => {
      await revokeDipSample(
        deps,
        principalOf(request),
        { sampleId: request.params.id, version: first(request.body['version']) },
        request.id,
      );
      return reply.redirect('/oversight/samples?done=revoked', 303);
    },
  );

  app.get<{ Params: { caseId: string } }>('/oversight/samples/:caseId', pre, async (request, reply) => {
    const { view, model } = await viewSampledCase(deps, principalOf(request), request.params.caseId, request.id);
    return reply.page('oversight/views/sampled-case.njk', {
      pageTitle: `Case ${view.theCase.reference} (dip sample)`,
      theCase: view.theCase,
      ...model,
    });
  });
}
