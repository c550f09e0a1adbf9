import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { addEvidence } from './add-evidence.ts';
import { sizeText } from '../../kernel/files.ts';
import { errorSummary } from '../../kernel/forms.ts';
import type { EvidenceListRow } from './list-evidence.ts';
import { textOf } from '../../kernel/forms.ts';
import { listEvidence } from './list-evidence.ts';
import { readEvidence } from './read-evidence.ts';
import { registerEvidenceApi } from './evidence.api.ts';
import { sendDownload } from '../../kernel/downloads.ts';

type Params = { Params: { id: string } };
type Extra = { status?: number; fields?: FieldErrors; values?: Record<string, string>; added?: boolean };

export function evidenceItems(files: EvidenceListRow[]) {
  return files.map((f) => ({ ...f, size: sizeText(f.sizeBytes), sha256Short: `${f.sha256.slice(0, 12)}…` }));
}

/** A form field as text: the first of repeated values; a file or anything else is blank. */
/** Evidence files of a case: these pages and /api/v1/cases/{id}/evidence. */
export function registerEvidenceRoutes(app: FastifyInstance, deps: Deps): void {
  registerEvidencePages(app, deps);
  registerEvidenceApi(app, deps);
}

/** The evidence files of a case: the list with the upload form (multipart, works without JavaScript), and downloads. */
function registerEvidencePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (request: FastifyRequest<Params>, reply: FastifyReply, extra: Extra = {}) => {
    const { theCase, files, canAdd } = await listEvidence(deps, principalOf(request), request.params.id, request.id);
    return reply.code(extra.status ?? 200).page('misconduct/views/evidence.njk', {
      pageTitle: `Evidence – ${theCase.reference}`,
      theCase,
      files: evidenceItems(files),
      canAdd,
      maxSize: sizeText(deps.config.maxUploadBytes),
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, []) : undefined,
      values: extra.values ?? {},
      added: extra.added ?? false,
    });
  };

  app.get<Params & { Querystring: { added?: string } }>('/cases/:id/evidence', pre, (request, reply) =>
    show(request, reply, { added: request.query.added === '1' }),
  );

  app.post<Params & { Body: Record<string, unknown> | undefined }>(
    '/cases/:id/evidence',
    { ...pre, config: { acceptsUpload: true } },
    async (request, reply) => {
      const body: Record<string, unknown> = request.body ?? {};
      const description = textOf(body['description']);
      try {
        await addEvidence(
          deps,
          principalOf(request),
          { caseId: request.params.id, description, file: body['file'] },
          request.id,
        );
        return reply.redirect(`/cases/${request.params.id}/evidence?added=1`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        return show(request, reply, {
          status: 400,
          fields: err.fields ?? { file: err.message },
          values: { description },
        });
      }
    },
  );

  app.get<{ Params: { id: string; evidenceId: string } }>(
    '/cases/:id/evidence/:evidenceId',
    pre,
    async (request, reply) => {
      const file = await readEvidence(
        deps,
        principalOf(request),
        request.params.id,
        request.params.evidenceId,
        request.id,
      );
      return sendDownload(reply, file);
    },
  );
}
