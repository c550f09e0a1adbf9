import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { authorize } from '../../kernel/access/principal.ts';
import { caseTypeLabels } from '../misconduct/index.ts';
import { all, errorSummary, first, formFieldErrors, type FormBody } from '../../kernel/forms.ts';
import { categoryChoices } from '../misconduct/index.ts';
import { standardsOfProfessionalBehaviour } from '../misconduct/index.ts';
import { resolveSubjectReferences } from '../misconduct/index.ts';
import { openCaseFromReport } from './open-case-from-report.ts';
import { CATEGORY_LABELS } from './report-content.ts';
import { missingPassages, parsePassages, redact } from './rules/redaction.ts';
import { viewReport } from './view-report.ts';

type Id = { Params: { reportId: string } };

const RENAME: Record<string, string> = { subjectPersonIds: 'subjects' };

/** The unit's form that opens a conduct case from a report: subjects, category, standards, the copied text. */
export function registerOpenCaseFromReportPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showForm = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    extra: {
      fields?: FieldErrors;
      values?: Record<string, unknown>;
      preview?: { summary: string; description: string };
    } = {},
  ) => {
    const principal = principalOf(request);
    authorize(principal, 'case.create');
    // Audited as a read of the report (report.viewed): the form shows its text to copy from.
    const view = await viewReport(deps, principal, request.params.reportId, request.id, { identity: false });
    const categoryGroups = await categoryChoices(deps);
    return reply.page('reporting/views/open-case.njk', {
      pageTitle: 'Open a conduct case from the report',
      report: view.report,
      content: view.content,
      categoryLabel: CATEGORY_LABELS[view.report.category],
      caseTypes: Object.entries(caseTypeLabels).map(([value, l]) => ({ value, text: l.text, hint: l.hint })),
      categoryGroups,
      standards: standardsOfProfessionalBehaviour.map((s) => ({ value: s.code, text: s.label })),
      fields: extra.fields ?? {},
      errors: extra.fields ? errorSummary(extra.fields, []) : [],
      values: extra.values ?? { caseType: 'conduct_matter', description: view.content.whatHappened },
      preview: extra.preview,
    });
  };

  app.get<Id>('/reports/:reportId/case', pre, (request, reply) => showForm(request, reply));

  app.post<Id & { Body: FormBody }>('/reports/:reportId/case', pre, async (request, reply) => {
    const principal = principalOf(request);
    const body = request.body;
    const values = {
      caseType: first(body['caseType']),
      subjects: first(body['subjects']),
      categoryCode: first(body['categoryCode']),
      standards: all(body['standards']),
      summary: first(body['summary']),
      description: first(body['description']),
      redactions: first(body['redactions']),
    };
    // "Preview the redaction": the form again with the text as the case would receive it; nothing is saved.
    if (first(body['preview'])) {
      const passages = parsePassages(values.redactions);
      const missing = missingPassages(passages, [values.summary, values.description]);
      return showForm(request, reply, {
        values,
        preview: { summary: redact(values.summary, passages), description: redact(values.description, passages) },
        ...(missing.length
          ? {
              fields: {
                redactions: `Not found in the summary or the conduct: ${missing.map((p) => `“${p}”`).join(', ')}`,
              },
            }
          : {}),
      });
    }
    try {
      // The same reading of typed numbers as the case form (following merges to the surviving record).
      const subjects = await resolveSubjectReferences(deps, principal, values.subjects);
      const error = subjects.error ?? (subjects.ids.length === 0 ? 'Add at least one subject' : undefined);
      if (error) throw new AppError('validation', 'Check the details of the case', { subjects: error });
      await openCaseFromReport(
        deps,
        principal,
        request.params.reportId,
        {
          version: first(body['version']),
          caseType: values.caseType || undefined,
          subjectPersonIds: subjects.ids,
          categoryCode: values.categoryCode,
          standards: values.standards,
          summary: values.summary,
          description: values.description,
          redactions: values.redactions,
        },
        request.id,
      );
      // Back to the report, never to the case: the unit member may not read cases.
      return reply.redirect(`/reports/${request.params.reportId}?done=case`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return showForm(request, reply.code(400), { fields: formFieldErrors(err.fields, [], RENAME), values });
    }
  });
}
