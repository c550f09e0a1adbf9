import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { criminalEventKinds } from '../../db/schema/index.ts';
import { viewCriminalProceedings } from './view-criminal-proceedings.ts';
import { recordCriminalEvent } from './record-criminal-event.ts';
import { draftPccReport } from './draft-pcc-report.ts';
import { dateFromParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';

type Params = { Params: { id: string } };

const kindLabels: Record<(typeof criminalEventKinds)[number], string> = {
  arrest: 'Arrested',
  bail: 'Bailed',
  released_under_investigation: 'Released under investigation',
  charge: 'Charged',
  court_outcome: 'Court outcome',
  no_further_action: 'No further action (criminal)',
};

/** Criminal proceedings alongside a case (with sub judice periods) and the draft report to the PCC. */
export function registerCriminalPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showCriminal = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) => {
    const { theCase, subjects, events } = await viewCriminalProceedings(
      deps,
      principalOf(request),
      request.params.id,
      request.id,
    );
    const nameOf = new Map(subjects.map((s) => [s.id, `${s.givenName} ${s.familyName}`]));
    return reply.page('misconduct/views/criminal-proceedings.njk', {
      pageTitle: `Criminal proceedings – ${theCase.reference}`,
      theCase,
      subjects,
      kinds: criminalEventKinds.map((k) => ({ value: k, text: kindLabels[k] })),
      events: events.map((e) => ({ ...e, subject: nameOf.get(e.subjectId) ?? '', kindLabel: kindLabels[e.kind] })),
      values: {},
      ...extra,
    });
  };

  app.get<Params>('/cases/:id/criminal', pre, (request, reply) => showCriminal(request, reply));

  app.post<Params & { Body: FormBody }>('/cases/:id/criminal', pre, async (request, reply) => {
    const body = request.body;
    const dates = {
      occurredOn: dateFromParts(body, 'occurredOn', 'The date'),
      subJudiceFrom: dateFromParts(body, 'subJudiceFrom', 'The start of the sub judice period'),
      subJudiceTo: dateFromParts(body, 'subJudiceTo', 'The end of the sub judice period'),
    };
    const dateErrors = Object.fromEntries(
      Object.entries(dates)
        .filter(([, d]) => d.error)
        .map(([k, d]) => [k, d.error ?? '']),
    );
    const values = { ...body };
    try {
      if (Object.keys(dateErrors).length > 0) throw new AppError('validation', 'Check the details', dateErrors);
      await recordCriminalEvent(
        deps,
        principalOf(request),
        {
          caseId: request.params.id,
          subjectId: first(body['subjectId']),
          kind: first(body['kind']) as never,
          occurredOn: dates.occurredOn.iso ?? '',
          details: first(body['details']),
          indictableOnlyConviction: first(body['indictableOnlyConviction']) === 'yes',
          subJudiceFrom: dates.subJudiceFrom.iso,
          subJudiceTo: dates.subJudiceTo.iso,
        },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}/criminal?recorded=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      const fields = err.fields;
      const dateFields = ['occurredOn', 'subJudiceFrom', 'subJudiceTo'];
      return showCriminal(request, reply.code(400), { fields, errors: errorSummary(fields, dateFields), values });
    }
  });

  app.get<Params>('/cases/:id/pcc-report', pre, async (request, reply) => {
    const report = await draftPccReport(deps, principalOf(request), request.params.id, request.id);
    return reply.page('misconduct/views/pcc-report.njk', {
      pageTitle: `Report to the PCC – ${report.theCase.reference}`,
      report,
    });
  });
}
