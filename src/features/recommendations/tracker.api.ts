import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorBody, apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import { addAction, addActionInput } from './add-action.ts';
import { addComment, commentInput } from './add-comment.ts';
import { addRecommendationEvidence } from './add-evidence.ts';
import {
  entryItemJson,
  iso,
  itemSchema,
  positionJson,
  positionSchema,
  reportJson,
  reportSchema,
} from './api-schemas.ts';
import { assessSelf, selfAssessmentInput } from './assess-self.ts';
import { readRecommendationEvidence } from './read-evidence.ts';
import { setOwner, setOwnerInput } from './set-owner.ts';
import { signOff, signOffInput } from './sign-off.ts';
import { updateActionInput, updateActionOf } from './update-action.ts';
import { verificationInput, verifyStatus } from './verify-status.ts';
import { viewItem } from './view-item.ts';
import { sendDownload } from '../../kernel/downloads.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const tags = ['recommendations'];
const params = z.object({ itemId: z.string() });
const changed = z.object({ responseId: z.string().uuid(), version: z.number().int() });

const itemDetail = z.object({
  report: reportSchema,
  item: itemSchema,
  position: positionSchema,
  actions: z.array(
    z.object({
      id: z.string().uuid(),
      description: z.string(),
      dueOn: z.string().nullable(),
      doneOn: z.string().nullable(),
      overdue: z.boolean(),
      version: z.number().int(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.string().uuid(),
      kind: z.enum(['file', 'link']),
      title: z.string(),
      url: z.string().nullable(),
      fileName: z.string().nullable(),
      sizeBytes: z.number().int().nullable(),
      sha256: z.string().nullable(),
      addedAt: z.string(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string().uuid(),
      side: z.enum(['force', 'commissioner']),
      body: z.string(),
      author: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

/**
 * /api/v1/recommendations/items/{id}/…: the caller's force's response to one item. The force (manage) sets
 * the owner, its own status, actions and evidence; the commissioner's office (verify) sets the verified
 * status; a chief officer (signoff) signs off; either side comments. Changes carry the response's version.
 */
export function registerTrackerApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const on = { onRequest: requireApiPrincipal };

  api.get(
    '/api/v1/recommendations/items/:itemId',
    {
      ...on,
      schema: {
        tags,
        summary: 'One item with the caller’s force’s response',
        params,
        response: { 200: itemDetail, ...errors },
      },
    },
    async (request) => {
      const v = await viewItem(deps, principalOf(request), request.params.itemId);
      return {
        report: reportJson(v.report),
        item: entryItemJson(v.entry),
        position: positionJson(v.entry),
        actions: v.actions.map((a) => ({
          id: a.id,
          description: a.description,
          dueOn: a.dueOn,
          doneOn: a.doneOn,
          overdue: a.overdue,
          version: a.version,
        })),
        evidence: v.evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          title: e.title,
          url: e.url,
          fileName: e.fileName,
          sizeBytes: e.sizeBytes,
          sha256: e.sha256,
          addedAt: iso(e.addedAt) ?? '',
        })),
        comments: v.comments.map((c) => ({
          id: c.id,
          side: c.side,
          body: c.body,
          author: c.author,
          createdAt: iso(c.createdAt) ?? '',
        })),
      };
    },
  );

  const change = (
    path: string,
    summary: string,
    body: z.ZodType,
    run: (
      request: { params: { itemId: string }; body: unknown; id: string },
      principal: ReturnType<typeof principalOf>,
    ) => Promise<{ responseId: string; version: number }>,
  ) =>
    api.post(
      `/api/v1/recommendations/items/:itemId/${path}`,
      { ...on, schema: { tags, summary, params, body, response: { 200: changed, ...errors } } },
      async (request) => run(request, principalOf(request)),
    );

  change(
    'owner',
    'Name (or clear, with null) the accountable owner: an account of the force (force side)',
    setOwnerInput,
    (r, p) => setOwner(deps, p, r.params.itemId, r.body, r.id),
  );
  change(
    'self-assessment',
    'The force’s own status (force side); a chief officer’s sign-off for another status lapses',
    selfAssessmentInput,
    (r, p) => assessSelf(deps, p, r.params.itemId, r.body, r.id),
  );
  change('verification', 'The verified status (commissioner’s office)', verificationInput, (r, p) =>
    verifyStatus(deps, p, r.params.itemId, r.body, r.id),
  );
  change('sign-off', 'Sign off the force’s current status (chief officer)', signOffInput, (r, p) =>
    signOff(deps, p, r.params.itemId, r.body, r.id),
  );

  api.post(
    '/api/v1/recommendations/items/:itemId/actions',
    {
      ...on,
      schema: {
        tags,
        summary: 'Add an action (force side)',
        params,
        body: addActionInput,
        response: { 201: z.object({ id: z.string().uuid(), version: z.number().int() }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await addAction(deps, principalOf(request), request.params.itemId, request.body, request.id);
      return reply.code(201).send({ id: row.id, version: row.version });
    },
  );

  api.post(
    '/api/v1/recommendations/items/:itemId/actions/:actionId',
    {
      ...on,
      schema: {
        tags,
        summary: 'Change an action’s due date or record it done (absent: unchanged; null: cleared)',
        params: z.object({ itemId: z.string(), actionId: z.string() }),
        body: updateActionInput,
        response: { 200: z.object({ id: z.string().uuid(), version: z.number().int() }), ...errors },
      },
    },
    async (request) =>
      updateActionOf(
        deps,
        principalOf(request),
        request.params.itemId,
        request.params.actionId,
        request.body,
        request.id,
      ),
  );

  api.post(
    '/api/v1/recommendations/items/:itemId/evidence',
    {
      ...on,
      config: { acceptsUpload: true },
      schema: {
        tags,
        summary:
          'Add evidence (force side): multipart/form-data with `file` (and optional `title`), or `title` and `url` for a link',
        consumes: ['multipart/form-data', 'application/json'],
        params,
        body: z.object({
          file: z.unknown().optional().meta({ type: 'string', format: 'binary' }),
          title: z.string().optional(),
          url: z.string().optional(),
        }),
        response: {
          201: z.object({
            id: z.string().uuid(),
            kind: z.enum(['file', 'link']),
            title: z.string(),
            sha256: z.string().nullable(),
          }),
          413: apiErrorBody,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const row = await addRecommendationEvidence(
        deps,
        principalOf(request),
        request.params.itemId,
        request.body,
        request.id,
      );
      return reply.code(201).send({ id: row.id, kind: row.kind, title: row.title, sha256: row.sha256 });
    },
  );

  api.get(
    '/api/v1/recommendations/items/:itemId/evidence/:evidenceId',
    {
      ...on,
      schema: {
        tags,
        summary: 'Download an evidence file (audited)',
        params: z.object({ itemId: z.string(), evidenceId: z.string() }),
        response: errors,
      },
    },
    async (request, reply) =>
      sendDownload(
        reply,
        await readRecommendationEvidence(
          deps,
          principalOf(request),
          request.params.itemId,
          request.params.evidenceId,
          request.id,
        ),
      ),
  );

  api.post(
    '/api/v1/recommendations/items/:itemId/comments',
    {
      ...on,
      schema: {
        tags,
        summary: 'A dated comment, attributed to its author and side',
        params,
        body: commentInput,
        response: { 201: z.object({ id: z.string().uuid(), side: z.enum(['force', 'commissioner']) }), ...errors },
      },
    },
    async (request, reply) => {
      const row = await addComment(deps, principalOf(request), request.params.itemId, request.body, request.id);
      return reply.code(201).send({ id: row.id, side: row.side });
    },
  );
}
