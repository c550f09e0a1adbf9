import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, notFound, type FieldErrors } from '../../kernel/errors.ts';
import { authorize } from '../../kernel/access/principal.ts';
import { addAllegation } from './add-allegation.ts';
import { caseTypeLabels, sourceLabels } from './case-form-fields.ts';
import { all, dateFromParts, dateParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { categoryChoices } from './open-case-options.ts';
import { editCaseDetails } from './edit-case-details.ts';
import { removeSubject } from './remove-subject.ts';
import { standardsOfProfessionalBehaviour } from './taxonomy.ts';
import { viewCase } from './view-case.ts';

type CaseParams = { Params: { id: string } };
type SubjectParams = { Params: { id: string; subjectId: string } };
type Shown = { status?: number; fields?: FieldErrors; refusal?: string; values?: Record<string, unknown> };

/** The IOPC categories grouped under their parents, for a select with optgroups. */
const categoryGroups = categoryChoices;

const errorsOf = (extra: Shown, dateFields: string[] = []) =>
  extra.refusal ? [{ text: extra.refusal }] : extra.fields ? errorSummary(extra.fields, dateFields) : undefined;

/** A use-case refusal this page answers with the form again (400 for the fields, 409/422 in words). */
function shownFor(err: unknown): Shown {
  if (!(err instanceof AppError)) throw err;
  if (err.code === 'validation') return { status: 400, fields: err.fields ?? { form: err.message } };
  if (err.code === 'conflict') return { status: 409, refusal: err.message };
  if (err.code === 'invalid_state') return { status: 422, refusal: err.message };
  throw err;
}

/**
 * Correcting a case after opening (issue 17): its details (source, type, date, summary), a further
 * allegation for one or several subjects, and taking back a subject entered by mistake. Forms without
 * JavaScript; each calls the use case the API calls.
 */
export function registerCaseCorrectionPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const load = async (request: FastifyRequest<CaseParams>, ability: 'allegation.progress' | 'allegation.decide') => {
    const principal = principalOf(request);
    authorize(principal, ability, 'case');
    return viewCase(deps, principal, request.params.id, request.id);
  };

  const showDetails = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Shown = {}) => {
    const view = await load(request, 'allegation.progress');
    const c = view.theCase;
    const values = extra.values ?? {
      source: c.source,
      caseType: c.caseType,
      summary: c.summary,
      cameToAttentionOn: dateParts(c.cameToAttentionOn),
      version: c.version,
    };
    return reply.code(extra.status ?? 200).page('misconduct/views/correct-case.njk', {
      pageTitle: `Correct case ${c.reference}`,
      theCase: c,
      sources: Object.entries(sourceLabels).map(([value, text]) => ({ value, text })),
      caseTypes: Object.entries(caseTypeLabels).map(([value, l]) => ({ value, text: l.text })),
      values,
      fields: extra.fields,
      errors: errorsOf(extra, ['cameToAttentionOn']),
    });
  };

  app.get<CaseParams>('/cases/:id/correct', pre, (request, reply) => showDetails(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/correct', pre, async (request, reply) => {
    const body = request.body;
    const date = dateFromParts(body, 'cameToAttentionOn', 'The date the matter came to attention');
    const values = {
      source: first(body.source),
      caseType: first(body.caseType),
      summary: first(body.summary),
      reason: first(body.reason),
      version: first(body.version),
      cameToAttentionOn: {
        day: first(body['cameToAttentionOn-day']),
        month: first(body['cameToAttentionOn-month']),
        year: first(body['cameToAttentionOn-year']),
      },
    };
    try {
      if (date.error || !date.iso) {
        authorize(principalOf(request), 'allegation.progress', 'case');
        throw new AppError('validation', 'Check the details', {
          cameToAttentionOn: date.error ?? 'Enter the date the matter came to attention',
        });
      }
      await editCaseDetails(
        deps,
        principalOf(request),
        {
          caseId: request.params.id,
          version: values.version,
          source: values.source,
          caseType: values.caseType,
          cameToAttentionOn: date.iso,
          summary: values.summary,
          reason: values.reason,
        },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}`, 303);
    } catch (err) {
      return showDetails(request, reply, { ...shownFor(err), values });
    }
  });

  const showAllegation = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Shown = {}) => {
    const view = await load(request, 'allegation.progress');
    const c = view.theCase;
    return reply.code(extra.status ?? 200).page('misconduct/views/add-allegation.njk', {
      pageTitle: `Add an allegation to case ${c.reference}`,
      theCase: c,
      subjects: view.subjects
        .filter((s) => !s.recordedInErrorOn)
        .map((s) => ({ value: s.id, text: `${s.givenName} ${s.familyName}` })),
      categoryGroups: await categoryGroups(deps),
      standards: standardsOfProfessionalBehaviour.map((s) => ({ value: s.code, text: s.label })),
      values: extra.values ?? { version: c.version, subjectIds: [], standards: [] },
      fields: extra.fields,
      errors: errorsOf(extra),
    });
  };

  app.get<CaseParams>('/cases/:id/allegations/new', pre, (request, reply) => showAllegation(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/allegations/new', pre, async (request, reply) => {
    const body = request.body;
    const values = {
      version: first(body.version),
      subjectIds: all(body.subjectIds),
      categoryCode: first(body.categoryCode),
      standards: all(body.standards),
      description: first(body.description),
    };
    try {
      await addAllegation(deps, principalOf(request), { caseId: request.params.id, ...values }, request.id);
      return reply.redirect(`/cases/${request.params.id}`, 303);
    } catch (err) {
      return showAllegation(request, reply, { ...shownFor(err), values });
    }
  });

  const showRemove = async (request: FastifyRequest<SubjectParams>, reply: FastifyReply, extra: Shown = {}) => {
    const view = await load(request, 'allegation.decide');
    const subject = view.subjects.find((s) => s.id === request.params.subjectId);
    if (!subject || subject.recordedInErrorOn) throw notFound('subject');
    return reply.code(extra.status ?? 200).page('misconduct/views/remove-subject.njk', {
      pageTitle: `Take ${subject.givenName} ${subject.familyName} off case ${view.theCase.reference}`,
      theCase: view.theCase,
      subject,
      values: extra.values ?? { version: view.theCase.version },
      fields: extra.fields,
      errors: errorsOf(extra),
    });
  };

  app.get<SubjectParams>('/cases/:id/subjects/:subjectId/remove', pre, (request, reply) => showRemove(request, reply));

  app.post<SubjectParams & { Body: FormBody }>('/cases/:id/subjects/:subjectId/remove', pre, async (request, reply) => {
    const values = { version: first(request.body.version), reason: first(request.body.reason) };
    try {
      await removeSubject(
        deps,
        principalOf(request),
        {
          caseId: request.params.id,
          subjectId: request.params.subjectId,
          version: values.version,
          reason: values.reason,
        },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}`, 303);
    } catch (err) {
      return showRemove(request, reply, { ...shownFor(err), values });
    }
  });
}
