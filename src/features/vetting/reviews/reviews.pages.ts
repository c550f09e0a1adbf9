import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { reviewTriggers } from '../../../db/schema/index.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { dueTag } from '../../clocks/index.ts';
import { toDayNumber } from '../../../kernel/time/iso-date.ts';
import { errorSummary, first, type FormBody } from '../../../kernel/forms.ts';
import { assignReview } from './assign-review.ts';
import { listReviewsFor } from './list-reviews.ts';
import { openRandomReviewsFor } from './open-random-reviews.ts';
import { showReview } from './review-page-model.ts';
import { TRIGGER_LABELS } from './review-triggers.ts';
import { pagination } from '../../../kernel/pagination.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

type Query = { Querystring: Record<string, string> };
type Params = { Params: { id: string } };

const flashes: Record<string, string> = {
  assigned: 'The review was assigned.',
  check: 'The check was recorded.',
  adverse: 'The adverse information was recorded.',
  decided: 'The decision was recorded.',
  transfer: 'The transfer in was recorded and this review opened.',
};

/** The vetting unit's review list (with the random-sample button) and the review page with its assignment form. */
export function registerReviewPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showList = async (
    request: FastifyRequest<Query>,
    reply: FastifyReply,
    extra: { status?: number; fields?: FieldErrors; values?: Record<string, unknown>; flash?: string } = {},
  ) => {
    const principal = principalOf(request);
    const query = request.query;
    const common = {
      pageTitle: 'Vetting reviews',
      query,
      triggers: reviewTriggers.map((t) => ({ value: t, text: TRIGGER_LABELS[t] })),
      canDecide: vettingFilePolicy.decide(principal),
      values: extra.values ?? {},
      flash: extra.flash,
    };
    try {
      const result = await listReviewsFor(deps, principal, query, request.id);
      const base = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== 'page' && v !== ''));
      const href = (n: number) =>
        `/vetting/reviews?${new URLSearchParams([...base.entries(), ['page', String(n)]]).toString()}`;
      const rows = result.rows.map((r) => ({
        ...r,
        triggerLabel: TRIGGER_LABELS[r.trigger as keyof typeof TRIGGER_LABELS] ?? r.trigger,
        tag: r.status === 'open' ? dueTag(toDayNumber(r.due_on) - toDayNumber(result.today)) : null,
      }));
      const fields = extra.fields;
      return reply.code(extra.status ?? 200).page('vetting/views/review-list.njk', {
        ...common,
        result: { ...result, rows },
        pages: pagination(result.input.page, result.pageCount, href),
        fields,
        errors: fields ? errorSummary(fields, []) : undefined,
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return reply
        .code(400)
        .page('vetting/views/review-list.njk', { ...common, fields: err.fields, errors: errorSummary(err.fields, []) });
    }
  };

  app.get<Query>('/vetting/reviews', pre, (request, reply) => {
    const done = request.query['opened'];
    return showList(
      request,
      reply,
      done !== undefined ? { flash: `The random sample opened ${Number(done) || 0} new reviews.` } : {},
    );
  });

  app.post<Query & { Body: FormBody }>('/vetting/reviews/random', pre, async (request, reply) => {
    const body = { percent: first(request.body.percent), seed: first(request.body.seed) };
    try {
      const result = await openRandomReviewsFor(deps, principalOf(request), body, request.id);
      return reply.redirect(`/vetting/reviews?trigger=random&opened=${result.opened}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return showList(request, reply, { status: 400, fields: err.fields, values: body });
    }
  });

  app.get<Params & Query>('/vetting/reviews/:id', pre, (request, reply) => {
    const flash = Object.keys(flashes).find((k) => request.query[k] === '1');
    return showReview(deps, request, reply, flash ? { flash: flashes[flash] } : {});
  });

  app.post<Params & { Body: FormBody }>('/vetting/reviews/:id/assignment', pre, async (request, reply) => {
    const chosen = first(request.body.assignedUserId);
    try {
      await assignReview(
        deps,
        principalOf(request),
        { reviewId: request.params.id, version: Number(first(request.body.version)), assignedUserId: chosen || null },
        request.id,
      );
      return reply.redirect(`/vetting/reviews/${request.params.id}?assigned=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      return showReview(deps, request, reply, {
        status: 400,
        fields: { assignedUserId: err.fields?.['assignedUserId'] ?? err.message },
        values: { assignedUserId: chosen },
      });
    }
  });
}
