import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { type Principal } from '../../kernel/access/principal.ts';
import { all, first, type FormBody } from '../../kernel/forms.ts';
import { recordHandling } from './record-handling.ts';
import { recordInitialHandling } from './record-initial-handling.ts';
import { recordOutcomeNotice } from './record-outcome-notice.ts';
import { recordOutcomes } from './record-outcomes.ts';
import { recordProgressUpdate } from './record-progress-update.ts';
import { recordReferral } from './record-referral.ts';
import { withdrawComplaint } from './withdraw-complaint.ts';
import { writeComplaintLetter } from './letters/write-letter.ts';
import { logReviewApplication } from './reviews/apply-for-review.ts';
import { grantComplaintAccess } from './grant-complaint-access.ts';
import { transferToLocalPolicingBody } from './transfer-to-local-policing-body.ts';
import { Dates, type ComplaintRequest } from './complaint-form-dates.ts';

/** Shows the complaint page again, with a decision form's values and its errors or refusal. */
export type ShowComplaint = (
  request: ComplaintRequest,
  reply: FastifyReply,
  extra?: { status?: number; form?: string; fields?: FieldErrors; refusal?: string },
) => Promise<unknown>;

const yesNo = (v: string): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/**
 * The complaint page's decision forms (initial handling, referral, handling, outcomes, withdrawal, progress
 * updates, the outcome notice, letters and review applications), each posting to the same use case as the API.
 */
export function registerComplaintDecisionPages(app: FastifyInstance, deps: Deps, showComplaint: ShowComplaint): void {
  const pre = { preHandler: requireSignedInPage };

  /** A decision form's post: 303 back to the complaint; the page again with the errors on a 400, 409 or 422. */
  const decision = (
    form: string,
    build: (b: FormBody, dates: Dates) => Record<string, unknown>,
    run: (principal: Principal | null, id: string, input: never, requestId: string) => Promise<unknown>,
  ) =>
    app.post<{ Params: { id: string }; Querystring: Record<string, string>; Body: FormBody }>(
      `/complaints/:id/${form}`,
      pre,
      async (request, reply) => {
        const b = request.body ?? {};
        const dates = new Dates(b);
        const input = { version: Number(first(b['version'])), ...build(b, dates) };
        try {
          if (Object.keys(dates.errors).length) throw new AppError('validation', 'Check the dates', {});
          await run(principalOf(request), request.params.id, input as never, request.id);
          return reply.redirect(`/complaints/${request.params.id}`, 303);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          if (err.code === 'validation') {
            const fields: FieldErrors = { ...dates.errors };
            for (const [key, text] of Object.entries(err.fields ?? {}))
              fields[key.replace(/^outcomes\.(\d+)\.\w+$/, 'outcomes')] ??= text;
            if (!Object.keys(fields).length) fields['form'] = err.message;
            return showComplaint(request, reply, { status: 400, form, fields });
          }
          if (err.code === 'invalid_state' || err.code === 'conflict')
            return showComplaint(request, reply, { status: err.status, form, refusal: err.message });
          throw err;
        }
      },
    );

  const text = (b: FormBody, k: string) => first(b[k]).trim();
  decision(
    'initial-handling',
    (b, d) => ({
      contactMadeOn: d.get('contactMadeOn', 'The date of contact'),
      complainantWishes: text(b, 'complainantWishes'),
      complainantWantsRecorded: yesNo(text(b, 'complainantWantsRecorded')),
      recordingGrounds: all(b['recordingGrounds']),
      handling: text(b, 'handling') || undefined,
      decidedOn: d.get('decidedOn', 'The date of the decision'),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordInitialHandling(deps, p, id, input, r),
  );
  decision(
    'referral',
    (b, d) => ({
      referralGrounds: all(b['referralGrounds']),
      referred: yesNo(text(b, 'referred')),
      decidedOn: d.get('decidedOn', 'The date of the decision'),
      iopcDecision: text(b, 'iopcDecision') || undefined,
      iopcDecidedOn: d.get('iopcDecidedOn', 'The date of the IOPC’s decision'),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordReferral(deps, p, id, input, r),
  );
  decision(
    'handling',
    (b, d) => ({
      route: text(b, 'route') || undefined,
      startedOn: d.get('startedOn', 'The date handling started'),
      reviewGrounds: all(b['reviewGrounds']),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordHandling(deps, p, id, input, r),
  );
  decision(
    'outcomes',
    (b, d) => ({
      decidedOn: d.get('decidedOn', 'The date of the outcome'),
      notifiedOn: d.get('notifiedOn', 'The date the complainant was told'),
      outcomes: all(b['allegationIds']).map((allegationId) => ({
        allegationId,
        outcome: text(b, `outcome-${allegationId}`),
        actions: all(b[`actions-${allegationId}`]),
        notes: text(b, `notes-${allegationId}`),
      })),
      learning: text(b, 'learning'),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordOutcomes(deps, p, id, input, r),
  );
  decision(
    'withdrawal',
    (b, d) => ({
      withdrawnOn: d.get('withdrawnOn', 'The date of withdrawal'),
      signedNotice: text(b, 'signedNotice') === 'yes',
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => withdrawComplaint(deps, p, id, input, r),
  );
  decision(
    'progress-updates',
    (b, d) => ({ sentOn: d.get('sentOn', 'The date the update was sent'), reasons: text(b, 'reasons') }),
    (p, id, input, r) => recordProgressUpdate(deps, p, id, input, r),
  );
  decision(
    'outcome-notice',
    (_b, d) => ({ notifiedOn: d.get('notifiedOn', 'The date the complainant was told') }),
    (p, id, input, r) => recordOutcomeNotice(deps, p, id, input, r),
  );
  decision(
    'letters',
    (b) => ({ kind: text(b, 'kind') }),
    (p, id, input, r) => writeComplaintLetter(deps, p, id, input, r),
  );
  decision(
    'reviews',
    (b, d) => ({
      receivedOn: d.get('receivedOn', 'The date the application was received'),
      grounds: text(b, 'grounds'),
    }),
    (p, id, input, r) => logReviewApplication(deps, p, id, input, r),
  );
  decision(
    'need-to-know',
    (b) => ({ email: text(b, 'email'), reason: text(b, 'reason') }),
    (p, id, input, r) => grantComplaintAccess(deps, p, id, input, r),
  );
  decision(
    'local-policing-body',
    (b) => ({ reasons: text(b, 'reasons') }),
    (p, id, input, r) => transferToLocalPolicingBody(deps, p, id, input, r),
  );
}
