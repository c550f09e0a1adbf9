import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import type { FieldErrors } from '../../kernel/errors.ts';
import { all, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { complaintPageModel, formOptions, STATUS_FILTERS } from './complaint-page-model.ts';
import { statusLabels } from './complaint-steps.ts';
import { listComplaints } from './list-complaints.ts';
import { viewComplaint } from './view-complaint.ts';
import { complaintPolicy } from './complaint.policy.ts';
import { DATE_CONTROLS, type ComplaintRequest as Req } from './complaint-form-dates.ts';
import { registerLogComplaintPages } from './log-complaint.pages.ts';
import { registerComplaintDecisionPages } from './complaint-decisions.pages.ts';

/**
 * The complaint pages: the list, the log form (log-complaint.pages.ts) and the complaint page, whose decision
 * forms (complaint-decisions.pages.ts) post to the same use cases as the API. No JavaScript.
 */
export function registerComplaintPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/complaints', pre, async (request, reply) => {
    const principal = principalOf(request);
    const r = await listComplaints(deps, principal, request.query, request.id);
    return reply.page('complaints/views/complaints.njk', {
      pageTitle: 'Complaints',
      canLog: complaintPolicy.log(principal),
      query: r.query,
      total: r.total,
      statusItems: [
        { value: '', text: 'Any status' },
        ...STATUS_FILTERS.map((s) => ({ value: s, text: statusLabels[s], selected: r.query.status === s })),
      ],
      rows: r.rows.map((c) => ({
        id: c.id,
        reference: c.reference,
        receivedOn: c.received_on,
        status: statusLabels[c.status as keyof typeof statusLabels] ?? c.status,
        summary: c.summary,
        allegations: c.allegation_count,
        nextDueOn: c.next_due_on,
      })),
    });
  });

  registerLogComplaintPages(app, deps);

  const showComplaint = async (
    request: Req,
    reply: FastifyReply,
    extra: { status?: number; form?: string; fields?: FieldErrors; refusal?: string } = {},
  ) => {
    const principal = principalOf(request);
    const view = await viewComplaint(deps, principal, request.params.id, request.id);
    const model = complaintPageModel(view, deps.config.rules.periods, complaintPolicy.decide(principal));
    const values = extra.form
      ? Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, first(v)]))
      : {};
    const fields = extra.fields ?? {};
    return reply.code(extra.status ?? 200).page('complaints/views/complaint.njk', {
      pageTitle: `Complaint ${view.complaint.reference}`,
      ...model,
      ...formOptions(),
      form: extra.form ?? null,
      values,
      checked: extra.form ? Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, all(v)])) : {},
      fields,
      errors: extra.refusal
        ? [{ text: extra.refusal }]
        : extra.fields
          ? errorSummary(fields, DATE_CONTROLS)
          : undefined,
    });
  };

  app.get<{ Params: { id: string }; Querystring: Record<string, string>; Body: FormBody }>(
    '/complaints/:id',
    pre,
    (request, reply) => showComplaint(request, reply),
  );

  registerComplaintDecisionPages(app, deps, showComplaint);
}
