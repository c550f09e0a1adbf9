import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, notFound, type FieldErrors } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { confidentialities } from '../../db/schema/index.ts';
import { authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { ACTION_TABLE } from './rules/allegation-table.ts';
import { ACTION_TYPES, type ActionType } from './rules/allegation-types.ts';
import { actionControls, actionFromBody } from './allegation-action-form.ts';
import { caseTypeLabels, sourceLabels } from './case-form-fields.ts';
import { all, dateFromParts, errorSummary, first, formFieldErrors, type FormBody } from '../../kernel/forms.ts';
import { categoryLabels } from './case-page-model.ts';
import { openCase, openCaseInput } from './open-case.ts';
import { openCaseOptions } from './open-case-options.ts';
import { progressAllegationInput } from './progress-allegation.ts';
import { progressAllegations } from './progress-allegations.ts';
import { resolveSubjectReferences } from './resolve-subjects.ts';
import { standardsOfProfessionalBehaviour } from './taxonomy.ts';
import { viewCase } from './view-case.ts';
import { fieldErrorsOf } from '../../kernel/validation.ts';
import { casePolicy } from './case.policy.ts';

type ActionParams = { Params: { id: string; allegationId: string; action: string } };

/** The forms that change a case: opening one, and each action on an allegation (optionally on several at once). */
export function registerCaseFormPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showOpenForm = async (
    reply: FastifyReply,
    principal: Principal,
    extra: { status?: number; fields?: FieldErrors; values?: Record<string, unknown> } = {},
  ) => {
    const { categoryGroups, nameable } = await openCaseOptions(deps, principal);
    return reply.code(extra.status ?? 200).page('misconduct/views/open-case.njk', {
      pageTitle: 'Open a case',
      sources: Object.entries(sourceLabels).map(([value, text]) => ({ value, text })),
      caseTypes: Object.entries(caseTypeLabels).map(([value, l]) => ({ value, text: l.text, hint: l.hint })),
      confidentialities,
      users: nameable.map((u) => ({ value: u.id, text: `${u.displayName} (${u.email})` })),
      categoryGroups,
      standards: standardsOfProfessionalBehaviour.map((s) => ({ value: s.code, text: s.label })),
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, ['cameToAttentionOn', 'connectedOn']) : undefined,
      values: extra.values ?? { confidentiality: 'normal' },
    });
  };

  app.get('/cases/new', pre, async (request, reply) => {
    const principal = principalOf(request);
    authorizeBy(principal, casePolicy.create, 'page');
    return showOpenForm(reply, principal);
  });

  app.post<{ Body: FormBody }>('/cases/new', pre, async (request, reply) => {
    const principal = principalOf(request);
    authorizeBy(principal, casePolicy.create, 'page');
    const body = request.body;
    const values = {
      source: first(body.source),
      caseType: first(body.caseType),
      'cameToAttentionOn-day': first(body['cameToAttentionOn-day']),
      'cameToAttentionOn-month': first(body['cameToAttentionOn-month']),
      'cameToAttentionOn-year': first(body['cameToAttentionOn-year']),
      summary: first(body.summary),
      confidentiality: first(body.confidentiality),
      namedUserIds: all(body.namedUserIds),
      subjects: first(body.subjects),
      categoryCode: first(body.categoryCode),
      standards: all(body.standards),
      description: first(body.description),
      connected: first(body.connected),
      'connectedOn-day': first(body['connectedOn-day']),
      'connectedOn-month': first(body['connectedOn-month']),
      'connectedOn-year': first(body['connectedOn-year']),
      connectedReason: first(body.connectedReason),
      iopcReinvestigation: first(body.iopcReinvestigation),
    };
    const local: FieldErrors = {};
    const date = dateFromParts(body, 'cameToAttentionOn', 'The date the matter came to attention');
    if (date.error) local['cameToAttentionOn'] = date.error;
    // Connected to an earlier matter (SI 2025/558 reg 64(1)): the earlier matter's date and the reason.
    const connected = values.connected === 'yes';
    const connectedOn = connected
      ? dateFromParts(body, 'connectedOn', 'The date the earlier matter came to attention')
      : { iso: null, error: null };
    if (connectedOn.error) local['connectedOn'] = connectedOn.error;
    else if (connected && !connectedOn.iso)
      local['connectedOn'] = 'Enter the date the earlier matter came to attention';
    const subjects = await resolveSubjectReferences(deps, principal, values.subjects);
    if (subjects.error) local['subjects'] = subjects.error;
    const input = {
      source: values.source,
      caseType: values.caseType,
      cameToAttentionOn: date.iso ?? '',
      summary: values.summary,
      confidentiality: values.confidentiality || undefined,
      subjectPersonIds: subjects.ids,
      allegation: { categoryCode: values.categoryCode, standards: values.standards, description: values.description },
      namedUserIds: values.confidentiality === 'restricted' ? values.namedUserIds : [],
      ...(connected
        ? { connectedToEarlierMatter: { cameToAttentionOn: connectedOn.iso ?? '', reason: values.connectedReason } }
        : {}),
      iopcReinvestigation: values.iopcReinvestigation === 'yes',
    };
    const rename = {
      subjectPersonIds: 'subjects',
      cameToAttentionOn: 'cameToAttentionOn',
      'connectedToEarlierMatter.cameToAttentionOn': 'connectedOn',
      'connectedToEarlierMatter.reason': 'connectedReason',
    };
    const parsed = openCaseInput.safeParse(input);
    const schemaErrors = parsed.success ? {} : formFieldErrors(fieldErrorsOf(parsed.error), [], rename);
    const fields = { ...schemaErrors, ...local };
    if (!date.error && !date.iso)
      fields['cameToAttentionOn'] = 'Enter the date the matter came to the appropriate authority’s attention';
    if (Object.keys(fields).length)
      return showOpenForm(reply, principal, { status: 400, fields: ordered(fields, OPEN_CASE_ORDER), values });
    try {
      const created = await openCase(deps, principal, input as Parameters<typeof openCase>[2], request.id);
      return reply.redirect(`/cases/${created.id}`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      return showOpenForm(reply, principal, {
        status: 400,
        fields: ordered(formFieldErrors(err.fields ?? { form: err.message }, [], rename), OPEN_CASE_ORDER),
        values,
      });
    }
  });

  const parseAction = (request: FastifyRequest<ActionParams>): ActionType => {
    const principal = principalOf(request);
    const action = ACTION_TYPES.find((a) => a === request.params.action);
    if (!action) throw notFound('page');
    authorizeBy(principal, (p) => casePolicy.act(p, action), 'case');
    return action;
  };

  /** The form of one action on one allegation, listing the other allegations of the case in the same state. */
  const showActionForm = async (
    request: FastifyRequest<ActionParams>,
    reply: FastifyReply,
    action: ActionType,
    target: string,
    extra: {
      status?: number;
      fields?: FieldErrors;
      refusal?: string;
      values?: Record<string, unknown>;
      done?: string[];
      chosen?: string[];
    } = {},
  ) => {
    const view = await viewCase(deps, principalOf(request), request.params.id, request.id);
    const allegation = view.allegations.find((a) => a.id === target);
    if (!allegation) throw notFound('allegation');
    const categories = await categoryLabels(deps);
    const nameOf = (a: (typeof view.allegations)[number]) =>
      a.subject ? `${a.subject.givenName} ${a.subject.familyName}` : 'Unknown subject';
    const controls = actionControls(action);
    const defaults: Record<string, unknown> = {};
    for (const c of controls) if (c.kind === 'checkbox') defaults[c.name] = c.checkedByDefault ? 'yes' : '';
    const others = view.allegations
      .filter((a) => a.id !== allegation.id && a.facts.track.status === allegation.facts.track.status)
      .map((a) => ({
        value: `${a.id}:${a.version}`,
        text: nameOf(a),
        hint: { text: categories.get(a.categoryCode) ?? a.categoryCode },
        checked: (extra.chosen ?? []).includes(a.id),
      }));
    const dateFields = ['occurredOn', ...controls.filter((c) => c.kind === 'date').map((c) => c.name)];
    const label = ACTION_TABLE[action].label;
    return reply.code(extra.status ?? 200).page('misconduct/views/allegation-action.njk', {
      pageTitle: `${label}: ${nameOf(allegation)}`,
      label,
      theCase: view.theCase,
      allegation: {
        id: allegation.id,
        version: allegation.version,
        subjectName: nameOf(allegation),
        category: categories.get(allegation.categoryCode) ?? allegation.categoryCode,
        statusLabel: allegation.statusLabel,
      },
      allowedNow: allegation.actions.includes(action),
      formAction: `/cases/${view.theCase.id}/allegations/${allegation.id}/actions/${action}`,
      controls,
      others,
      today: ukToday(deps.now()),
      fields: extra.fields,
      errors: extra.refusal
        ? [{ text: extra.done?.length ? `Not done for ${nameOf(allegation)}: ${extra.refusal}` : extra.refusal }]
        : extra.fields
          ? errorSummary(extra.fields, dateFields)
          : undefined,
      flash: extra.done?.length
        ? `${label}: done for ${view.allegations
            .filter((a) => extra.done?.includes(a.id))
            .map(nameOf)
            .join(', ')}.`
        : undefined,
      values: extra.values ?? defaults,
    });
  };

  app.get<ActionParams>('/cases/:id/allegations/:allegationId/actions/:action', pre, async (request, reply) => {
    const action = parseAction(request);
    return showActionForm(request, reply, action, request.params.allegationId);
  });

  app.post<ActionParams & { Body: FormBody }>(
    '/cases/:id/allegations/:allegationId/actions/:action',
    pre,
    async (request, reply) => {
      const type = parseAction(request);
      const principal = principalOf(request);
      const body = request.body;
      const controls = actionControls(type);
      const { action, errors: local } = actionFromBody(type, body);
      const occurred = dateFromParts(body, 'occurredOn', 'The date it happened');
      if (occurred.error) local['occurredOn'] = occurred.error;
      const values: Record<string, unknown> = Object.fromEntries(
        Object.entries(body)
          .filter(([k]) => k !== '_csrf' && k !== 'others')
          .map(([k, v]) => [k, Array.isArray(v) ? v : (v ?? '')]),
      );
      const others = all(body.others)
        .map((v) => v.split(':'))
        .filter((p): p is [string, string] => p.length === 2)
        .map(([id, version]) => ({ id, version: Number(version) }))
        .filter((o) => o.id !== request.params.allegationId);
      const base = {
        caseId: request.params.id,
        note: first(body.note),
        action,
        ...(occurred.iso ? { occurredOn: occurred.iso } : {}),
      };
      const main = { id: request.params.allegationId, version: Number(first(body.version)) };
      const parsed = progressAllegationInput.safeParse({ ...base, allegationId: main.id, version: main.version });
      const schemaErrors = parsed.success ? {} : formFieldErrors(fieldErrorsOf(parsed.error), controls);
      const fields = { ...schemaErrors, ...local };
      if (Object.keys(fields).length) {
        return showActionForm(request, reply, type, main.id, {
          status: 400,
          fields: ordered(fields, controlOrder(controls)),
          values,
          chosen: others.map((o) => o.id),
        });
      }
      const targets = [main, ...others];
      const run = await progressAllegations(
        deps,
        principal,
        base as Parameters<typeof progressAllegations>[2],
        targets,
        request.id,
      );
      if (run.refused) {
        const { error: err, allegationId, index } = run.refused;
        const errFields =
          err.code === 'validation' && err.fields
            ? ordered(formFieldErrors(err.fields, controls), controlOrder(controls))
            : undefined;
        return showActionForm(request, reply, type, allegationId, {
          status: err.status,
          fields: errFields,
          refusal: errFields ? undefined : err.message,
          values,
          done: run.done,
          chosen: targets.slice(index + 1).map((t) => t.id),
        });
      }
      return reply.redirect(`/cases/${request.params.id}`, 303);
    },
  );
}

const OPEN_CASE_ORDER = [
  'source',
  'caseType',
  'cameToAttentionOn',
  'summary',
  'connectedOn',
  'connectedReason',
  'confidentiality',
  'namedUserIds',
  'subjects',
  'categoryCode',
  'standards',
  'description',
];
const controlOrder = (controls: { name: string }[]) => [...controls.map((c) => c.name), 'occurredOn', 'note'];

/** One error per field, in the order the fields appear on the form. */
function ordered(fields: FieldErrors, order: string[]): FieldErrors {
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
}
