import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { formatDate } from '../../kernel/time/dates.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { all, dateFromParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { HEARABLE, adjournHearing, arrangeHearing, listHearings } from './arrange-hearing.ts';
import { categoryLabels } from './case-page-model.ts';
import { regimeOf } from './case-context.ts';
import { PANEL_ROLE_LABELS, panelRequirement, type PanelRole } from './rules/hearing-panel.ts';
import { viewCase } from './view-case.ts';
import { writeCaseLetter } from './letters/write-case-letter.ts';
import { casePolicy } from './case.policy.ts';

type CaseParams = { Params: { id: string } };
type HearingParams = { Params: { id: string; hearingId: string } };
type Shown = { status?: number; fields?: FieldErrors; refusal?: string; values?: Record<string, unknown> };

const FORM_WORDS = {
  meeting: 'Misconduct meeting',
  hearing: 'Misconduct hearing',
  accelerated_hearing: 'Accelerated hearing',
};
const ROLES = Object.keys(PANEL_ROLE_LABELS) as PanelRole[];

function shownFor(err: unknown): Shown {
  if (!(err instanceof AppError)) throw err;
  if (err.code === 'validation') return { status: 400, fields: err.fields ?? { form: err.message } };
  if (err.code === 'conflict') return { status: 409, refusal: err.message };
  if (err.code === 'invalid_state') return { status: 422, refusal: err.message };
  throw err;
}

/**
 * The meetings and hearings of a case (issue 17): the sittings arranged, each with its allegations, panel
 * and adjournments; a form to arrange one for several subjects; a form to adjourn one. Without JavaScript.
 */
export function registerHearingPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Shown = {}) => {
    const principal = principalOf(request);
    const view = await viewCase(deps, principal, request.params.id, request.id);
    const { hearings, letters } = await listHearings(deps, principal, request.params.id, request.id);
    const subjectName = new Map(
      view.allegations.map((a) => [a.subjectId, a.subject ? `${a.subject.givenName} ${a.subject.familyName}` : '']),
    );
    const nameOf = new Map(
      view.allegations.map((a) => [a.id, a.subject ? `${a.subject.givenName} ${a.subject.familyName}` : 'Unknown']),
    );
    const regime = regimeOf(view.theCase);
    const categories = await categoryLabels(deps);
    const heard = new Set(hearings.flatMap((h) => h.allegationIds));
    return reply.code(extra.status ?? 200).page('misconduct/views/hearings.njk', {
      pageTitle: `Meetings and hearings: case ${view.theCase.reference}`,
      theCase: view.theCase,
      canArrange: casePolicy.decide(principal),
      canServe: casePolicy.act(principal, 'serve_reg17_notice'),
      hearings: hearings.map((h) => ({
        id: h.id,
        version: h.version,
        title: `${FORM_WORDS[h.form]} on ${formatDate(h.heldOn)}`,
        rows: [
          { key: { text: 'Venue' }, value: { text: h.venue } },
          { key: { text: 'In public' }, value: { text: h.inPublic ? 'Yes' : 'No, in private' } },
          { key: { text: 'Hears' }, value: { text: h.allegationIds.map((id) => nameOf.get(id) ?? id).join(', ') } },
          ...(h.panel as { role: PanelRole; name: string }[]).map((m) => ({
            key: { text: PANEL_ROLE_LABELS[m.role] ?? m.role },
            value: { text: m.name },
          })),
          ...(h.adjournments as { from: string; to: string; reason: string }[]).map((a) => ({
            key: { text: 'Adjourned' },
            value: { text: `From ${formatDate(a.from)} to ${formatDate(a.to)}: ${a.reason}` },
          })),
        ],
      })),
      // Only the allegations a sitting may hear: waiting for proceedings, on no sitting yet, of a subject not
      // recorded in error; each named by its subject and category (a subject may have several).
      allegations: view.allegations
        .filter((a) => HEARABLE.has(a.state) && !heard.has(a.id) && !a.subject?.recordedInErrorOn)
        .map((a) => ({
          value: a.id,
          text: `${nameOf.get(a.id)}: ${categories.get(a.categoryCode) ?? a.categoryCode} (${a.statusLabel})`,
        })),
      roles: ROLES.map((r) => ({ value: r, text: PANEL_ROLE_LABELS[r] })),
      requirements: (['meeting', 'hearing', 'accelerated_hearing'] as const).map((f) => {
        const req = panelRequirement(f, regime);
        return `${FORM_WORDS[f]}: ${req.roles.map((r) => PANEL_ROLE_LABELS[r].toLowerCase()).join(', ')} (${req.source})`;
      }),
      letters: letters.map((l) => ({
        id: l.id,
        subject: l.subject,
        to: subjectName.get(l.subjectId) ?? '',
        writtenOn: formatDate(l.writtenOn),
        // A regulation 17 notice: the day it is treated as served and the last day for representations (reg 18).
        service:
          l.deemedServedOn && l.representationsDueOn
            ? `served ${formatDate(l.deemedServedOn)}, representations due by ${formatDate(l.representationsDueOn)}`
            : null,
      })),
      values: extra.values ?? { inPublic: 'yes' },
      fields: extra.fields,
      errors: extra.refusal
        ? [{ text: extra.refusal }]
        : extra.fields
          ? errorSummary(extra.fields, ['heldOn', 'to'])
          : undefined,
    });
  };

  app.get<CaseParams>('/cases/:id/hearings', pre, (request, reply) => show(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/hearings', pre, async (request, reply) => {
    const body = request.body ?? {};
    const values = {
      form: first(body.form),
      venue: first(body.venue),
      inPublic: first(body.inPublic),
      allegationIds: all(body.allegationIds),
      heldOn: { day: first(body['heldOn-day']), month: first(body['heldOn-month']), year: first(body['heldOn-year']) },
      ...Object.fromEntries(ROLES.map((r) => [`panel-${r}`, first(body[`panel-${r}`])])),
    };
    try {
      const date = dateFromParts(body, 'heldOn', 'The date');
      if (date.error) throw new AppError('validation', 'Check the date', { heldOn: date.error });
      await arrangeHearing(
        deps,
        principalOf(request),
        {
          caseId: request.params.id,
          form: values.form,
          heldOn: date.iso ?? '',
          venue: values.venue,
          inPublic: values.inPublic === 'yes',
          panel: ROLES.map((role) => ({ role, name: first(body[`panel-${role}`]) })).filter((m) => m.name.trim()),
          allegationIds: values.allegationIds,
        },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}/hearings`, 303);
    } catch (err) {
      return show(request, reply, { ...shownFor(err), values });
    }
  });

  // The letters to the subject officers (letters/write-case-letter.ts): a notice of a sitting, or the outcome.
  app.post<CaseParams & { Body: FormBody }>('/cases/:id/letters', pre, async (request, reply) => {
    const body = request.body ?? {};
    const hearingId = first(body.hearingId);
    try {
      await writeCaseLetter(
        deps,
        principalOf(request),
        request.params.id,
        { kind: first(body.kind) as 'outcome', ...(hearingId ? { hearingId } : {}) },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}/hearings#letters`, 303);
    } catch (err) {
      return show(request, reply, shownFor(err));
    }
  });

  app.post<HearingParams & { Body: FormBody }>(
    '/cases/:id/hearings/:hearingId/adjourn',
    pre,
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const date = dateFromParts(body, 'to', 'The new date');
        if (date.error) throw new AppError('validation', 'Check the date', { to: date.error });
        await adjournHearing(
          deps,
          principalOf(request),
          {
            caseId: request.params.id,
            hearingId: request.params.hearingId,
            version: first(body.version),
            to: date.iso ?? '',
            reason: first(body.reason),
          },
          request.id,
        );
        return reply.redirect(`/cases/${request.params.id}/hearings`, 303);
      } catch (err) {
        return show(request, reply, shownFor(err));
      }
    },
  );
}
