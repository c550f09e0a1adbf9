import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { caseSources, confidentialities } from '../../db/schema/index.ts';
import { blank, isCalendarDate, parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { listCases } from './cases.repository.ts';
import { ALLEGATION_STATUSES } from './rules/allegation-types.ts';

const isoDate = (what: string) =>
  z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} must be a date like 2025-03-31`)
      .refine(isCalendarDate, { message: `${what} must be a real date` })
      .optional(),
  );

/** The columns the case list can be sorted by (MOJ sortable table; links, so it works without JavaScript). */
export const CASE_SORTS = ['reference', 'received', 'lead', 'subjects', 'allegations'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

export const listCasesInput = z
  .object({
    view: z.preprocess(
      blank,
      z.enum(['mine', 'unallocated', 'all'], { message: 'Choose which cases to list' }).default('mine'),
    ),
    status: z.preprocess(blank, z.enum(['open', 'closed'], { message: 'Choose open or closed' }).optional()),
    /** A reference, words of the summary, a subject's name, or any number a subject holds or has held. */
    q: z.preprocess(blank, z.string().trim().max(100, 'Search for 100 characters or fewer').optional()),
    category: z.preprocess(
      blank,
      z
        .string()
        .trim()
        .max(100)
        .regex(/^[a-z0-9_.]+$/, 'Choose a category from the list')
        .optional(),
    ),
    /** One stage, or several (repeated in the URL: the home page's "cases to answer" are of two). */
    stage: z.preprocess(
      (v) => (Array.isArray(v) ? v : blank(v) === undefined ? undefined : [v]),
      z
        .array(z.string())
        .max(20)
        .refine((all) => all.every((s) => (ALLEGATION_STATUSES as readonly string[]).includes(s)), {
          message: 'Choose a stage from the list',
        })
        .optional(),
    ),
    lead: z.preprocess(
      blank,
      z
        .string()
        .regex(
          /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
          'Choose a lead investigator from the list',
        )
        .optional(),
    ),
    source: z.preprocess(blank, z.enum(caseSources, { message: 'Choose a source from the list' }).optional()),
    confidentiality: z.preprocess(
      blank,
      z.enum(confidentialities, { message: 'Choose normal or restricted' }).optional(),
    ),
    from: isoDate('The earliest date'),
    to: isoDate('The latest date'),
    sort: z.preprocess(blank, z.enum(CASE_SORTS, { message: 'Choose a column to sort by' }).default('received')),
    dir: z.preprocess(blank, z.enum(['asc', 'desc'], { message: 'Sort ascending or descending' }).optional()),
    page: z.preprocess(blank, z.coerce.number().int().min(1, 'Page must be 1 or more').default(1)),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: 'The earliest date must be on or before the latest date',
    path: ['to'],
  });

export type ListCasesInput = z.infer<typeof listCasesInput>;

/** The direction a column sorts in when first chosen: dates and counts newest/largest first, names A to Z. */
export function defaultDirection(sort: CaseSort): 'asc' | 'desc' {
  return sort === 'reference' || sort === 'lead' ? 'asc' : 'desc';
}

/**
 * My cases, the unallocated queue, or every case the principal may see, narrowed by the search filters;
 * counts use the same scope as the rows (cases-scope.ts), so a hidden case is never counted nor found by
 * its subject's name or number.
 * The count stops at `config.caseListCountLimit` (default 1,000): beyond it the list says "more than 1,000
 * cases" and asks for a filter. Nobody pages through more, and counting a large force's whole caseload on
 * every request costs more than the page itself (docs/performance.md). Exact totals are the dashboard's job.
 */
export async function listCasesFor(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  const countLimit = deps.config.caseListCountLimit;
  authorize(principal, 'case.read', 'page');
  const input = parseInput(listCasesInput, raw, 'Check the filters');
  const pageSize = 25;
  const dir = input.dir ?? defaultDirection(input.sort);
  const result = await deps.db.transaction(async (tx) => {
    const found = await listCases(
      tx,
      principal,
      {
        view: input.view,
        status: input.status,
        q: input.q,
        category: input.category,
        stage: input.stage,
        lead: input.lead,
        source: input.source,
        confidentiality: input.confidentiality,
        from: input.from,
        to: input.to,
      },
      { limit: pageSize, offset: (input.page - 1) * pageSize, sort: input.sort, dir },
      countLimit,
    );
    // The list shows subjects' names, and a search says who was looked for: one audit event per request.
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case-list', id: input.view },
      {
        type: 'case.listed',
        view: input.view,
        status: input.status ?? null,
        query: input.q ?? null,
        page: input.page,
        resultCount: found.rows.length,
      },
    );
    return found;
  });
  const counted = Math.max(1, Math.ceil(result.total / pageSize));
  // Past the limit the last page is unknown: offer the next page while this one is full.
  const pageCount = result.moreThanTotal
    ? Math.max(counted, input.page + (result.rows.length === pageSize ? 1 : 0))
    : counted;
  return { ...result, input: { ...input, dir }, pageCount };
}
