import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { checkAgainstLists } from '../lists/check-against-lists.ts';
import { createApplication } from './create-application.ts';
import { decideApplication } from '../decisions/decide-application.ts';
import { decideListMatch } from '../lists/decide-list-match.ts';
import { linkApplicantPerson } from './link-applicant-person.ts';
import { listApplicationsFor } from './list-applications.ts';
import { recordAdverseInformation } from '../file/record-adverse-information.ts';
import { recordCheck } from '../file/record-check.ts';
import { viewApplication } from './view-application.ts';
import { applicationDetail, applicationListItem, bodies, created, errors, idParams } from '../vetting-api-schemas.ts';

const tags = ['vetting'];

/** /api/v1/vetting/applications: the same use cases as the application pages. */
export function registerApplicationsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/vetting/applications',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Vetting applications (open first), filtered by status, kind or a reference/name search; the read is audited',
        querystring: z.object({
          status: z.string().optional(),
          kind: z.string().optional(),
          q: z.string().optional(),
          page: z.string().optional(),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            items: z.array(applicationListItem),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await listApplicationsFor(deps, principalOf(request), request.query, request.id);
      return {
        total: r.total,
        page: r.input.page,
        pageCount: r.pageCount,
        items: r.rows.map((a) => ({
          id: a.id,
          reference: a.reference,
          kind: a.kind,
          level: a.level,
          givenName: a.given_name,
          familyName: a.family_name,
          status: a.status,
          receivedOn: a.received_on,
          pendingChecks: a.pending_checks,
          adverseItems: a.adverse_items,
          pendingMatches: a.pending_matches,
        })),
      };
    },
  );

  api.post(
    '/api/v1/vetting/applications',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Start an application; the nine checks are created pending, and a recruitment or transfer-in application is matched against the barred and advisory lists',
        body: bodies.application,
        response: {
          201: z.object({ id: z.string().uuid(), reference: z.string(), matchesFound: z.number().int() }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createApplication(deps, principalOf(request), request.body as never, request.id)),
  );

  api.get(
    '/api/v1/vetting/applications/:id',
    {
      ...on,
      schema: {
        tags,
        summary:
          'One application with checks, adverse information, list matches, decisions and appeals (the read is audited)',
        params: idParams,
        response: { 200: applicationDetail, ...errors },
      },
    },
    async (request) => {
      const f = await viewApplication(deps, principalOf(request), request.params.id, request.id);
      const a = f.application;
      return {
        id: a.id,
        reference: a.reference,
        kind: a.kind,
        level: a.level,
        status: a.status,
        personId: a.personId,
        givenName: a.givenName,
        familyName: a.familyName,
        formerNames: a.formerNames,
        dateOfBirth: a.dateOfBirth,
        formerNumbers: a.formerNumbers,
        previousForce: a.previousForce,
        receivedOn: a.receivedOn,
        version: a.version,
        decidable: f.state.decidable,
        clearanceId: f.clearance?.id ?? null,
        checks: f.checks.map((c) => ({
          id: c.id,
          checkType: c.checkType,
          status: c.status,
          completedOn: c.completedOn,
          notes: c.notes,
          version: c.version,
        })),
        adverseInformation: f.adverse.map((i) => ({
          ...i,
          resolution: (i.resolution as Record<string, string> | null) ?? null,
        })),
        matches: f.matches.map((m) => ({
          id: m.id,
          score: m.score,
          reasons: m.reasons,
          decision: m.decision,
          decidedOn: m.decided_on,
          note: m.note,
          entry: {
            list: m.list,
            origin: m.origin,
            givenName: m.given_name,
            familyName: m.family_name,
            dateOfBirth: m.date_of_birth,
            formerForce: m.former_force,
            rank: m.rank,
            identifiers: m.identifiers,
            reason: m.reason,
            listedOn: m.listed_on,
          },
        })),
        decisions: f.decisions.map((d) => ({ ...d, appeals: d.appeals })),
      };
    },
  );

  api.post(
    '/api/v1/vetting/applications/:id/checks/:checkId',
    {
      ...on,
      schema: {
        tags,
        summary: 'Record the result of one check: clear, adverse or not_required (with notes)',
        params: z.object({ id: z.string(), checkId: z.string() }),
        body: bodies.check,
        response: { 200: created, ...errors },
      },
    },
    async (request) =>
      recordCheck(
        deps,
        principalOf(request),
        { applicationId: request.params.id, checkId: request.params.checkId, ...request.body } as never,
        request.id,
      ),
  );

  api.post(
    '/api/v1/vetting/applications/:id/adverse-information',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Record an item of adverse information (source, type, date, relation, severity and credibility 1–5, description, assessment)',
        params: idParams,
        body: bodies.adverse,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordAdverseInformation(
            deps,
            principalOf(request),
            { applicationId: request.params.id, ...request.body } as never,
            request.id,
          ),
        ),
  );

  api.post(
    '/api/v1/vetting/applications/:id/list-check',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Check an open application against the barred and advisory lists again; likely matches wait for a human decision',
        params: idParams,
        response: { 200: z.object({ entriesChecked: z.number().int(), matchesFound: z.number().int() }), ...errors },
      },
    },
    async (request) => checkAgainstLists(deps, principalOf(request), request.params.id, request.id),
  );

  api.post(
    '/api/v1/vetting/applications/:id/matches/:matchId',
    {
      ...on,
      schema: {
        tags,
        summary: 'Decide a likely list match: confirmed_match or not_a_match, with a note',
        params: z.object({ id: z.string(), matchId: z.string() }),
        body: bodies.match,
        response: { 200: created, ...errors },
      },
    },
    async (request) =>
      decideListMatch(
        deps,
        principalOf(request),
        { applicationId: request.params.id, matchId: request.params.matchId, ...request.body } as never,
        request.id,
      ),
  );

  api.post(
    '/api/v1/vetting/applications/:id/person',
    {
      ...on,
      schema: {
        tags,
        summary: 'Link the applicant to their person record (a granted clearance is then recorded)',
        params: idParams,
        body: bodies.person,
        response: { 200: z.object({ clearanceId: z.string().uuid().nullable() }), ...errors },
      },
    },
    async (request) =>
      linkApplicantPerson(
        deps,
        principalOf(request),
        { applicationId: request.params.id, ...request.body } as never,
        request.id,
      ),
  );

  api.post(
    '/api/v1/vetting/applications/:id/decision',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Decide: grant, grant_with_conditions, refuse or discontinue. No grant while any adverse item lacks its structured rationale (400); nothing while a list match is pending (422)',
        params: idParams,
        body: bodies.decision,
        response: {
          201: z.object({
            decisionId: z.string().uuid(),
            clearanceId: z.string().uuid().nullable(),
            appealWindowEndsOn: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await decideApplication(
            deps,
            principalOf(request),
            { applicationId: request.params.id, ...request.body } as never,
            request.id,
          ),
        ),
  );
}
