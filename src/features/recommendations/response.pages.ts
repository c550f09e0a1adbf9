import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import type { FieldErrors } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { authorize } from '../../kernel/access/principal.ts';
import { generateResponse, previewResponse } from './generate-response.ts';
import {
  dateValues,
  formErrors,
  readDates,
  refuseBadDates,
  summaryOf,
  valuesOf,
  first,
  type FormBody,
} from './page-helpers.ts';
import { publishInput, publishResponse } from './publish-response.ts';
import { renderResponsePdf } from './response-pdf.ts';
import { viewResponse } from './view-response.ts';
import { sendDownload } from '../../kernel/downloads.ts';

type ReportParams = { Params: { reportId: string } };
type ResponseParams = { Params: { responseId: string } };

/** "commissioners-response-<report title>-<date>.pdf": a file name a person can recognise. */
export function pdfFileName(title: string, on: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `commissioners-response-${slug || 'report'}-${on}.pdf`;
}

/**
 * The commissioner's published response: the draft from the tracker as it stands, generating a version
 * (kept as generated), each version as an HTML page and a PDF, and recording its publication date.
 */
export function registerResponsePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<ReportParams>('/recommendations/reports/:reportId/response', pre, async (request, reply) => {
    const view = await previewResponse(deps, principalOf(request), request.params.reportId);
    return reply.page('recommendations/views/response.njk', {
      pageTitle: `Commissioner’s response (draft) – ${view.report.title}`,
      ...view,
      draft: true,
    });
  });

  app.post<ReportParams>('/recommendations/reports/:reportId/response', pre, async (request, reply) => {
    const generated = await generateResponse(deps, principalOf(request), request.params.reportId, request.id);
    return reply.redirect(`/recommendations/responses/${generated.id}`, 303);
  });

  const showResponse = async (
    request: FastifyRequest<ResponseParams>,
    reply: FastifyReply,
    extra: { fields?: FieldErrors; values?: Record<string, string> } = {},
  ) => {
    const view = await viewResponse(deps, principalOf(request), request.params.responseId);
    return reply.page('recommendations/views/response.njk', {
      pageTitle: `Commissioner’s response – ${view.document.report.title}`,
      ...view,
      draft: false,
      values: extra.values ?? { ...dateValues('publishedOn', ukToday(deps.now())), version: String(view.version) },
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields, ['publishedOn']) : undefined,
    });
  };

  app.get<ResponseParams>('/recommendations/responses/:responseId', pre, (request, reply) =>
    showResponse(request, reply),
  );

  app.get<ResponseParams>('/recommendations/responses/:responseId/pdf', pre, async (request, reply) => {
    const view = await viewResponse(deps, principalOf(request), request.params.responseId);
    return sendPdf(reply, view.document, view.publishedOn);
  });

  app.post<ResponseParams & { Body: FormBody }>(
    '/recommendations/responses/:responseId/publish',
    pre,
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const principal = principalOf(request);
        authorize(principal, 'recommendation.verify', 'response');
        const dates = readDates(body, { publishedOn: 'The date it was published' });
        const input = { publishedOn: dates.iso['publishedOn'] ?? '', version: first(body['version']) };
        refuseBadDates(publishInput, input, dates.errors, 'Check the date of publication');
        await publishResponse(deps, principal, request.params.responseId, input, request.id);
        return reply.redirect(`/recommendations/responses/${request.params.responseId}`, 303);
      } catch (err) {
        return showResponse(request, reply.code(400), {
          fields: formErrors(err, { version: 'publishedOn' }),
          values: valuesOf(body),
        });
      }
    },
  );
}

/** The PDF of a generated response, as a download. */
export async function sendPdf(
  reply: FastifyReply,
  document: Parameters<typeof renderResponsePdf>[0],
  publishedOn: string | null,
) {
  const pdf = await renderResponsePdf(document, publishedOn);
  return sendDownload(reply, {
    fileName: pdfFileName(document.report.title, document.generatedAt.slice(0, 10)),
    mediaType: 'application/pdf',
    content: pdf,
  });
}
