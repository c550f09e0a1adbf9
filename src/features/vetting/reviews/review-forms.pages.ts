import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { dateFromParts, first, type FormBody } from '../../../kernel/forms.ts';
import { decideReview } from '../decisions/decide-review.ts';
import { recordReviewAdverseInformation } from '../file/record-adverse-information.ts';
import { recordReviewCheck } from '../file/record-check.ts';
import { RATIONALE_PARTS } from '../decisions/decision-rules.ts';
import { showReview } from './review-page-model.ts';

type Params = { Params: { id: string }; Body: FormBody };
type Request = FastifyRequest<Params>;

/** Use-case field names → the ids of the form controls that carry them (each form on the page has its own). */
const renamed = (fields: FieldErrors, names: Record<string, string>): FieldErrors =>
  Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [names[k] ?? k.replace(/^items\.([^.]+)\.(\w+)$/, 'rationale-$1-$2'), v]),
  );

/**
 * The forms of the review page that change its file: a check (new, or a new result), adverse information,
 * and the decision. Each posts to its own route and, on a problem, re-renders the page with the errors
 * against that form's controls and what was typed.
 */
export function registerReviewFormPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  /** Runs a use case from a form; validation problems (with date errors found first) re-render the page. */
  const handle = async (
    request: Request,
    reply: FastifyReply,
    o: {
      dates: Record<string, { iso?: string; error?: string }>;
      names: Record<string, string>;
      run: () => Promise<unknown>;
      done: string;
    },
  ) => {
    const dateErrors = Object.fromEntries(
      Object.entries(o.dates)
        .filter(([, d]) => d.error)
        .map(([k, d]) => [k, d.error ?? '']),
    );
    try {
      if (Object.keys(dateErrors).length > 0) throw new AppError('validation', 'Check the dates', dateErrors);
      await o.run();
      return reply.redirect(`/vetting/reviews/${request.params.id}?${o.done}=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'validation' && err.code !== 'invalid_state')) throw err;
      const fields = renamed(err.fields ?? { form: err.message }, o.names);
      const dateFields = Object.keys(o.dates).map((k) => o.names[k] ?? k);
      return showReview(deps, request, reply, {
        status: err.code === 'validation' ? 400 : 422,
        fields,
        values: { ...request.body },
        dateFields,
      });
    }
  };

  app.post<Params>('/vetting/reviews/:id/checks', pre, (request, reply) => {
    const b = request.body;
    const completedOn = dateFromParts(b, 'checkCompletedOn', 'The date the check was completed');
    return handle(request, reply, {
      dates: { completedOn },
      names: { checkType: 'checkType', status: 'checkStatus', completedOn: 'checkCompletedOn', notes: 'checkNotes' },
      done: 'check',
      run: () =>
        recordReviewCheck(
          deps,
          principalOf(request),
          {
            reviewId: request.params.id,
            checkType: first(b.checkType),
            status: first(b.checkStatus) as never,
            completedOn: completedOn.iso,
            notes: first(b.checkNotes),
          },
          request.id,
        ),
    });
  });

  app.post<Params & { Params: { checkId: string } }>('/vetting/reviews/:id/checks/:checkId', pre, (request, reply) => {
    const b = request.body;
    const id = `check-${request.params.checkId}`;
    return handle(request, reply, {
      dates: {},
      names: { status: id, version: id, checkId: id, notes: id },
      done: 'check',
      run: () =>
        recordReviewCheck(
          deps,
          principalOf(request),
          {
            reviewId: request.params.id,
            checkId: request.params.checkId,
            version: first(b.version),
            status: first(b.status) as never,
            notes: first(b.notes),
          },
          request.id,
        ),
    });
  });

  app.post<Params>('/vetting/reviews/:id/adverse-information', pre, (request, reply) => {
    const b = request.body;
    const occurredOn = dateFromParts(b, 'occurredOn', 'The date');
    return handle(request, reply, {
      dates: { occurredOn },
      names: {},
      done: 'adverse',
      run: () =>
        recordReviewAdverseInformation(
          deps,
          principalOf(request),
          {
            reviewId: request.params.id,
            checkId: first(b.checkId),
            source: first(b.source),
            infoType: first(b.infoType) as never,
            occurredOn: occurredOn.iso,
            relation: first(b.relation) as never,
            severity: first(b.severity),
            credibility: first(b.credibility),
            description: first(b.description),
            assessment: first(b.assessment),
          },
          request.id,
        ),
    });
  });

  app.post<Params>('/vetting/reviews/:id/decision', pre, (request, reply) => {
    const b = request.body;
    const decidedOn = dateFromParts(b, 'decidedOn', 'The date of the decision');
    const officerInformedOn = dateFromParts(b, 'officerInformedOn', 'The date the officer was told');
    const rationales: Record<string, Partial<Record<(typeof RATIONALE_PARTS)[number], string>>> = {};
    for (const [key, value] of Object.entries(b)) {
      const m = /^rationale-([0-9a-f-]{36})-(\w+)$/.exec(key);
      const part = RATIONALE_PARTS.find((p) => p === m?.[2]);
      if (m?.[1] && part) (rationales[m[1]] ??= {})[part] = first(value);
    }
    return handle(request, reply, {
      dates: { decidedOn, officerInformedOn },
      names: {},
      done: 'decided',
      run: () =>
        decideReview(
          deps,
          principalOf(request),
          {
            reviewId: request.params.id,
            version: first(b.version),
            outcome: first(b.outcome) as never,
            decidedOn: decidedOn.iso ?? '',
            rationale: first(b.rationale),
            conditions: first(b.conditions),
            items: rationales,
            harmTestConsidered: first(b.harmTestConsidered) === 'yes',
            withheldUnderHarmTest: first(b.withheldUnderHarmTest),
            officerInformedOn: officerInformedOn.iso,
            policeFriendOffered: first(b.policeFriendOffered) === 'yes',
            policeFriend: first(b.policeFriend),
            reasonsForOfficer: first(b.reasonsForOfficer),
          },
          request.id,
        ),
    });
  });
}
