import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { formatDate } from '../../kernel/time/dates.ts';
import { authorityLists, REVIEW_LOOKAHEAD_DAYS } from './list-restrictions.ts';
import { subjectCard } from './restriction-page-model.ts';
import { KIND_LABELS, RESTRICTION_KINDS } from './restriction-rules.ts';
import { triggerSummary } from './suspension-flag.ts';
import { viewCaseRestrictions } from './view-case-restrictions.ts';

/** The appropriate authority's lists (/restrictions) and a case's restrictions page. Work without JavaScript. */
export function registerRestrictionPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/restrictions', pre, async (request, reply) => {
    const lists = await authorityLists(deps, principalOf(request), request.id);
    const { today } = lists;
    return reply.page('restrictions/views/restriction-lists.njk', {
      pageTitle: 'Suspension and restricted duties',
      today,
      lookahead: REVIEW_LOOKAHEAD_DAYS,
      flagged: lists.flagged.map((s) => ({
        subjectId: s.subjectId,
        caseId: s.caseId,
        reference: s.reference,
        name: s.name,
        why: triggerSummary(s.flag.triggers, formatDate),
        restriction: s.inForce.length > 0 ? s.inForce.map((r) => KIND_LABELS[r.kind]).join('; ') : null,
      })),
      reviews: lists.reviewsDue.map((r) => {
        const due = r.next_review_due_on ?? today;
        const state =
          due < today
            ? { text: 'Overdue', classes: 'govuk-tag--red' }
            : due === today
              ? { text: 'Due today', classes: 'govuk-tag--yellow' }
              : { text: 'Due soon', classes: 'govuk-tag--blue' };
        return {
          subjectId: r.subject_id,
          caseId: r.case_id,
          reference: r.reference,
          name: `${r.given_name} ${r.family_name}`,
          kind: KIND_LABELS[r.kind],
          dueOn: due,
          state,
        };
      }),
      stats: lists.stats,
      inForce: RESTRICTION_KINDS.map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        items: lists.inForce
          .filter((r) => r.kind === kind)
          .sort((a, b) => b.days - a.days)
          .map((r) => ({
            subjectId: r.subject_id,
            caseId: r.case_id,
            reference: r.reference,
            name: `${r.given_name} ${r.family_name}`,
            startsOn: r.starts_on,
            started: r.started,
            days: r.days,
            nextReviewDueOn: r.next_review_due_on,
          })),
      })).filter((g) => g.items.length > 0),
    });
  });

  app.get<{ Params: { id: string } }>('/cases/:id/restrictions', pre, async (request, reply) => {
    const view = await viewCaseRestrictions(deps, principalOf(request), request.params.id, request.id);
    const ctx = {
      caseId: view.theCase.id,
      today: view.today,
      canDecide: view.canDecide,
      canRationale: view.canRationale,
    };
    return reply.page('restrictions/views/case-restrictions.njk', {
      pageTitle: `Suspension and restricted duties – ${view.theCase.reference}`,
      theCase: view.theCase,
      cards: view.subjects.map((s) => subjectCard(s, ctx)),
    });
  });
}
