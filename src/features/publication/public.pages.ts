import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { errorSummary } from '../../kernel/forms.ts';
import { viewForce } from '../organisation/index.ts';
import { periodQueryString, withCharts, yearItems } from '../oversight/index.ts';
import { financialYearOf, selectableYears } from '../oversight/index.ts';
import { exportPublicTables } from './export-public-tables.ts';
import { FORM_LABELS } from './publication.pages.ts';
import { viewPublicPage } from './public-page.ts';
import { sendDownload } from '../../kernel/downloads.ts';

type Req = { Params: { forceId: string }; Querystring: Record<string, string | undefined> };

/** The force's public page and its open-data downloads: no sign-in. */
export function registerPublicPages(app: FastifyInstance, deps: Deps): void {
  app.get<Req>('/public/:forceId', async (request, reply) => {
    const query = { fy: request.query['fy'], quarter: request.query['quarter'], basis: request.query['basis'] };
    let page;
    try {
      page = await viewPublicPage(deps, request.params.forceId, query);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      const force = await viewForce(deps, request.params.forceId);
      if (!force) throw notFound('page');
      const today = ukToday(deps.now());
      return reply.code(400).page('publication/views/public.njk', {
        pageTitle: `${force.name}: misconduct hearings and figures`,
        force,
        fields: err.fields,
        errors: errorSummary(err.fields, []),
        values: request.query,
        yearItems: yearItems(selectableYears(today), financialYearOf(today) - 1),
        threshold: deps.config.rules.integrity.disclosureThreshold,
        formLabels: FORM_LABELS,
      });
    }
    return reply.page('publication/views/public.njk', {
      pageTitle: `${page.force.name}: misconduct hearings and figures`,
      ...page,
      sections: await withCharts(page.sections),
      formLabels: FORM_LABELS,
      threshold: deps.config.rules.integrity.disclosureThreshold,
      values: {
        fy: page.period.fy,
        quarter: page.period.quarter ? String(page.period.quarter) : '',
        basis: page.period.basis,
      },
      yearItems: yearItems(page.years, page.period.fy),
      exportBase: `/public/${page.force.id}/tables`,
      query: periodQueryString(page.period),
    });
  });

  app.get<Req & { Params: { file: string } }>('/public/:forceId/tables/:file', async (request, reply) => {
    const query = { fy: request.query['fy'], quarter: request.query['quarter'], basis: request.query['basis'] };
    const file = await exportPublicTables(deps, request.params.forceId, request.params.file, query);
    return sendDownload(reply, { fileName: file.fileName, mediaType: file.contentType, content: file.body });
  });
}
