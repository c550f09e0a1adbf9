import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError } from '../../../kernel/errors.ts';
import { applicationKinds, applicationStatuses, vettingLevels } from '../../../db/schema/index.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { applicationPageModel } from './application-view-model.ts';
import { createApplication } from './create-application.ts';
import { findPersonForForm } from './application-form-person.ts';
import { listApplicationsFor } from './list-applications.ts';
import { viewApplication } from './view-application.ts';
import { APPLICATION_STATUS_LABELS, KIND_LABELS } from '../vetting-labels.ts';
import { LEVEL_LABELS } from '../vetting-levels.ts';
import {
  dateFromParts,
  dateParts,
  errorSummary,
  first,
  formFailure,
  lines,
  pageHref,
  pagination,
  type FormBody,
} from '../vetting-pages-support.ts';

export type ApplicationExtra = {
  status?: number;
  fields?: Record<string, string>;
  refusal?: string;
  values?: Record<string, unknown>;
  dateFields?: string[];
};
type Params = { Params: { id: string }; Querystring: Record<string, string> };

const FLASH: Record<string, string> = {
  created: 'The application was started.',
  check: 'The result of the check was saved.',
  adverse: 'The adverse information was recorded.',
  listed: 'The application was checked against the barred and advisory lists.',
  match: 'Your decision on the possible match was recorded.',
  linked: 'The application was linked to the person record.',
  decided: 'The decision was recorded.',
};

/** The application page, re-rendered by its forms with their errors. */
export async function showApplication(
  deps: Deps,
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  extra: ApplicationExtra = {},
) {
  const file = await viewApplication(deps, principalOf(request), request.params.id, request.id);
  const values = extra.values ?? {};
  return reply.code(extra.status ?? 200).page('vetting/views/application.njk', {
    pageTitle: `Vetting application ${file.application.reference}`,
    ...file,
    ...applicationPageModel(file, values),
    fields: extra.fields,
    refusal: extra.refusal,
    errors: extra.refusal
      ? [{ text: extra.refusal, href: '#main-content' }]
      : extra.fields
        ? errorSummary(extra.fields, extra.dateFields ?? [])
        : undefined,
    values,
    flash: FLASH[request.query['done'] ?? ''],
  });
}

/** The applications list, the new-application form and the application page. */
export function registerApplicationPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/vetting/applications', pre, async (request, reply) => {
    const query = request.query;
    const common = {
      pageTitle: 'Vetting applications',
      query,
      kindLabels: KIND_LABELS,
      statusLabels: APPLICATION_STATUS_LABELS,
      statusItems: [
        { value: '', text: 'Any status' },
        ...applicationStatuses.map((s) => ({
          value: s,
          text: APPLICATION_STATUS_LABELS[s],
          selected: query['status'] === s,
        })),
      ],
      kindItems: [
        { value: '', text: 'Any kind' },
        ...applicationKinds.map((k) => ({ value: k, text: KIND_LABELS[k], selected: query['kind'] === k })),
      ],
    };
    try {
      const result = await listApplicationsFor(deps, principalOf(request), query, request.id);
      return reply.page('vetting/views/applications.njk', {
        ...common,
        result,
        pages: pagination(result.input.page, result.pageCount, pageHref('/vetting/applications', query)),
      });
    } catch (err) {
      const failure = formFailure(err);
      return reply.code(failure.status).page('vetting/views/applications.njk', {
        ...common,
        fields: failure.fields,
        errors: errorSummary(failure.fields ?? {}, []),
      });
    }
  });

  const showNew = async (request: FastifyRequest, reply: FastifyReply, extra: ApplicationExtra = {}) => {
    const values = extra.values ?? {};
    return reply.code(extra.status ?? 200).page('vetting/views/new-application.njk', {
      pageTitle: 'Start a vetting application',
      kindItems: applicationKinds.map((k) => ({ value: k, text: KIND_LABELS[k], checked: values['kind'] === k })),
      levelItems: [
        { value: '', text: 'Choose the level' },
        ...vettingLevels.map((l) => ({ value: l, text: LEVEL_LABELS[l], selected: values['level'] === l })),
      ],
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, ['dateOfBirth', 'receivedOn']) : undefined,
      values,
    });
  };

  app.get<{ Querystring: { personId?: string } }>('/vetting/applications/new', pre, async (request, reply) => {
    const principal = principalOf(request);
    authorize(principal, 'vetting.decide', 'page');
    const person = request.query.personId
      ? await findPersonForForm(deps, principal, request.query.personId)
      : undefined;
    const dob = dateParts(person?.date_of_birth);
    const values = person
      ? {
          kind: 'renewal',
          personId: person.id,
          givenName: person.given_name,
          familyName: person.family_name,
          'dateOfBirth-day': dob.day,
          'dateOfBirth-month': dob.month,
          'dateOfBirth-year': dob.year,
        }
      : {};
    return showNew(request, reply, { values });
  });

  app.post<{ Body: FormBody }>('/vetting/applications', pre, async (request, reply) => {
    const body = request.body;
    const dob = dateFromParts(body, 'dateOfBirth', 'The date of birth');
    const received = dateFromParts(body, 'receivedOn', 'The date received');
    try {
      const dateErrors = Object.fromEntries(
        [
          ['dateOfBirth', dob.error],
          ['receivedOn', received.error],
        ].filter(([, e]) => e),
      ) as Record<string, string>;
      if (Object.keys(dateErrors).length > 0) {
        authorize(principalOf(request), 'vetting.decide', 'page');
        throw new AppError('validation', 'Check the application', dateErrors);
      }
      const created = await createApplication(
        deps,
        principalOf(request),
        {
          kind: first(body['kind']) as never,
          level: first(body['level']) as never,
          personId: first(body['personId']),
          givenName: first(body['givenName']),
          familyName: first(body['familyName']),
          formerNames: lines(body['formerNames']),
          dateOfBirth: dob.iso ?? '',
          formerNumbers: lines(body['formerNumbers']),
          previousForce: first(body['previousForce']),
          receivedOn: received.iso ?? '',
        },
        request.id,
      );
      return reply.redirect(`/vetting/applications/${created.id}?done=created`, 303);
    } catch (err) {
      const failure = formFailure(err);
      return showNew(request, reply, {
        status: failure.status,
        fields: failure.fields ?? { kind: failure.refusal ?? '' },
        values: { ...body },
      });
    }
  });

  app.get<Params>('/vetting/applications/:id', pre, (request, reply) => showApplication(deps, request, reply));
}
