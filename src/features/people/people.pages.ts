import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { personStatuses, personTypes } from '../../db/schema/index.ts';
import { errorList } from '../auth/index.ts';
import { directoryFilters, searchPeople } from './search-people.ts';
import { viewPerson } from './view-person.ts';
import { mergePeopleByReference } from './merge-people.ts';
import { undoMerge } from './undo-merge.ts';
import { recordCareerBreak } from './record-career-break.ts';
import { endCareerBreak } from './end-career-break.ts';
import { dateFromParts, type FormBody } from '../../kernel/forms.ts';
import { pagination } from '../../kernel/pagination.ts';

type Body = Record<string, string | undefined>;

/** The people directory and person pages (HTML, work without JavaScript). */
export function registerPeoplePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/people', pre, async (request, reply) => {
    const principal = principalOf(request);
    const { unitOptions, ranks } = await directoryFilters(deps, principal);
    const common = {
      pageTitle: 'People',
      query: request.query,
      unitOptions,
      ranks,
      types: personTypes,
      statuses: personStatuses,
    };
    try {
      const result = await searchPeople(deps, principal, request.query, request.id);
      const base = new URLSearchParams(Object.entries(request.query).filter(([k, v]) => k !== 'page' && v !== ''));
      const pageHref = (n: number) =>
        `/people?${new URLSearchParams([...base.entries(), ['page', String(n)]]).toString()}`;
      return reply.page('people/views/directory.njk', {
        ...common,
        result,
        pageHref: pagination(result.input.page, result.pageCount, pageHref),
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return reply
        .code(400)
        .page('people/views/directory.njk', { ...common, fields: err.fields, errors: errorList(err.fields) });
    }
  });

  const showPerson = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
  ) => {
    const view = await viewPerson(deps, principalOf(request), request.params.id, request.id);
    const name = `${view.person.givenName} ${view.person.familyName}`;
    return reply.page('people/views/person.njk', { pageTitle: name, name, ...view, ...extra });
  };

  const flashes: Record<string, string> = {
    merged: 'The duplicate record was merged into this one.',
    unmerged: 'The merge was undone.',
    careerBreak: 'The career break was recorded.',
    careerBreakEnded: 'The last day of the career break was recorded.',
  };
  app.get<{ Params: { id: string }; Querystring: Record<string, string> }>('/people/:id', pre, (request, reply) => {
    const flash = Object.keys(flashes).find((k) => request.query[k] === '1');
    return showPerson(request, reply, flash ? { flash: flashes[flash] } : {});
  });

  app.post<{ Params: { id: string }; Body: Body }>('/people/:id/merge', pre, async (request, reply) => {
    const principal = principalOf(request);
    try {
      await mergePeopleByReference(
        deps,
        principal,
        {
          survivorId: request.params.id,
          duplicateReference: request.body.duplicate ?? '',
          reason: request.body.reason ?? '',
          survivorVersion: Number(request.body.version),
        },
        request.id,
      );
      return reply.redirect(`/people/${request.params.id}?merged=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'validation' && err.code !== 'invalid_state')) throw err;
      const fields = err.fields ?? { reason: err.message };
      return showPerson(request, reply.code(400), { fields, errors: errorList(fields), values: request.body });
    }
  });

  app.post<{ Params: { id: string; mergeId: string }; Body: Body }>(
    '/people/:id/merges/:mergeId/undo',
    pre,
    async (request, reply) => {
      try {
        await undoMerge(
          deps,
          principalOf(request),
          { mergeId: request.params.mergeId, reason: request.body.reason ?? '' },
          request.id,
        );
        return reply.redirect(`/people/${request.params.id}?unmerged=1`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const fields = { [`undo-${request.params.mergeId}`]: err.fields?.['reason'] ?? err.message };
        return showPerson(request, reply.code(400), { fields, errors: errorList(fields) });
      }
    },
  );

  // A career break on the person record (record-career-break.ts): it extends a warning in force.
  app.post<{ Params: { id: string }; Body: FormBody }>('/people/:id/career-breaks', pre, async (request, reply) => {
    const body = request.body ?? {};
    try {
      const startsOn = dateFromParts(body, 'startsOn', 'The first day');
      const endsOn = dateFromParts(body, 'endsOn', 'The last day');
      const bad = {
        ...(startsOn.error ? { startsOn: startsOn.error } : {}),
        ...(endsOn.error ? { endsOn: endsOn.error } : {}),
      };
      if (Object.keys(bad).length) throw new AppError('validation', 'Check the career break', bad);
      const note = body.note;
      await recordCareerBreak(
        deps,
        principalOf(request),
        request.params.id,
        { startsOn: startsOn.iso ?? '', endsOn: endsOn.iso ?? '', note: Array.isArray(note) ? note[0] : (note ?? '') },
        request.id,
      );
      return reply.redirect(`/people/${request.params.id}?careerBreak=1#career-breaks`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const fields = err.fields ?? { startsOn: err.message };
      return showPerson(request, reply.code(400), { fields, errors: errorList(fields) });
    }
  });

  app.post<{ Params: { id: string; breakId: string }; Body: FormBody }>(
    '/people/:id/career-breaks/:breakId/end',
    pre,
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const endsOn = dateFromParts(body, 'endsOn', 'The last day');
        if (endsOn.error) throw new AppError('validation', 'Check the last day', { endsOn: endsOn.error });
        await endCareerBreak(
          deps,
          principalOf(request),
          request.params.id,
          request.params.breakId,
          { endsOn: endsOn.iso ?? '' },
          request.id,
        );
        return reply.redirect(`/people/${request.params.id}?careerBreakEnded=1#career-breaks`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const fields = { endBreak: err.fields?.['endsOn'] ?? err.message };
        return showPerson(request, reply.code(400), { fields, errors: errorList(fields) });
      }
    },
  );
}
