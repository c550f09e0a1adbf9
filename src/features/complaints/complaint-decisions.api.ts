import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal } from '../../kernel/http/guards.ts';
import type { Principal } from '../../kernel/access/principal.ts';
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
import { complaintAccessBody, grantComplaintAccess } from './grant-complaint-access.ts';
import { transferBody, transferToLocalPolicingBody } from './transfer-to-local-policing-body.ts';

const errors = apiErrors(400, 401, 404, 409, 422);
const decided = z.object({ id: z.string().uuid(), version: z.number().int(), status: z.string() }).passthrough();
type Decided = z.infer<typeof decided>;

/**
 * /api/v1/complaints/:id/...: the decisions on a complaint as it goes through Schedule 3 (initial handling,
 * referral, handling, outcomes, withdrawal, progress updates, the outcome notice), the same use cases as the
 * decision forms. Each answers with the complaint's new version and status; 404 outside need-to-know.
 */
export function registerComplaintDecisionsApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ id: z.string() });

  /** One decision route: the same guard, parameters and answers; its own body schema and use case. */
  function decision<B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (deps: Deps, principal: Principal, id: string, input: z.infer<B>, requestId: string) => Promise<Decided>,
  ): void {
    api.post(
      `/api/v1/complaints/:id/${path}`,
      {
        onRequest: requireApiPrincipal,
        schema: { tags: ['complaints'], summary, params, body, response: { 200: decided, ...errors } },
      },
      // The body has been parsed by `body` before the handler runs.
      async (request) => run(deps, principalOf(request), request.params.id, request.body as z.infer<B>, request.id),
    );
  }

  decision(
    'initial-handling',
    'Record the initial handling: outside Schedule 3 or recorded (Sch 3 para 2)',
    initialHandlingBody,
    recordInitialHandling,
  );
  decision(
    'referral',
    'Record the IOPC referral decision (reg 4(1)) and the IOPC’s decision (Sch 3 para 5)',
    referralBody,
    recordReferral,
  );
  decision(
    'handling',
    'Record how a recorded complaint is handled; works out the review body (reg 32)',
    handlingBody,
    recordHandling,
  );
  decision(
    'outcomes',
    'Record the outcome of every allegation, the learning and the outcome notice',
    outcomesBody,
    recordOutcomes,
  );
  decision(
    'withdrawal',
    'Record the complainant’s withdrawal on a signed notice (reg 38)',
    withdrawalBody,
    withdrawComplaint,
  );
  decision(
    'progress-updates',
    'Record a progress update sent to the complainant (meets the 4-week clock and starts the next)',
    progressUpdateBody,
    recordProgressUpdate,
  );
  decision(
    'outcome-notice',
    'Record the outcome notice sent after the outcome; opens the review window where a review is available',
    outcomeNoticeBody,
    recordOutcomeNotice,
  );
  decision(
    'need-to-know',
    'Give an account of the force need-to-know of the complaint (to read it; decisions stay with its appropriate authority)',
    complaintAccessBody,
    grantComplaintAccess,
  );
  decision(
    'local-policing-body',
    'Pass a complaint about the chief officer to the local policing body, its appropriate authority (Sch 3 para 1)',
    transferBody,
    transferToLocalPolicingBody,
  );
}
