import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { decideApplication } from './decide-application.ts';
import { APPLICATION_OUTCOMES, RATIONALE_LABELS, RATIONALE_PARTS, type ItemRationale } from './decision-rules.ts';
import { viewApplication } from '../applications/view-application.ts';
import { INFO_TYPE_LABELS, OUTCOME_LABELS, RELATION_LABELS } from '../vetting-labels.ts';
import { LEVEL_LABELS } from '../vetting-levels.ts';
import { errorSummary, first, formFailure, type FormBody } from '../vetting-pages-support.ts';

type Params = { Params: { id: string } };
type Extra = { status?: number; fields?: Record<string, string>; refusal?: string; values?: Record<string, string> };

const OUTCOME_HINTS: Record<(typeof APPLICATION_OUTCOMES)[number], string> = {
  grant: 'Every adverse item needs its rationale',
  grant_with_conditions: 'Every adverse item needs its rationale, and the conditions or risk-mitigation plan',
  refuse: 'The reasons, and what may be told to the applicant; the appeal window starts',
  discontinue: 'For example the applicant is under investigation or on police bail',
};

/** The decision form of an application (the rule of decision-rules.ts, enforced by the use case). */
export function registerDecisionFormPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) => {
    authorize(principalOf(request), 'vetting.decide', 'application');
    const file = await viewApplication(deps, principalOf(request), request.params.id, request.id);
    const { application: a } = file;
    const values = extra.values ?? {};
    const pendingChecks = file.checks.filter((c) => c.status === 'pending').length;
    const pendingMatches = file.matches.filter((m) => m.decision === 'pending').length;
    const blockers = [
      ...(file.state.decidable ? [] : ['This application has already been decided.']),
      ...(pendingMatches > 0
        ? [
            `${pendingMatches} possible barred or advisory list ${pendingMatches === 1 ? 'match is' : 'matches are'} waiting for your decision: no decision can be recorded until then.`,
          ]
        : []),
      ...(file.matches.some((m) => m.decision === 'confirmed_match' && m.list === 'barred')
        ? ['The applicant is confirmed as on the Police Barred List: clearance cannot be granted.']
        : []),
      ...(pendingChecks > 0
        ? [
            `${pendingChecks} ${pendingChecks === 1 ? 'check is' : 'checks are'} still pending: clearance cannot be granted until every check has a result.`,
          ]
        : []),
    ];
    return reply.code(extra.status ?? 200).page('vetting/views/decide.njk', {
      pageTitle: `Decide – ${a.reference}`,
      application: a,
      levelLabel: LEVEL_LABELS[a.level],
      reopenedByAppeal: file.state.reopenedByAppeal,
      blockers,
      checkSummary: `${file.checks.length - pendingChecks} of ${file.checks.length} recorded, ${file.checks.filter((c) => c.status === 'adverse').length} with adverse information`,
      outcomeItems: APPLICATION_OUTCOMES.map((o) => ({
        value: o,
        text: OUTCOME_LABELS[o],
        hint: { text: OUTCOME_HINTS[o] },
        checked: values['outcome'] === o,
      })),
      adverse: file.adverse.map((i) => ({
        ...i,
        typeLabel: INFO_TYPE_LABELS[i.infoType],
        relationLabel: RELATION_LABELS[i.relation],
      })),
      rationaleParts: RATIONALE_PARTS.map((key) => ({ key, label: RATIONALE_LABELS[key] })),
      fields: extra.fields,
      refusal: extra.refusal,
      errors: extra.refusal
        ? [{ text: extra.refusal, href: '#main-content' }]
        : extra.fields
          ? errorSummary(extra.fields, [])
          : undefined,
      values,
    });
  };

  app.get<Params>('/vetting/applications/:id/decision', pre, (request, reply) => show(request, reply));

  app.post<Params & { Body: FormBody }>('/vetting/applications/:id/decision', pre, async (request, reply) => {
    const body = request.body;
    const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, first(v)]));
    const items: Record<string, Partial<ItemRationale>> = {};
    for (const [key, value] of Object.entries(values)) {
      const m = /^item-([0-9a-f-]{36})-(relevance|riskAssessment|mitigation|reason)$/i.exec(key);
      if (m?.[1] && m[2]) (items[m[1]] ??= {})[m[2] as keyof ItemRationale] = value;
    }
    try {
      await decideApplication(
        deps,
        principalOf(request),
        {
          applicationId: request.params.id,
          version: values['version'],
          outcome: values['outcome'] as never,
          rationale: values['rationale'],
          conditions: values['conditions'],
          reasonsForApplicant: values['reasonsForApplicant'],
          items,
        },
        request.id,
      );
      return reply.redirect(`/vetting/applications/${request.params.id}?done=decided#decision`, 303);
    } catch (err) {
      const failure = formFailure(err);
      const fields = Object.fromEntries(
        Object.entries(failure.fields ?? {}).map(([k, v]) => [k.replace(/^items\.([^.]+)\.(\w+)$/, 'item-$1-$2'), v]),
      );
      return show(request, reply, {
        status: failure.status,
        fields: failure.fields ? fields : undefined,
        refusal: failure.refusal,
        values,
      });
    }
  });
}
