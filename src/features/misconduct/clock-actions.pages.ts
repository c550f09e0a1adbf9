import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, type FieldErrors } from '../../kernel/errors.ts';
import { can } from '../../kernel/access/principal.ts';
import { dateFromParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { viewCase } from './view-case.ts';
import { actOnClock } from './act-on-clock.ts';
import { CLOCK_ACTION_LABELS, clockActionsFor, EXTENDABLE, type ClockAction } from './clock-action-rules.ts';
import { CLOCK_ENDINGS } from './rules/clock-endings.ts';
import { isPeriodKey } from '../clocks/index.ts';

type ClockParams = { Params: { id: string; clockId: string } };
type Shown = { status?: number; fields?: FieldErrors; refusal?: string; values?: Record<string, unknown> };

function shownFor(err: unknown): Shown {
  if (!(err instanceof AppError)) throw err;
  if (err.code === 'validation') return { status: 400, fields: err.fields ?? { form: err.message } };
  if (err.code === 'invalid_state') return { status: 422, refusal: err.message };
  throw err;
}

/**
 * One clock of a case, with the forms for what the user may do to it now (extend, pause, resume, stop, mark
 * done): POST forms and a redirect back to the case, working without JavaScript. Each form calls the use
 * case the API calls (act-on-clock.ts). Reading the page reads the case, so it is audited as a case view.
 */
export function registerClockActionPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest<ClockParams>, reply: FastifyReply, extra: Shown = {}) => {
    const principal = principalOf(request);
    const view = await viewCase(deps, principal, request.params.id, request.id);
    const clock = view.clocks.find((k) => k.id === request.params.clockId);
    if (!clock) throw notFound('clock');
    const key = isPeriodKey(clock.period) ? clock.period : null;
    const period = key ? deps.config.rules.periods[key] : null;
    const actions = clockActionsFor({ period: key, state: clock.state }, (a) => can(principal, a));
    const subject =
      view.subjects.find((s) => s.id === clock.subjectId) ??
      view.allegations.find((a) => a.id === clock.allegationId)?.subject;
    const ending = key ? CLOCK_ENDINGS[key] : null;
    return reply.code(extra.status ?? 200).page('misconduct/views/clock.njk', {
      pageTitle: `${period?.label ?? clock.period}: case ${view.theCase.reference}`,
      theCase: view.theCase,
      clock,
      label: period?.label ?? clock.period,
      rows: [
        {
          key: { text: 'For' },
          value: { text: subject ? `${subject.givenName} ${subject.familyName}` : 'Whole case' },
        },
        { key: { text: 'Started' }, value: { text: formatDate(clock.startedOn) } },
        { key: { text: 'Due' }, value: { text: formatDate(clock.dueOn) } },
        ...(clock.pausedOn ? [{ key: { text: 'Paused since' }, value: { text: formatDate(clock.pausedOn) } }] : []),
        ...(period ? [{ key: { text: 'Counts from' }, value: { text: period.from } }] : []),
        ...(ending && ending.scope === 'allegation'
          ? [{ key: { text: 'Ends' }, value: { text: ending.otherwise } }]
          : []),
      ],
      extendSource: key ? (EXTENDABLE[key]?.source ?? null) : null,
      actions: actions.map((a: ClockAction) => ({ value: a, text: CLOCK_ACTION_LABELS[a] })),
      has: Object.fromEntries(actions.map((a) => [a, true])),
      today: ukToday(deps.now()),
      values: extra.values ?? {},
      fields: extra.fields,
      errors: extra.refusal
        ? [{ text: extra.refusal }]
        : extra.fields
          ? errorSummary(extra.fields, ['newDueOn', 'metOn'])
          : undefined,
    });
  };

  app.get<ClockParams>('/cases/:id/clocks/:clockId', pre, (request, reply) => show(request, reply));

  app.post<ClockParams & { Body: FormBody }>('/cases/:id/clocks/:clockId', pre, async (request, reply) => {
    const body = request.body ?? {};
    const action = first(body.action);
    const values = { action, reason: first(body.reason), ...datePartsOf(body) };
    try {
      const date = (name: string, what: string) => {
        const d = dateFromParts(body, name, what);
        if (d.error) throw new AppError('validation', 'Check the date', { [name]: d.error });
        return d.iso;
      };
      const payload: Record<string, unknown> = { action, reason: values.reason };
      if (action === 'extend') payload.newDueOn = date('newDueOn', 'The new due date') ?? '';
      if (action === 'mark_met') {
        const on = date('metOn', 'The date it was done');
        if (on) payload.metOn = on;
      }
      await actOnClock(
        deps,
        principalOf(request),
        { caseId: request.params.id, clockId: request.params.clockId, body: payload },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}#clocks`, 303);
    } catch (err) {
      return show(request, reply, { ...shownFor(err), values });
    }
  });
}

function datePartsOf(body: FormBody) {
  const parts = (name: string) => ({
    day: first(body[`${name}-day`]),
    month: first(body[`${name}-month`]),
    year: first(body[`${name}-year`]),
  });
  return { newDueOn: parts('newDueOn'), metOn: parts('metOn') };
}
