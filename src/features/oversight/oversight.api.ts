import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { notFound } from '../../kernel/errors.ts';
import { BASES } from './period.ts';
import { viewReturns } from './statistical-returns.ts';
import { viewDashboard } from './view-dashboard.ts';
import { SUMMARY_FIGURES, viewSummary } from './view-summary.ts';

const errors = apiErrors(400, 401, 404);

const periodQuery = z.object({
  fy: z.string().optional().describe('The year the financial year starts in (2025 = 2025/26); default the current one'),
  quarter: z.string().optional().describe('1 (April–June) to 4 (January–March); default the whole year'),
  basis: z.string().optional().describe('finalised (default) or received'),
});

const period = z.object({
  fy: z.number().int(),
  quarter: z.number().int().nullable(),
  basis: z.enum(BASES),
  from: z.string(),
  to: z.string(),
  label: z.string(),
});
const disclosure = z.object({ threshold: z.number().int(), unsuppressed: z.boolean() });
const figure = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
const table = z.object({
  id: z.string(),
  caption: z.string(),
  rowHeader: z.string(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), kind: z.enum(['count', 'measure', 'total']) })),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      isTotal: z.boolean(),
      cells: z.array(z.object({ value: z.number().nullable(), text: z.string(), suppressed: z.boolean() })),
    }),
  ),
  controlled: z
    .boolean()
    .describe(
      'Disclosure control applied: small numbers and what totals would give away are hidden (value null, text "[c]")',
    ),
  threshold: z.number().int(),
  suppressedCells: z.number().int(),
  notes: z.array(z.string()),
});
const section = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  empty: z.string().nullable(),
  tables: z.array(table),
});

/**
 * /api/v1/oversight: the dashboard's headline figures, its sections and the statistical returns as JSON,
 * from the same use cases and the same disclosure control as the pages.
 */
export function registerOversightApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/oversight/summary',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['oversight'],
        summary:
          'Headline figures of the scrutiny dashboard for a period (hidden figures: value null, suppressed true)',
        querystring: periodQuery,
        response: {
          200: z.object({
            period,
            asAt: z.string(),
            disclosure,
            figures: z.object(
              Object.fromEntries(SUMMARY_FIGURES.map((k) => [k, figure])) as Record<
                (typeof SUMMARY_FIGURES)[number],
                typeof figure
              >,
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const s = await viewSummary(deps, principalOf(request), request.query);
      return { period: s.period, asAt: s.asAt, disclosure: s.policy, figures: s.figures };
    },
  );

  const sectionsOf = async (request: { query: z.infer<typeof periodQuery> } & Parameters<typeof principalOf>[0]) => {
    const d = await viewDashboard(deps, principalOf(request), request.query);
    return {
      period: d.period,
      asAt: d.asAt,
      disclosure: d.policy,
      sections: d.sections.map((s) => ({ id: s.id, title: s.title, intro: s.intro, empty: s.empty, tables: s.tables })),
    };
  };
  const sectionsResponse = z.object({ period, asAt: z.string(), disclosure, sections: z.array(section) });

  api.get(
    '/api/v1/oversight/sections',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['oversight'],
        summary: 'Every section of the dashboard with its tables',
        querystring: periodQuery,
        response: { 200: sectionsResponse, ...errors },
      },
    },
    async (request) => sectionsOf(request),
  );

  api.get(
    '/api/v1/oversight/sections/:section',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['oversight'],
        summary: 'One section of the dashboard (volumes, timeliness, outcomes, sanctions, disproportionality-sex …)',
        params: z.object({ section: z.string() }),
        querystring: periodQuery,
        response: { 200: sectionsResponse, ...errors },
      },
    },
    async (request) => {
      const all = await sectionsOf(request);
      const one = all.sections.filter((s) => s.id === request.params.section);
      if (one.length === 0) throw notFound('section');
      return { ...all, sections: one };
    },
  );

  api.get(
    '/api/v1/oversight/returns',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['oversight'],
        summary: 'The statistical returns (Home Office misconduct tables, barred list report), by date finalised',
        querystring: periodQuery,
        response: { 200: z.object({ period, disclosure, tables: z.array(table) }), ...errors },
      },
    },
    async (request) => {
      const r = await viewReturns(deps, principalOf(request), request.query);
      return { period: r.period, disclosure: r.policy, tables: r.tables };
    },
  );
}
