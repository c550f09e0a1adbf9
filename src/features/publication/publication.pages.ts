import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { dateFromParts, dateParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { createPublication } from './create-publication.ts';
import { listPublications, preparePublication } from './prepare-publication.ts';
import { publishPublication } from './publish-publication.ts';
import { recordPublicationOutcome } from './record-publication-outcome.ts';
import { viewPublication } from './view-publication.ts';
import { withdrawPublication } from './withdraw-publication.ts';

export const FORM_LABELS: Record<string, string> = {
  hearing: 'Misconduct hearing',
  accelerated_hearing: 'Accelerated misconduct hearing',
};
const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  published: { text: 'Published', classes: 'govuk-tag--green' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--red' },
};
const FLASH: Record<string, string> = {
  created: 'Draft saved: it is not public until you publish it',
  published: 'Published on the public page',
  outcome: 'Outcome saved',
  withdrawn: 'Withdrawn from the public page',
};

type NewQuery = { Querystring: { case?: string; hearing?: string } };
type Body = { Body: FormBody };
type Id = { Params: { id: string } };

/** Not valid (400) → back to the form with the errors; anything else goes to the error pages. */
function validationFields(err: unknown): Record<string, string> {
  if (err instanceof AppError && err.code === 'validation' && err.fields) return err.fields;
  throw err;
}

/** The appropriate authority's hearing notices: list, draft from a case's hearing, publish, outcome, withdraw. */
export function registerPublicationPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/publications', pre, async (request, reply) => {
    const principal = principalOf(request);
    const rows = await listPublications(deps, principal);
    return reply.page('publication/views/publications.njk', {
      pageTitle: 'Public hearing notices',
      rows,
      statusTags: STATUS_TAGS,
      forceId: principal.forceId,
    });
  });

  const showNew = async (
    request: FastifyRequest,
    reply: FastifyReply,
    query: { case?: string | undefined; hearing?: string | undefined },
    extra: Record<string, unknown> = {},
  ) => {
    let prepared;
    try {
      prepared = await preparePublication(deps, principalOf(request), query);
    } catch (err) {
      const fields = validationFields(err);
      return reply.code(400).page('publication/views/publication-new.njk', {
        pageTitle: 'Draft a hearing notice',
        fields,
        errors: errorSummary(fields, []),
        caseReference: query.case,
        values: {},
      });
    }
    const chosen = prepared.chosen;
    const hearing = dateParts(chosen?.hearing_on);
    const values = chosen
      ? {
          officerName: `${chosen.given_name} ${chosen.family_name}`,
          officerRank: chosen.rank ?? '',
          'hearingOn-day': hearing.day,
          'hearingOn-month': hearing.month,
          'hearingOn-year': hearing.year,
        }
      : {};
    return reply.page('publication/views/publication-new.njk', {
      pageTitle: 'Draft a hearing notice',
      ...prepared,
      formLabels: FORM_LABELS,
      caseReference: prepared.theCase?.reference ?? query.case,
      values,
      ...extra,
    });
  };

  app.get<NewQuery>('/publications/new', pre, (request, reply) => showNew(request, reply, request.query));

  app.post<Body>('/publications', pre, async (request, reply) => {
    const body = request.body;
    const hearingOn = dateFromParts(body, 'hearingOn', 'The date of the hearing');
    try {
      if (hearingOn.error) throw new AppError('validation', 'Check the notice', { hearingOn: hearingOn.error });
      const input = {
        caseId: first(body['caseId']),
        allegationId: first(body['allegationId']),
        officerName: first(body['officerName']),
        officerRank: first(body['officerRank']),
        hearingOn: hearingOn.iso,
        venue: first(body['venue']),
        allegationSummary: first(body['allegationSummary']),
      };
      const { id } = await createPublication(deps, principalOf(request), input, request.id);
      return reply.redirect(`/publications/${id}?done=created`, 303);
    } catch (err) {
      const fields = validationFields(err);
      const query = { case: first(body['caseReference']), hearing: first(body['allegationId']) };
      return showNew(request, reply.code(400), query, {
        fields,
        errors: errorSummary(fields, ['hearingOn']),
        values: body,
      });
    }
  });

  const showNotice = async (
    request: FastifyRequest<Id & { Querystring: { done?: string } }>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) => {
    const notice = await viewPublication(deps, principalOf(request), request.params.id);
    return reply.page('publication/views/publication.njk', {
      pageTitle: `Hearing notice – ${notice.reference}`,
      notice,
      statusTag: STATUS_TAGS[notice.status],
      formLabel: FORM_LABELS[notice.form],
      values: {},
      flash: FLASH[request.query.done ?? ''],
      ...extra,
    });
  };

  app.get<Id & { Querystring: { done?: string } }>('/publications/:id', pre, (request, reply) =>
    showNotice(request, reply),
  );

  const change =
    (done: string, act: (request: FastifyRequest<Id & Body>) => Promise<unknown>, dateFields: string[] = []) =>
    async (request: FastifyRequest<Id & Body & { Querystring: { done?: string } }>, reply: FastifyReply) => {
      try {
        await act(request);
        return reply.redirect(`/publications/${request.params.id}?done=${done}`, 303);
      } catch (err) {
        const fields = validationFields(err);
        return showNotice(request, reply.code(400), {
          fields,
          errors: errorSummary(fields, dateFields),
          values: request.body,
        });
      }
    };
  const version = (request: FastifyRequest<Id & Body>) => ({
    publicationId: request.params.id,
    version: first(request.body['version']),
  });

  app.post<Id & Body & { Querystring: { done?: string } }>(
    '/publications/:id/publish',
    pre,
    change('published', (request) => publishPublication(deps, principalOf(request), version(request), request.id)),
  );
  app.post<Id & Body & { Querystring: { done?: string } }>(
    '/publications/:id/outcome',
    pre,
    change(
      'outcome',
      async (request) => {
        const on = dateFromParts(request.body, 'outcomeOn', 'The date of the outcome');
        if (on.error) throw new AppError('validation', 'Check the outcome', { outcomeOn: on.error });
        return recordPublicationOutcome(
          deps,
          principalOf(request),
          { ...version(request), outcome: first(request.body['outcome']), outcomeOn: on.iso },
          request.id,
        );
      },
      ['outcomeOn'],
    ),
  );
  app.post<Id & Body & { Querystring: { done?: string } }>(
    '/publications/:id/withdraw',
    pre,
    change('withdrawn', (request) =>
      withdrawPublication(
        deps,
        principalOf(request),
        { ...version(request), reason: first(request.body['reason']) },
        request.id,
      ),
    ),
  );
}
