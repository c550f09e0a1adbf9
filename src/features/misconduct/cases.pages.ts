import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/deps.ts';
import { principalOf, requireSignedInPage } from '../../app/plugins/authentication.ts';
import { AppError, type FieldErrors } from '../../lib/errors.ts';
import { authorize, can } from '../access/principal.ts';
import { allocateCase } from './allocate-case.ts';
import { dateFromParts, dateParts, errorSummary, first, howLeftLabels, type FormBody } from './case-form-fields.ts';
import { casePageModel } from './case-page-model.ts';
import { listCasesFor } from './list-cases.ts';
import { recordSubjectLeft, subjectLeftInput } from './record-subject-left.ts';
import { viewCase } from './view-case.ts';
import { pagination } from '../../lib/pagination.ts';

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
export function registerCasePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/cases', pre, async (request, reply) => {
    const principal = principalOf(request);
    const query = request.query;
    const current = VIEWS.some((v) => v.view === query['view']) ? query['view'] : query['view'] ? undefined : 'mine';
    const tabs = VIEWS.map((v) => ({ text: v.text, href: `/cases?view=${v.view}`, active: v.view === current }));
    const common = {
      canAllocate: can(principal, 'case.allocate'),
      pageTitle: 'Cases',
      query,
      tabs,
      canCreate: can(principal, 'case.create'),
    };
    try {
      const result = await listCasesFor(deps, principal, query, request.id);
      const base = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== 'page' && v !== ''));
      const href = (n: number) => `/cases?${new URLSearchParams([...base.entries(), ['page', String(n)]]).toString()}`;
      return reply.page('misconduct/views/case-list.njk', {
        ...common,
        result,
        pages: pagination(result.input.page, result.pageCount, href),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return reply.code(400).page('misconduct/views/case-list.njk', {
        ...common,
        fields: err.fields,
        errors: errorSummary(err.fields, []),
      });
    }
  });

  /** The case page; forms on it re-render it with their errors and values. */
  const showCase = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Extra = {}) => {
    const principal = principalOf(request);
    const view = await viewCase(deps, principal, request.params.id, request.id);
    const model = await casePageModel(deps, principal, view);
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
        const fields = parsed.success
          ? {}
          : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
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
