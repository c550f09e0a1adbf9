import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { partyRoles } from '../../db/schema/index.ts';
import { addParty, partyRoleLabels, viewParties } from './add-party.ts';
import { caseloadFor } from './caseload.ts';
import { registerCaseDetailsApi } from './case-details.api.ts';
import { errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { linkCases, unlinkCases, viewLinks } from './link-cases.ts';
import { removeParty } from './remove-party.ts';
import { setOwningTeam, viewOwningTeam } from './set-owning-team.ts';

type CaseParams = { Params: { id: string } };
type Extra = {
  status?: number;
  fields?: FieldErrors;
  refusal?: string;
  values?: Record<string, string>;
  flash?: string;
};

const PARTY_ORDER = ['role', 'personReference', 'name'];
const LINK_ORDER = ['reference', 'reason'];

const flashes: Record<string, string> = {
  added: 'The party has been added.',
  removed: 'The party has been removed.',
  linked: 'The cases have been linked.',
  unlinked: 'The link has been removed.',
  team: 'The owning team has been set.',
};

/** Field errors in the order of the form, with a summary linking to each. */
function problems(extra: Extra, order: string[]) {
  if (extra.refusal) return [{ text: extra.refusal }];
  if (!extra.fields) return undefined;
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return errorSummary(Object.fromEntries(Object.entries(extra.fields).sort(([a], [b]) => rank(a) - rank(b))), []);
}

const flashOf = (request: FastifyRequest) =>
  flashes[first((request.query as Record<string, string | undefined>)['done'])];

/** The redirect after a change, or the form again with the use case's field messages (400 / 409). */
async function formResult(
  run: () => Promise<unknown>,
  done: string,
  reshow: (extra: Extra) => Promise<FastifyReply>,
  reply: FastifyReply,
  values: Record<string, string>,
) {
  try {
    await run();
    return reply.redirect(done, 303);
  } catch (err) {
    if (!(err instanceof AppError) || (err.code !== 'validation' && err.code !== 'conflict')) throw err;
    if (err.code === 'conflict') return reshow({ status: 409, refusal: err.message, values });
    return reshow({ status: 400, fields: err.fields ?? { form: err.message }, values });
  }
}

/**
 * A case's parties, its links to other cases and its owning team, each on a page of its own linked from the
 * case page, and the caseload of the lead investigators. Every form works without JavaScript.
 */
export function registerCaseDetailPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/cases/caseload', pre, async (request, reply) => {
    const caseload = await caseloadFor(deps, principalOf(request));
    return reply.page('misconduct/views/case-details-caseload.njk', { pageTitle: 'Caseload', caseload });
  });

  const showParties = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Extra = {}) => {
    const view = await viewParties(deps, principalOf(request), request.params.id, request.id);
    return reply.code(extra.status ?? 200).page('misconduct/views/case-details-parties.njk', {
      pageTitle: `Parties – ${view.theCase.reference}`,
      theCase: view.theCase,
      parties: view.parties.map((p) => ({ ...p, roleLabel: partyRoleLabels[p.role] })),
      roles: partyRoles.map((value) => ({ value, text: partyRoleLabels[value] })),
      fields: extra.fields,
      errors: problems(extra, PARTY_ORDER),
      values: extra.values ?? {},
      flash: extra.status ? undefined : flashOf(request),
    });
  };

  app.get<CaseParams>('/cases/:id/parties', pre, (request, reply) => showParties(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/parties', pre, async (request, reply) => {
    const values = {
      role: first(request.body.role),
      personReference: first(request.body.personReference),
      name: first(request.body.name),
    };
    const input = { caseId: request.params.id, ...values, role: values.role as never };
    const done = `/cases/${request.params.id}/parties?done=added`;
    return formResult(
      () => addParty(deps, principalOf(request), input, request.id),
      done,
      (extra) => showParties(request, reply, extra),
      reply,
      values,
    );
  });

  app.post<{ Params: { id: string; partyId: string } }>(
    '/cases/:id/parties/:partyId/remove',
    pre,
    async (request, reply) => {
      await removeParty(
        deps,
        principalOf(request),
        { caseId: request.params.id, partyId: request.params.partyId },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}/parties?done=removed`, 303);
    },
  );

  const showLinks = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Extra = {}) => {
    const view = await viewLinks(deps, principalOf(request), request.params.id, request.id);
    return reply.code(extra.status ?? 200).page('misconduct/views/case-details-links.njk', {
      pageTitle: `Linked cases – ${view.theCase.reference}`,
      theCase: view.theCase,
      links: view.links,
      canChange: view.canChange,
      fields: extra.fields,
      errors: problems(extra, LINK_ORDER),
      values: extra.values ?? {},
      flash: extra.status ? undefined : flashOf(request),
    });
  };

  app.get<CaseParams>('/cases/:id/links', pre, (request, reply) => showLinks(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/links', pre, async (request, reply) => {
    const values = { reference: first(request.body.reference), reason: first(request.body.reason) };
    const done = `/cases/${request.params.id}/links?done=linked`;
    return formResult(
      () => linkCases(deps, principalOf(request), { caseId: request.params.id, ...values }, request.id),
      done,
      (extra) => showLinks(request, reply, extra),
      reply,
      values,
    );
  });

  app.post<{ Params: { id: string; linkedId: string } }>(
    '/cases/:id/links/:linkedId/remove',
    pre,
    async (request, reply) => {
      await unlinkCases(
        deps,
        principalOf(request),
        { caseId: request.params.id, linkedCaseId: request.params.linkedId },
        request.id,
      );
      return reply.redirect(`/cases/${request.params.id}/links?done=unlinked`, 303);
    },
  );

  const showTeam = async (request: FastifyRequest<CaseParams>, reply: FastifyReply, extra: Extra = {}) => {
    const view = await viewOwningTeam(deps, principalOf(request), request.params.id, request.id);
    const chosen = extra.values ? extra.values['unitId'] : (view.theCase.owningUnitId ?? '');
    return reply.code(extra.status ?? 200).page('misconduct/views/case-details-team.njk', {
      pageTitle: `Owning team – ${view.theCase.reference}`,
      theCase: view.theCase,
      team: view.team,
      canChange: view.canChange,
      unitItems: [
        { value: '', text: 'No owning team' },
        ...view.units.map((u) => ({ value: u.id, text: u.path.split('/').join(' › '), selected: u.id === chosen })),
      ],
      fields: extra.fields,
      errors: problems(extra, ['unitId']),
      flash: extra.status ? undefined : flashOf(request),
    });
  };

  app.get<CaseParams>('/cases/:id/team', pre, (request, reply) => showTeam(request, reply));

  app.post<CaseParams & { Body: FormBody }>('/cases/:id/team', pre, async (request, reply) => {
    const values = { unitId: first(request.body.unitId), version: first(request.body.version) };
    const input = { caseId: request.params.id, version: values.version, unitId: values.unitId || null };
    const done = `/cases/${request.params.id}/team?done=team`;
    return formResult(
      () => setOwningTeam(deps, principalOf(request), input, request.id),
      done,
      (extra) => showTeam(request, reply, extra),
      reply,
      values,
    );
  });
}

/** Parties, linked cases, owning team and caseload: the pages and the API (one call from cases.routes.ts). */
export function registerCaseDetailRoutes(app: FastifyInstance, deps: Deps): void {
  registerCaseDetailPages(app, deps);
  registerCaseDetailsApi(app, deps);
}
