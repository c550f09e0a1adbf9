import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, notFound, type FieldErrors } from '../../kernel/errors.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import type { Ability } from '../../kernel/access/roles.ts';
import { errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { changeRestriction } from './change-restriction.ts';
import { imposeRestriction } from './impose-restriction.ts';
import { liftRestriction } from './lift-restriction.ts';
import { recordWrittenNotice } from './record-notice.ts';
import { recordSeniorRationale } from './record-senior-rationale.ts';
import { reviewRestriction } from './review-restriction.ts';
import {
  DATE_CONTROLS,
  decisionFromForm,
  FormDates,
  formErrors,
  groundItems,
  kindItems,
  reviewFromForm,
  todayValues,
  valuesOf,
} from './restriction-form-fields.ts';
import { subjectCard } from './restriction-page-model.ts';
import { nextReviewDue } from './restriction-rules.ts';
import { viewCaseRestrictions, type SubjectRestrictions } from './view-case-restrictions.ts';

type Params = { id: string; restrictionId?: string; subjectId?: string };
type Req = FastifyRequest<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>;
type Form = 'impose' | 'change' | 'review' | 'lift' | 'notice' | 'rationale';
type Extra = { status?: number; fields?: FieldErrors; refusal?: string; values?: Record<string, string> };

const ABILITY: Record<Form, Ability> = {
  impose: 'restriction.decide',
  change: 'restriction.decide',
  review: 'restriction.decide',
  lift: 'restriction.decide',
  notice: 'restriction.decide',
  rationale: 'restriction.seniorRationale',
};
const TEMPLATE: Record<Form, string> = {
  impose: 'restrictions/views/decision-form.njk',
  change: 'restrictions/views/decision-form.njk',
  review: 'restrictions/views/review-form.njk',
  lift: 'restrictions/views/lift-form.njk',
  notice: 'restrictions/views/lift-form.njk',
  rationale: 'restrictions/views/rationale-form.njk',
};
const FIRST_DATES: Record<Form, string[]> = {
  impose: ['decidedOn', 'startsOn'],
  change: ['decidedOn', 'startsOn'],
  review: ['reviewedOn'],
  lift: ['decidedOn', 'endsOn'],
  notice: ['writtenNoticeOn'],
  rationale: ['decidedOn'],
};
const HEADING: Partial<Record<Form, [string, string]>> = {
  impose: ['Restrict duties or suspend', 'Record the decision'],
  change: ['Change the restriction', 'Record the change'],
  lift: ['Lift the restriction', ''],
  notice: ['Record the written notice', ''],
};

/** The forms that decide on restrictions: each a GET page and a POST that re-shows it with errors. */
export function registerRestrictionFormPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  /** The subject a form is about, from the case's (audited) restrictions view; anything not found is a 404. */
  const subjectOf = (form: Form, request: Req, subjects: SubjectRestrictions[]): SubjectRestrictions => {
    const { restrictionId, subjectId } = request.params;
    const wanted = form === 'impose' ? (request.query['subject'] ?? first(request.body?.['subjectId'])) : subjectId;
    const found = restrictionId
      ? subjects.find((s) => s.inForce.some((r) => r.id === restrictionId))
      : subjects.find((s) => s.id === wanted);
    if (!found) throw notFound(form === 'impose' || form === 'rationale' ? 'subject' : 'restriction');
    return found;
  };

  const show = async (form: Form, request: Req, reply: FastifyReply, extra: Extra = {}) => {
    const principal = principalOf(request);
    authorize(principal, ABILITY[form], 'case');
    const view = await viewCaseRestrictions(deps, principal, request.params.id, request.id);
    const subject = subjectOf(form, request, view.subjects);
    const restriction = subject.inForce.find((r) => r.id === request.params.restrictionId) ?? null;
    const card = subjectCard(subject, {
      caseId: view.theCase.id,
      today: view.today,
      canDecide: view.canDecide,
      canRationale: view.canRationale,
    });
    const base = `/cases/${view.theCase.id}`;
    const action =
      form === 'impose'
        ? `${base}/restrictions`
        : form === 'rationale'
          ? `${base}/subjects/${subject.id}/rationale`
          : `${base}/restrictions/${restriction?.id ?? ''}/${form}`;
    const errors = extra.refusal
      ? [{ text: extra.refusal }]
      : extra.fields
        ? errorSummary(extra.fields, DATE_CONTROLS)
        : undefined;
    const [heading, button] = HEADING[form] ?? ['', ''];
    return reply.code(extra.status ?? 200).page(TEMPLATE[form], {
      pageTitle: `${heading || (form === 'review' ? 'Review the restriction' : 'Record senior rationale')} – ${subject.name}`,
      theCase: view.theCase,
      subject: { id: subject.id, name: subject.name },
      subjectId: form === 'impose' ? subject.id : null,
      current: card.current.find((c) => c.id === restriction?.id) ?? null,
      /** On the impose form: what is in force already (another kind may be added beside them). */
      inForceTitles: card.current.map((c) => c.title),
      version: restriction?.version ?? null,
      mode: form,
      heading,
      button,
      action,
      kindItems,
      groundItems,
      canRationale: view.canRationale,
      nextReviewIfToday: restriction ? nextReviewDue(deps.config.rules, restriction.kind, view.today) : null,
      flagWhy: card.flag?.why ?? '',
      hasRestriction: subject.inForce.length > 0,
      seniorMinimumRank: deps.config.rules.integrity.seniorRationale.minimumRank,
      values: extra.values ?? todayValues(deps.now(), FIRST_DATES[form]),
      fields: extra.fields,
      errors,
    });
  };

  /** Runs a use case for a form post: 303 back to the case's restrictions on success; the form again on a 400 or 422. */
  const handle =
    (form: Form, run: (principal: Principal | null, request: Req, dates: FormDates) => Promise<unknown>) =>
    async (request: Req, reply: FastifyReply) => {
      const dates = new FormDates(request.body);
      const values = valuesOf(request.body);
      try {
        await run(principalOf(request), request, dates);
        return reply.redirect(`/cases/${request.params.id}/restrictions`, 303);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        if (err.code === 'validation') {
          const fields = { ...formErrors(err.fields ?? { form: err.message }), ...dates.errors };
          return show(form, request, reply, { status: 400, fields, values });
        }
        if (err.code === 'invalid_state')
          return show(form, request, reply, { status: 422, refusal: err.message, values });
        throw err;
      }
    };

  const version = (request: Req) => Number(first(request.body['version']));
  const r = '/cases/:id/restrictions/:restrictionId';
  app.get<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    '/cases/:id/restrictions/new',
    pre,
    (request, reply) => show('impose', request, reply),
  );
  for (const form of ['review', 'change', 'lift', 'notice'] as const) {
    app.get<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
      `${r}/${form}`,
      pre,
      (request, reply) => show(form, request, reply),
    );
  }
  app.get<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    '/cases/:id/subjects/:subjectId/rationale',
    pre,
    (request, reply) => show('rationale', request, reply),
  );

  app.post<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    '/cases/:id/restrictions',
    pre,
    handle('impose', async (principal, request, dates) => {
      const input = {
        caseId: request.params.id,
        subjectId: first(request.body['subjectId']),
        ...decisionFromForm(request.body, dates),
        decidedOn: dates.get('decidedOn', 'The decision date') ?? '',
      };
      dates.assertValid();
      return imposeRestriction(deps, principal, input, request.id);
    }),
  );
  app.post<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    `${r}/change`,
    pre,
    handle('change', async (principal, request, dates) => {
      const input = {
        restrictionId: request.params.restrictionId ?? '',
        caseId: request.params.id,
        version: version(request),
        ...decisionFromForm(request.body, dates),
        decidedOn: dates.get('decidedOn', 'The decision date') ?? '',
      };
      dates.assertValid();
      return changeRestriction(deps, principal, input, request.id);
    }),
  );
  app.post<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    `${r}/review`,
    pre,
    handle('review', async (principal, request, dates) => {
      const input = {
        restrictionId: request.params.restrictionId ?? '',
        caseId: request.params.id,
        ...reviewFromForm(request.body, dates),
      };
      dates.assertValid();
      return reviewRestriction(deps, principal, input, request.id);
    }),
  );
  app.post<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    `${r}/lift`,
    pre,
    handle('lift', async (principal, request, dates) => {
      const input = {
        restrictionId: request.params.restrictionId ?? '',
        caseId: request.params.id,
        version: version(request),
        decidedOn: dates.get('decidedOn', 'The decision date') ?? '',
        endsOn: dates.get('endsOn', 'The end date') ?? '',
        reasons: first(request.body['reasons']),
      };
      dates.assertValid();
      return liftRestriction(deps, principal, input, request.id);
    }),
  );
  app.post<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    `${r}/notice`,
    pre,
    handle('notice', async (principal, request, dates) => {
      const input = {
        restrictionId: request.params.restrictionId ?? '',
        caseId: request.params.id,
        version: version(request),
        writtenNoticeOn: dates.get('writtenNoticeOn', 'The date of the written notice') ?? '',
      };
      dates.assertValid();
      return recordWrittenNotice(deps, principal, input, request.id);
    }),
  );
  app.post<{ Params: Params; Querystring: Record<string, string>; Body: FormBody }>(
    '/cases/:id/subjects/:subjectId/rationale',
    pre,
    handle('rationale', async (principal, request, dates) => {
      const input = {
        caseId: request.params.id,
        subjectId: request.params.subjectId ?? '',
        rationale: first(request.body['rationale']),
        decidedOn: dates.get('decidedOn', 'The decision date'),
      };
      dates.assertValid();
      return recordSeniorRationale(deps, principal, input, request.id);
    }),
  );
}
