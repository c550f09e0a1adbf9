import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError } from '../../../kernel/errors.ts';
import { authorize } from '../../../kernel/access/principal.ts';
import { showApplication } from './applications.pages.ts';
import { checkAgainstLists } from '../lists/check-against-lists.ts';
import { decideListMatch } from '../lists/decide-list-match.ts';
import { linkApplicantPerson } from './link-applicant-person.ts';
import { recordAdverseInformation } from '../file/record-adverse-information.ts';
import { recordCheck } from '../file/record-check.ts';
import { dateFromParts, first, formFailure, prefixed, type FormBody } from '../vetting-pages-support.ts';

type Params<P = object> = { Params: { id: string } & P; Querystring: Record<string, string>; Body: FormBody };

/** The small forms of the application page: a check's result, adverse information, the list check, a match decision, the person link. */
export function registerApplicationFormPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };
  const done = (id: string, what: string, anchor: string) => `/vetting/applications/${id}?done=${what}#${anchor}`;

  app.post<Params<{ checkId: string }>>('/vetting/applications/:id/checks/:checkId', pre, async (request, reply) => {
    const { id, checkId } = request.params;
    const body = request.body;
    const prefix = `check-${checkId}-`;
    try {
      await recordCheck(
        deps,
        principalOf(request),
        {
          applicationId: id,
          checkId,
          version: first(body['version']),
          status: first(body['status']) as never,
          notes: first(body['notes']),
        },
        request.id,
      );
      return reply.redirect(done(id, 'check', 'checks'), 303);
    } catch (err) {
      const failure = formFailure(err);
      const values = { [`${prefix}status`]: first(body['status']), [`${prefix}notes`]: first(body['notes']) };
      return showApplication(deps, request, reply, {
        status: failure.status,
        fields: prefixed(failure.fields, prefix),
        refusal: failure.refusal,
        values,
      });
    }
  });

  app.post<Params>('/vetting/applications/:id/adverse', pre, async (request, reply) => {
    const { id } = request.params;
    const body = request.body;
    const occurred = dateFromParts(body, 'occurredOn', 'The date it happened');
    const values = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k.startsWith('occurredOn-') ? k : `adverse-${k}`, first(v)]),
    );
    try {
      if (occurred.error) {
        authorize(principalOf(request), 'vetting.decide', 'application');
        throw new AppError('validation', 'Check the adverse information', { occurredOn: occurred.error });
      }
      await recordAdverseInformation(
        deps,
        principalOf(request),
        {
          applicationId: id,
          checkId: first(body['checkId']),
          source: first(body['source']),
          infoType: first(body['infoType']) as never,
          occurredOn: occurred.iso ?? '',
          relation: first(body['relation']) as never,
          severity: first(body['severity']),
          credibility: first(body['credibility']),
          description: first(body['description']),
          assessment: first(body['assessment']),
        },
        request.id,
      );
      return reply.redirect(done(id, 'adverse', 'adverse'), 303);
    } catch (err) {
      const failure = formFailure(err);
      return showApplication(deps, request, reply, {
        status: failure.status,
        fields: prefixed(failure.fields, 'adverse-'),
        refusal: failure.refusal,
        values,
        dateFields: ['adverse-occurredOn'],
      });
    }
  });

  app.post<Params>('/vetting/applications/:id/list-check', pre, async (request, reply) => {
    try {
      await checkAgainstLists(deps, principalOf(request), request.params.id, request.id);
      return reply.redirect(done(request.params.id, 'listed', 'lists'), 303);
    } catch (err) {
      const failure = formFailure(err);
      return showApplication(deps, request, reply, {
        status: failure.status,
        refusal: failure.refusal ?? 'The check could not be made',
      });
    }
  });

  app.post<Params<{ matchId: string }>>('/vetting/applications/:id/matches/:matchId', pre, async (request, reply) => {
    const { id, matchId } = request.params;
    const body = request.body;
    const prefix = `match-${matchId}-`;
    try {
      await decideListMatch(
        deps,
        principalOf(request),
        { applicationId: id, matchId, decision: first(body['decision']) as never, note: first(body['note']) },
        request.id,
      );
      return reply.redirect(done(id, 'match', 'lists'), 303);
    } catch (err) {
      const failure = formFailure(err);
      const values = { [`${prefix}decision`]: first(body['decision']), [`${prefix}note`]: first(body['note']) };
      return showApplication(deps, request, reply, {
        status: failure.status,
        fields: prefixed(failure.fields, prefix),
        refusal: failure.refusal,
        values,
      });
    }
  });

  app.post<Params>('/vetting/applications/:id/person', pre, async (request, reply) => {
    const { id } = request.params;
    const body = request.body;
    try {
      await linkApplicantPerson(
        deps,
        principalOf(request),
        { applicationId: id, version: first(body['version']), personId: first(body['personId']) },
        request.id,
      );
      return reply.redirect(done(id, 'linked', 'person'), 303);
    } catch (err) {
      const failure = formFailure(err);
      return showApplication(deps, request, reply, {
        status: failure.status,
        fields: failure.fields,
        refusal: failure.refusal,
        values: { personId: first(body['personId']) },
      });
    }
  });
}
