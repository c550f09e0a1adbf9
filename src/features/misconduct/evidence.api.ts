import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiErrorBody, apiErrors } from '../../kernel/http/api-errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { addEvidence } from './add-evidence.ts';
import { listEvidence } from './list-evidence.ts';
import { readEvidence } from './read-evidence.ts';
import { sendDownload } from '../../kernel/downloads.ts';

const errors = apiErrors(400, 401, 404);

const iso = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d).toISOString();

const evidenceItem = z.object({
  id: z.string().uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string().describe('SHA-256 of the content, hex, computed by Probity when the file was added'),
  description: z.string(),
  uploadedAt: z.string(),
});

/** /api/v1/cases/{id}/evidence: list, add (multipart/form-data) and download evidence files, with the pages' rules. */
export function registerEvidenceApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/cases/:id/evidence',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary: 'The evidence files of a case (without their content)',
        params: z.object({ id: z.string() }),
        response: {
          200: z.object({ items: z.array(evidenceItem.extend({ uploadedBy: z.string().nullable() })) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { files } = await listEvidence(deps, principalOf(request), request.params.id, request.id);
      return {
        items: files.map((f) => ({
          id: f.id,
          fileName: f.fileName,
          mediaType: f.mediaType,
          sizeBytes: f.sizeBytes,
          sha256: f.sha256,
          description: f.description,
          uploadedAt: iso(f.uploadedAt),
          uploadedBy: f.uploadedBy,
        })),
      };
    },
  );

  api.post(
    '/api/v1/cases/:id/evidence',
    {
      onRequest: requireApiPrincipal,
      config: { acceptsUpload: true },
      schema: {
        tags: ['cases'],
        summary:
          'Add an evidence file (multipart/form-data: `file`, optional `description`); the type is checked against the file’s first bytes',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.string() }),
        body: z.object({
          file: z
            .unknown()
            .optional()
            .meta({ type: 'string', format: 'binary', description: 'The file; one per request' }),
          description: z.string().optional(),
        }),
        response: { 201: evidenceItem, 413: apiErrorBody, ...errors },
      },
    },
    async (request, reply) => {
      const row = await addEvidence(
        deps,
        principalOf(request),
        { caseId: request.params.id, description: request.body.description, file: request.body.file },
        request.id,
      );
      return reply.code(201).send({
        id: row.id,
        fileName: row.fileName,
        mediaType: row.mediaType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
        description: row.description,
        uploadedAt: iso(row.uploadedAt),
      });
    },
  );

  api.get(
    '/api/v1/cases/:id/evidence/:evidenceId',
    {
      onRequest: requireApiPrincipal,
      schema: {
        tags: ['cases'],
        summary:
          'Download one evidence file: its bytes with the stored media type, as an attachment (every download is audited)',
        params: z.object({ id: z.string(), evidenceId: z.string() }),
        response: errors,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await readEvidence(deps, principalOf(request), request.params.id, request.params.evidenceId, request.id),
      ),
  );
}
