import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleApplication } from '../applications/applications.repository.ts';
import { decideMatch, findMatchForUpdate } from './list-entries.repository.ts';

export const decideMatchInput = z.object({
  applicationId: z.string().uuid(),
  matchId: z.string().uuid(),
  decision: z.enum(['confirmed_match', 'not_a_match'], { message: 'Choose whether this is the same person' }),
  note: z
    .string({ message: 'Say how you decided' })
    .trim()
    .min(10, 'Say how you decided (at least 10 characters)')
    .max(2000, 'The note must be 2,000 characters or fewer'),
});

/**
 * A person's decision on a likely list match: the same person (confirmed match) or not, with a note of how
 * it was decided. Made once; the software never makes it. A confirmed barred-list match prevents a grant.
 */
export async function decideListMatch(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideMatchInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  const input = parseInput(decideMatchInput, raw, 'Check the match decision');
  return deps.db.transaction(async (tx) => {
    const application = await findVisibleApplication(tx, principal, input.applicationId, true);
    if (!application) throw notFound('application');
    const match = await findMatchForUpdate(tx, application.forceId, application.id, input.matchId);
    if (!match) throw notFound('match');
    if (match.decision !== 'pending')
      throw new AppError('invalid_state', 'This possible match has already been decided');
    await decideMatch(tx, application.forceId, match.id, {
      decision: input.decision,
      note: input.note,
      decidedBy: principal.userId,
      decidedOn: ukToday(deps.now()),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.match_decided',
        applicationId: application.id,
        matchId: match.id,
        decision: input.decision,
      },
    );
    return { id: match.id };
  });
}
