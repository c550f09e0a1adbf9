import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { isUploadedFile } from '../../kernel/http/uploads.ts';
import type { FieldErrors } from '../../kernel/errors.ts';
import { authorize } from '../../kernel/access/principal.ts';
import { addItem, addItemInput } from './add-item.ts';
import { createReport, createReportInput } from './create-report.ts';
import { importItems } from './import-items.ts';
import { listReportsFor } from './list-reports.ts';
import { listTracker } from './list-tracker.ts';
import {
  first,
  formErrors,
  kindChoices,
  ownerBodyChoices,
  readDates,
  refuseBadDates,
  reportTypeChoices,
  statusChoices,
  statusTag,
  summaryOf,
  valuesOf,
  type FormBody,
} from './page-helpers.ts';
import { reportTypeLabels, type TrackerStatus } from './tracker-rules.ts';
import { viewReport } from './view-report.ts';

type ReportParams = { Params: { reportId: string } };
type Query = { Querystring: Record<string, string | undefined> };
type Extra = { fields?: FieldErrors; values?: Record<string, string> };

/** Tracker rows with their two status tags. */
export function withTags<T extends { selfStatus: TrackerStatus; verifiedStatus: TrackerStatus | null }>(entries: T[]) {
  return entries.map((e) => ({ ...e, selfTag: statusTag(e.selfStatus), verifiedTag: statusTag(e.verifiedStatus) }));
}

/** The tracker's reports: the index, adding a report, a report's items (one by one or from CSV), and the lists. */
export function registerReportPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/recommendations', pre, async (request, reply) => {
    const view = await listReportsFor(deps, principalOf(request));
    return reply.page('recommendations/views/index.njk', {
      pageTitle: 'Inspection recommendations',
      ...view,
      statuses: statusChoices,
    });
  });

  app.get<Query>('/recommendations/list', pre, async (request, reply) => {
    try {
      const view = await listTracker(deps, principalOf(request), request.query);
      return reply.page('recommendations/views/list.njk', {
        pageTitle: view.title,
        ...view,
        entries: withTags(view.entries),
      });
    } catch (err) {
      const fields = formErrors(err);
      return reply.code(400).page('recommendations/views/list.njk', {
        pageTitle: 'Check the list you asked for',
        title: 'Check the list you asked for',
        entries: [],
        fields,
        errors: summaryOf(fields),
      });
    }
  });

  const showReportForm = (reply: FastifyReply, extra: Extra = {}) =>
    reply.page('recommendations/views/report-form.njk', {
      pageTitle: 'Add an inspection report',
      reportTypes: reportTypeChoices,
      values: extra.values ?? { publisher: 'HMICFRS' },
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields, ['publishedOn']) : undefined,
    });

  app.get('/recommendations/reports/new', pre, async (request, reply) => {
    authorize(principalOf(request), 'recommendation.verify');
    return showReportForm(reply);
  });

  app.post<{ Body: FormBody }>('/recommendations/reports', pre, async (request, reply) => {
    const body = request.body ?? {};
    try {
      const principal = principalOf(request);
      authorize(principal, 'recommendation.verify');
      const dates = readDates(body, { publishedOn: 'The date it was published' });
      const input = {
        publisher: first(body['publisher']),
        title: first(body['title']),
        publishedOn: dates.iso['publishedOn'] ?? '',
        url: first(body['url']),
        reportType: first(body['reportType']),
      };
      refuseBadDates(createReportInput, input, dates.errors, 'Check the report’s details');
      const report = await createReport(deps, principal, input, request.id);
      return reply.redirect(`/recommendations/reports/${report.id}`, 303);
    } catch (err) {
      return showReportForm(reply.code(400), { fields: formErrors(err), values: valuesOf(body) });
    }
  });

  const showReport = async (request: FastifyRequest<ReportParams & Query>, reply: FastifyReply, extra: Extra = {}) => {
    const view = await viewReport(deps, principalOf(request), request.params.reportId);
    const q = request.query;
    return reply.page('recommendations/views/report.njk', {
      pageTitle: view.report.title,
      ...view,
      entries: withTags(view.entries),
      reportTypeLabel: reportTypeLabels[view.report.reportType],
      imported:
        q['added'] !== undefined
          ? { added: q['added'], updated: q['updated'] ?? '0', unchanged: q['unchanged'] ?? '0' }
          : null,
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields) : undefined,
    });
  };

  app.get<ReportParams & Query>('/recommendations/reports/:reportId', pre, (request, reply) =>
    showReport(request, reply),
  );

  app.post<ReportParams & Query & { Body: Record<string, unknown> | undefined }>(
    '/recommendations/reports/:reportId/import',
    { ...pre, config: { acceptsUpload: true } },
    async (request, reply) => {
      const file = request.body?.['file'];
      const upload = isUploadedFile(file)
        ? { csv: file.content.toString('utf8'), tooLarge: file.tooLarge }
        : { csv: '' };
      try {
        const s = await importItems(deps, principalOf(request), request.params.reportId, upload, request.id);
        return reply.redirect(
          `/recommendations/reports/${request.params.reportId}?added=${s.added}&updated=${s.updated}&unchanged=${s.unchanged}`,
          303,
        );
      } catch (err) {
        return showReport(request, reply.code(400), { fields: formErrors(err, {}, 'file') });
      }
    },
  );

  const showItemForm = async (request: FastifyRequest<ReportParams>, reply: FastifyReply, extra: Extra = {}) => {
    const principal = principalOf(request);
    authorize(principal, 'recommendation.verify', 'report');
    const view = await viewReport(deps, principal, request.params.reportId);
    return reply.page('recommendations/views/item-form.njk', {
      pageTitle: `Add an item – ${view.report.title}`,
      report: view.report,
      action: `/recommendations/reports/${view.report.id}/items`,
      kinds: kindChoices,
      ownerBodies: ownerBodyChoices,
      values: extra.values ?? {
        kind: 'recommendation',
        number: String(view.nextNumbers.recommendation),
        ownerBody: 'ChiefConstables',
      },
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields, ['deadline']) : undefined,
    });
  };

  app.get<ReportParams>('/recommendations/reports/:reportId/items/new', pre, (request, reply) =>
    showItemForm(request, reply),
  );

  app.post<ReportParams & { Body: FormBody }>(
    '/recommendations/reports/:reportId/items',
    pre,
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const principal = principalOf(request);
        authorize(principal, 'recommendation.verify', 'report');
        const dates = readDates(body, { deadline: 'The deadline' });
        const input = itemFormInput(body, dates.iso['deadline']);
        refuseBadDates(addItemInput, input, dates.errors, 'Check the item');
        await addItem(deps, principal, request.params.reportId, input, request.id);
        return reply.redirect(`/recommendations/reports/${request.params.reportId}`, 303);
      } catch (err) {
        return showItemForm(request, reply.code(400), { fields: formErrors(err), values: valuesOf(body) });
      }
    },
  );
}

/** The item form's fields as use-case input (a checkbox is present only when ticked). */
export function itemFormInput(body: FormBody, deadline: string | undefined) {
  return {
    kind: first(body['kind']),
    number: first(body['number']),
    text: first(body['text']),
    ownerBody: first(body['ownerBody']),
    deadline: deadline ?? '',
    themes: first(body['themes']),
    textVerified: first(body['textVerified']) === 'yes',
  };
}
