import type { Principal } from '../../kernel/access/principal.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorSummary } from '../../kernel/forms.ts';
import { viewForce } from '../organisation/index.ts';
import { renderChart } from './charts.ts';
import type { DashboardSection } from './dashboard-sections.ts';
import { exportTables } from './export-tables.ts';
import { financialYearLabel, financialYearOf, type PeriodQuery, type ReportingPeriod } from './period.ts';
import { viewReturns } from './statistical-returns.ts';
import { viewDashboard, yearsOnRecord } from './view-dashboard.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { sendDownload } from '../../kernel/downloads.ts';
import { dipSamplePolicy } from './dip-sample.policy.ts';

type Query = { Querystring: Record<string, string | undefined> };

/** The period as a query string, so links and exports carry it. */
export function periodQueryString(p: ReportingPeriod, withBasis = true): string {
  const q = new URLSearchParams({ fy: String(p.fy) });
  if (p.quarter) q.set('quarter', String(p.quarter));
  if (withBasis) q.set('basis', p.basis);
  return `?${q.toString()}`;
}

export function yearItems(years: number[], selected: number | string | undefined) {
  return years.map((y) => ({
    value: String(y),
    text: financialYearLabel(y),
    selected: String(selected) === String(y),
  }));
}

/** Each section with its chart drawn (SVG markup, trusted: our renderer escapes every text). */
export async function withCharts(sections: readonly DashboardSection[]) {
  return Promise.all(sections.map(async (s) => ({ ...s, svg: s.chart ? await renderChart(s.chart) : null })));
}

const periodOf = (query: Record<string, string | undefined>): PeriodQuery => ({
  fy: query['fy'],
  quarter: query['quarter'],
  basis: query['basis'],
});

/** The scrutiny dashboard, the statistical returns and their CSV / spreadsheet downloads. */
/** What features above this one offer on the dashboard; src/app/routes.ts gives their policies' answers. */
export type OversightPanels = {
  /** May this user publish hearing notices and outcomes (the publication feature)? */
  publish: (principal: Principal) => boolean;
};

export function registerOversightPages(app: FastifyInstance, deps: Deps, panels: OversightPanels): void {
  const pre = { preHandler: requireSignedInPage };

  /** A bad period re-shows the chooser with its errors (400), and no figures. */
  const badPeriod = async (
    request: FastifyRequest<Query>,
    reply: FastifyReply,
    err: unknown,
    template: string,
    title: string,
  ) => {
    if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
    const principal = principalOf(request);
    const force = await viewForce(deps, principal.forceId);
    const today = ukToday(deps.now());
    return reply.code(400).page(template, {
      pageTitle: title,
      forceName: force?.name ?? principal.forceId,
      fields: err.fields,
      errors: errorSummary(err.fields, []),
      values: request.query,
      yearItems: yearItems(await yearsOnRecord(deps, principal), financialYearOf(today)),
      query: '',
    });
  };

  app.get<Query>('/oversight', pre, async (request, reply) => {
    const principal = principalOf(request);
    let dashboard;
    try {
      dashboard = await viewDashboard(deps, principal, periodOf(request.query));
    } catch (err) {
      return badPeriod(request, reply, err, 'oversight/views/dashboard.njk', 'Oversight');
    }
    const force = await viewForce(deps, principal.forceId);
    return reply.page('oversight/views/dashboard.njk', {
      pageTitle: `Oversight – ${dashboard.period.label}`,
      forceName: force?.name ?? principal.forceId,
      dashboard,
      sections: await withCharts(dashboard.sections),
      values: {
        fy: dashboard.period.fy,
        quarter: dashboard.period.quarter ? String(dashboard.period.quarter) : '',
        basis: dashboard.period.basis,
      },
      yearItems: yearItems(dashboard.years, dashboard.period.fy),
      query: periodQueryString(dashboard.period),
      canGrant: dipSamplePolicy.grant(principal),
      canPublish: panels.publish(principal),
    });
  });

  app.get<Query>('/oversight/returns', pre, async (request, reply) => {
    const principal = principalOf(request);
    let returns;
    try {
      returns = await viewReturns(deps, principal, periodOf(request.query));
    } catch (err) {
      return badPeriod(request, reply, err, 'oversight/views/returns.njk', 'Statistical returns');
    }
    const force = await viewForce(deps, principal.forceId);
    return reply.page('oversight/views/returns.njk', {
      pageTitle: `Statistical returns – ${returns.period.label}`,
      forceName: force?.name ?? principal.forceId,
      returns,
      values: { fy: returns.period.fy, quarter: returns.period.quarter ? String(returns.period.quarter) : '' },
      yearItems: yearItems(returns.years, returns.period.fy),
      query: periodQueryString(returns.period, false),
    });
  });

  const download =
    (source: 'dashboard' | 'returns') =>
    async (request: FastifyRequest<Query & { Params: { file: string } }>, reply: FastifyReply) => {
      const file = await exportTables(
        deps,
        principalOf(request),
        { source, file: request.params.file, query: periodOf(request.query) },
        request.id,
      );
      return sendDownload(reply, { fileName: file.fileName, mediaType: file.contentType, content: file.body });
    };
  app.get<Query & { Params: { file: string } }>('/oversight/tables/:file', pre, download('dashboard'));
  app.get<Query & { Params: { file: string } }>('/oversight/returns/:file', pre, download('returns'));
}
