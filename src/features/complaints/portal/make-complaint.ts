import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { systemActor } from '../../../kernel/audit/audit-events.ts';
import { logComplaintFor } from '../log-complaint.ts';
import { generateFollowUpCode, hashFollowUpCode } from './follow-up-code.ts';
import { checkAnswers, complaintInputOf, readAnswers, type AnswerError } from './portal-answers.ts';

/** The audit label of what the public portal does (no user: the complainant has no account). */
export const PORTAL_ACTOR = 'public complaints portal';

export class PortalAnswersError extends Error {
  constructor(readonly fields: Record<string, AnswerError>) {
    super('Check your answers');
  }
}

/** Checks the answers only (the "check your answers" step); throws {@link PortalAnswersError}. */
export function checkPortalAnswers(deps: Deps, body: Record<string, unknown>) {
  const answers = readAnswers(body);
  const checked = checkAnswers(answers, ukToday(deps.now()));
  if (Object.keys(checked.errors).length) throw new PortalAnswersError(checked.errors);
  return { answers, incidentOn: checked.incidentOn };
}

/**
 * A member of the public makes a complaint through the force's portal: it is logged by the staff use case
 * (channel "online", received and logged today; first-contact clock started; audited as the portal), with
 * the argon2id hash of a fresh follow-up code. The reference and the code are returned once.
 */
export async function makeComplaint(
  deps: Deps,
  forceId: string,
  body: Record<string, unknown>,
  requestId: string | null,
): Promise<{ reference: string; code: string }> {
  const { answers, incidentOn } = checkPortalAnswers(deps, body);
  const code = generateFollowUpCode();
  const followUpHash = await hashFollowUpCode(code);
  try {
    const done = await logComplaintFor(
      deps,
      {
        forceId,
        principal: null,
        actor: { ...systemActor(PORTAL_ACTOR, forceId), requestId },
        extra: { followUpHash },
      },
      complaintInputOf(answers, incidentOn, ukToday(deps.now())),
    );
    return { reference: done.reference, code };
  } catch (err) {
    // The staff use case's own checks (eligibility, categories) in its words: the portal says it in its own.
    if (err instanceof AppError && err.code === 'validation')
      throw new PortalAnswersError({ form: { key: 'errors.refused' } });
    throw err;
  }
}
