import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import {
  handlingBody,
  initialHandlingBody,
  outcomeNoticeBody,
  outcomesBody,
  progressUpdateBody,
  referralBody,
  withdrawalBody,
} from './complaint-input.ts';
import { recordHandling } from './record-handling.ts';
import { recordInitialHandling } from './record-initial-handling.ts';
import { recordOutcomeNotice } from './record-outcome-notice.ts';
import { recordOutcomes } from './record-outcomes.ts';
import { recordProgressUpdate } from './record-progress-update.ts';
import { recordReferral } from './record-referral.ts';
import { withdrawComplaint } from './withdraw-complaint.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const decided = z.object({ id: z.string().uuid(), version: z.number().int(), status: z.string() }).passthrough();

/**
 * /api/v1/complaints/:id/...: the decisions on a complaint as it goes through Schedule 3 (initial handling,
 * referral, handling, outcomes, withdrawal, progress updates, the outcome notice), the same use cases as the
 * decision forms. Each answers with the complaint's new version and status; 404 outside need-to-know.
 */
export function registerComplaintDecisionsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = { onRequest: requireApiPrincipal };
  const tags = ['complaints'];
  const params = z.object({ id: z.string() });

  api.post(
    '/api/v1/complaints/:id/initial-handling',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the initial handling: outside Schedule 3 or recorded (Sch 3 para 2)',
        params,
        body: initialHandlingBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordInitialHandling(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/referral',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the IOPC referral decision (reg 4(1)) and the IOPC’s decision (Sch 3 para 5)',
        params,
        body: referralBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordReferral(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/handling',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record how a recorded complaint is handled; works out the review body (reg 32)',
        params,
        body: handlingBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordHandling(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/outcomes',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the outcome of every allegation, the learning and the outcome notice',
        params,
        body: outcomesBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordOutcomes(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/withdrawal',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record the complainant’s withdrawal on a signed notice (reg 38)',
        params,
        body: withdrawalBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => withdrawComplaint(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/progress-updates',
    {
      ...pre,
      schema: {
        tags,
        summary: 'Record a progress update sent to the complainant (meets the 4-week clock and starts the next)',
        params,
        body: progressUpdateBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordProgressUpdate(deps, principalOf(request), request.params.id, request.body, request.id),
  );

  api.post(
    '/api/v1/complaints/:id/outcome-notice',
    {
      ...pre,
      schema: {
        tags,
        summary:
          'Record the outcome notice sent after the outcome; opens the review window where a review is available',
        params,
        body: outcomeNoticeBody,
        response: { 200: decided, ...errors },
      },
    },
    async (request) => recordOutcomeNotice(deps, principalOf(request), request.params.id, request.body, request.id),
  );
}
