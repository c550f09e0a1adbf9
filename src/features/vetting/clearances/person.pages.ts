import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError } from '../../../kernel/errors.ts';
import { vettingLevels } from '../../../db/schema/index.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { COMPLIANCE_REASON_LABELS } from './compliance-rules.ts';
import { recordExistingClearance } from './record-existing-clearance.ts';
import { viewPersonVetting } from './view-person-vetting.ts';
import { APPLICATION_STATUS_LABELS, CLEARANCE_STATUS_LABELS, KIND_LABELS, OUTCOME_LABELS } from '../vetting-labels.ts';
import { LEVEL_LABELS } from '../vetting-levels.ts';
import {
  confidenceText,
  dateFromParts,
  errorSummary,
  first,
  formFailure,
  periodText,
  type FormBody,
} from '../vetting-pages-support.ts';

type Params = { Params: { personId: string }; Querystring: { recorded?: string } };
type Extra = { status?: number; fields?: Record<string, string>; values?: Record<string, unknown> };

/** A person's vetting file (/vetting/people/:personId) and the form to record a clearance granted before Probity. */
export function registerPersonVettingPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) => {
    const file = await viewPersonVetting(deps, principalOf(request), request.params.personId, request.id);
    const values = extra.values ?? {};
    const unmet = file.compliance?.unmet ?? [];
    return reply.code(extra.status ?? 200).page('vetting/views/person.njk', {
      pageTitle: `Vetting file – ${file.person.given_name} ${file.person.family_name}`,
      ...file,
      requirements: (file.compliance?.required ?? []).map((r) => {
        const gap = unmet.find((u) => u.level === r.level && u.because === r.because);
        return { ...r, reason: gap?.reason ?? null, reasonLabel: gap ? COMPLIANCE_REASON_LABELS[gap.reason] : null };
      }),
      reasonWords: (file.compliance?.reasons ?? []).map((r) => COMPLIANCE_REASON_LABELS[r]).join('; '),
      clearances: file.clearances.map((c) => ({
        ...c,
        levelLabel: LEVEL_LABELS[c.level],
        statusLabel: CLEARANCE_STATUS_LABELS[c.effectiveStatus],
        renewalText: periodText(c.renewal),
        confidenceText: confidenceText(c.renewal),
      })),
      applications: file.applications.map((a) => ({
        ...a,
        kindLabel: KIND_LABELS[a.kind],
        statusLabel: APPLICATION_STATUS_LABELS[a.status],
      })),
      decisions: file.decisions.map((d) => ({
        ...d,
        outcomeLabel: OUTCOME_LABELS[d.outcome as keyof typeof OUTCOME_LABELS] ?? d.outcome,
      })),
      levelItems: [
        { value: '', text: 'Choose the level' },
        ...vettingLevels.map((l) => ({ value: l, text: LEVEL_LABELS[l], selected: values['level'] === l })),
      ],
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, ['grantedOn']) : undefined,
      values,
      flash: request.query.recorded === '1' ? 'The clearance was recorded.' : undefined,
    });
  };

  app.get<Params>('/vetting/people/:personId', pre, (request, reply) => show(request, reply));

  app.post<Params & { Body: FormBody }>('/vetting/people/:personId/clearances', pre, async (request, reply) => {
    const body = request.body;
    const granted = dateFromParts(body, 'grantedOn', 'The date granted');
    try {
      if (granted.error) {
        authorize(principalOf(request), 'vetting.decide', 'vetting file');
        throw new AppError('validation', 'Check the clearance details', { grantedOn: granted.error });
      }
      await recordExistingClearance(
        deps,
        principalOf(request),
        {
          personId: request.params.personId,
          level: first(body['level']) as never,
          grantedOn: granted.iso ?? '',
          conditions: first(body['conditions']),
        },
        request.id,
      );
      return reply.redirect(`/vetting/people/${request.params.personId}?recorded=1`, 303);
    } catch (err) {
      const failure = formFailure(err);
      return show(request, reply, {
        status: failure.status,
        fields: failure.fields ?? { level: failure.refusal ?? '' },
        values: { ...body },
      });
    }
  });
}
