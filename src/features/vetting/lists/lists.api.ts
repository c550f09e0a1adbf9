import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../../kernel/http/guards.ts';
import { browseLists } from './browse-lists.ts';
import { importNationalList } from './import-list.ts';
import { bodies, errors } from '../vetting-api-schemas.ts';

const tags = ['vetting'];
const entry = z.object({
  id: z.string().uuid(),
  list: z.string(),
  origin: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  formerForce: z.string(),
  rank: z.string(),
  identifiers: z.array(z.string()),
  reason: z.string(),
  listedOn: z.string().nullable(),
  /** The day a later national file no longer had the entry (taken off the list); null while listed. */
  removedOn: z.string().nullable(),
  /** From when the listed person may ask for a review of the entry, and whether that day has come. */
  review: z.object({ from: z.string(), due: z.boolean() }).nullable(),
});

/** /api/v1/vetting/lists: browse the barred and advisory list entries, and import a national list (CSV text). */
export function registerListsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/vetting/lists',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Barred and advisory list entries: the force’s own returns and imported national lists (vetting officers; the read is audited)',
        querystring: z.object({
          list: z.string().optional(),
          origin: z.string().optional(),
          q: z.string().optional(),
          page: z.string().optional(),
        }),
        response: {
          200: z.object({
            total: z.number().int(),
            page: z.number().int(),
            pageCount: z.number().int(),
            counts: z.object({ barred: z.number().int(), advisory: z.number().int() }),
            items: z.array(entry),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const r = await browseLists(deps, principalOf(request), request.query, request.id);
      return {
        total: r.total,
        page: r.input.page,
        pageCount: r.pageCount,
        counts: r.counts,
        items: r.rows.map((e) => ({
          id: e.id,
          list: e.list,
          origin: e.origin,
          givenName: e.given_name,
          familyName: e.family_name,
          dateOfBirth: e.date_of_birth,
          formerForce: e.former_force,
          rank: e.rank,
          identifiers: e.identifiers,
          reason: e.reason,
          listedOn: e.listed_on,
          removedOn: e.removed_on,
          review: e.review,
        })),
      };
    },
  );

  api.post(
    '/api/v1/vetting/lists/import',
    {
      ...on,
      schema: {
        tags,
        summary:
          'Import a national barred or advisory list (CSV text); all or nothing, bad rows reported by line; a re-import changes nothing',
        body: bodies.listImport,
        response: {
          200: z.object({
            rows: z.number().int(),
            inserted: z.number().int(),
            updated: z.number().int(),
            unchanged: z.number().int(),
            removed: z.number().int(),
            restored: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (request) =>
      importNationalList(
        deps,
        principalOf(request),
        { list: request.body.list, csv: request.body.csv ?? '' },
        request.id,
      ),
  );
}
