import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { authorize } from '../../kernel/access/principal.ts';
import { allocateCase } from './allocate-case.ts';
import { howLeftLabels } from './case-form-fields.ts';
import { dateFromParts, dateParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { casePageModel, type CasePanels } from './case-page-model.ts';
import { listCasesFor, listCasesInput } from './list-cases.ts';
import { caseFilterChoices, sortableHeaders } from './case-list-filters.ts';
import { recordSubjectLeft, subjectLeftInput } from './record-subject-left.ts';
import { viewCase } from './view-case.ts';
import { pagination } from '../../kernel/pagination.ts';
import { fieldErrorsOf } from '../../kernel/validation.ts';
import { casePolicy } from './case.policy.ts';

type CaseParams = { Params: { id: string } };
type Extra = {
  status?: number;
  fields?: FieldErrors;
  refusal?: string;
  dateFields?: string[];
  values?: Record<string, unknown>;
};

const VIEWS = [
  { view: 'mine', text: 'My cases' },
  { view: 'unallocated', text: 'Unallocated' },
  { view: 'all', text: 'All cases I can see' },
] as const;

/** The case list, the case page and its small forms (allocation, a subject leaving). Work without JavaScript. */
export function registerCasePages(app: FastifyInstance, deps: Deps, panels: CasePanels): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/cases', pre, async (request, reply) => {
    const principal = principalOf(request);
    // The GOV.UK date inputs of the filter form arrive as day, month and year: the use case (and the URL it
    // links to) take ISO dates, so the filters stay in the address and the API takes the same.
    const dateErrors: FieldErrors = {};
    const query: Record<string, string> = { ...request.query };
    for (const [name, what] of [
      ['from', 'The earliest date'],
      ['to', 'The latest date'],
    ] as const) {
      const parts = dateFromParts(query, name, what);
      for (const part of ['day', 'month', 'year']) delete query[`${name}-${part}`];
      if (parts.error) dateErrors[name] = parts.error;
      else if (parts.iso) query[name] = parts.iso;
    }
    const current = VIEWS.some((v) => v.view === query['view']) ? query['view'] : query['view'] ? undefined : 'mine';
    const tabs = VIEWS.map((v) => ({ text: v.text, href: `/cases?view=${v.view}`, active: v.view === current }));
    const common = {
      canAllocate: casePolicy.allocate(principal),
      pageTitle: 'Cases',
      query,
      dates: { from: dateParts(query['from']), to: dateParts(query['to']) },
      tabs,
      canCreate: casePolicy.create(principal),
      choices: await caseFilterChoices(deps, principal, query),
    };
    try {
      if (Object.keys(dateErrors).length) {
        // Say everything that is wrong at once: the other filters' errors with the dates'.
        const rest = listCasesInput.safeParse(query);
        const other = rest.success ? {} : fieldErrorsOf(rest.error, (path) => String(path[0]));
        throw new AppError('validation', 'Check the filters', { ...other, ...dateErrors });
      }
      const result = await listCasesFor(deps, principal, query, request.id);
      // A repeated filter (several stages) arrives as an array: keep each value in the links.
      const kept = Object.entries(query as Record<string, string | string[]>).flatMap(([k, v]): [string, string][] =>
        (Array.isArray(v) ? v : [v]).filter((one) => one !== '' && one !== undefined).map((one) => [k, one]),
      );
      const base = new URLSearchParams(kept.filter(([k]) => k !== 'page'));
      const href = (n: number) => `/cases?${new URLSearchParams([...base.entries(), ['page', String(n)]]).toString()}`;
      return reply.page('misconduct/views/case-list.njk', {
        ...common,
        result,
        headers: sortableHeaders(kept, result.input.sort, result.input.dir),
        pages: pagination(result.input.page, result.pageCount, href),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      const fields = { ...err.fields, ...dateErrors };
      return reply.code(400).page('misconduct/views/case-list.njk', {
        ...common,
        fields,
        errors: errorSummary(fields, ['from', 'to']),
      });
    }
  });

  /** The case page; forms on it re-render it with their errors and values. */
  const showCase = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Extra = {}) => {
    const principal = principalOf(request);
    const view = await viewCase(deps, principal, request.params.id, request.id);
    const model = await casePageModel(deps, principal, view, panels);
    const errors = extra.refusal
      ? [{ text: extra.refusal }]
      : extra.fields
        ? errorSummary(extra.fields, extra.dateFields ?? [])
        : undefined;
    return reply.code(extra.status ?? 200).page('misconduct/views/case.njk', {
      pageTitle: `Case ${view.theCase.reference}`,
      theCase: view.theCase,
      ...model,
      howLeft: Object.entries(howLeftLabels).map(([value, text]) => ({ value, text })),
      fields: extra.fields,
      errors,
      values: extra.values ?? {},
    });
  };

  app.get<CaseParams>('/cases/:id', pre, (request, reply) => showCase(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/allocation', pre, async (request, reply) => {
    const chosen = first(request.body.leadInvestigatorId);
    try {
      await allocateCase(
        deps,
        principalOf(request),
        { caseId: request.params.id, version: Number(first(request.body.version)), leadInvestigatorId: chosen || null },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const fields = { leadInvestigatorId: err.fields?.['leadInvestigatorId'] ?? err.message };
      return showCase(request, reply, { status: 400, fields });
    }
  });

  app.post<{ Params: { id: string; subjectId: string }; Body: FormBody }>(
    '/cases/:id/subjects/:subjectId/left',
    pre,
    async (request, reply) => {
      const { id, subjectId } = request.params;
      const prefix = `left-${subjectId}`;
      const date = dateFromParts(request.body, 'leftOn', 'The date they left');
      const raw = {
        caseId: id,
        subjectId,
        version: first(request.body.version),
        leftOn: date.iso ?? '',
        how: first(request.body.how),
      };
      const values = {
        [prefix]: {
          leftOn: date.iso
            ? dateParts(date.iso)
            : {
                day: first(request.body['leftOn-day']),
                month: first(request.body['leftOn-month']),
                year: first(request.body['leftOn-year']),
              },
          how: raw.how,
        },
      };
      const rename = (fields: FieldErrors): FieldErrors => {
        const out: FieldErrors = {};
        if (date.error) out[`${prefix}-leftOn`] = date.error;
        for (const [k, v] of Object.entries(fields)) out[`${prefix}-${k === 'how' ? 'how' : 'leftOn'}`] ??= v;
        return out;
      };
      const dateFields = [`${prefix}-leftOn`];
      const parsed = subjectLeftInput.safeParse(raw);
      if (date.error) {
        authorize(principalOf(request), 'allegation.decide', 'case');
        const fields = parsed.success ? {} : fieldErrorsOf(parsed.error, (path) => String(path[0]));
        return showCase(request, reply, { status: 400, fields: rename(fields), dateFields, values });
      }
      try {
        await recordSubjectLeft(deps, principalOf(request), raw as Parameters<typeof recordSubjectLeft>[2], request.id);
        return reply.redirect(`/cases/${id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || (err.code !== 'validation' && err.code !== 'invalid_state')) throw err;
        if (err.code === 'invalid_state') return showCase(request, reply, { status: 422, refusal: err.message });
        return showCase(request, reply, {
          status: 400,
          fields: rename(err.fields ?? { leftOn: err.message }),
          dateFields,
          values,
        });
      }
    },
  );
}
