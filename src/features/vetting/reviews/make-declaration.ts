import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { DECLARATION_CATEGORIES } from './declaration-categories.ts';
import { openReviewForTrigger } from './open-review-for-trigger.ts';
import { declarationsOfPerson, insertDeclaration } from './vetting-declarations.repository.ts';
import { ukToday } from '../../../kernel/time/dates.ts';

const isoDate = isoDateString('Enter the date it happened');

export const declarationInput = z.object({
  category: z.enum(DECLARATION_CATEGORIES, { message: 'Choose what has changed' }),
  occurredOn: isoDate,
  details: z
    .string({ message: 'Tell us what has changed' })
    .trim()
    .min(1, 'Tell us what has changed')
    .max(10000, 'Details must be 10,000 characters or fewer'),
});

/** The declarant's own person record: an account not linked to one has nothing to declare about (404, like a missing page). */
function ownPersonId(principal: Principal): string {
  if (!principal.personId) throw notFound('page');
  return principal.personId;
}

/**
 * A member of the workforce declares a change of circumstances (2025 Regs reg 5: promptly notify anything
 * that may reasonably affect suitability). The declaration is stored against their own person record and
 * opens a 'change_of_circumstances' review for the vetting unit, in one transaction. The declarant sees
 * what they declared, never the review or its outcome.
 */
export async function makeDeclaration(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof declarationInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.declare', 'page');
  const personId = ownPersonId(principal);
  const input = parseInput(declarationInput, raw, 'Check your declaration');
  const today = ukToday(deps.now());
  if (input.occurredOn > today)
    throw new AppError('validation', 'Check your declaration', { occurredOn: 'The date cannot be in the future' });
  return deps.db.transaction(async (tx) => {
    const declaration = await insertDeclaration(tx, {
      forceId: principal.forceId,
      personId,
      category: input.category,
      details: input.details,
      occurredOn: input.occurredOn,
      declaredByUserId: principal.userId,
      declaredAt: deps.now(),
    });
    const actor = actorOf(principal, requestId);
    const review = await openReviewForTrigger(tx, deps, {
      forceId: principal.forceId,
      personId,
      trigger: 'change_of_circumstances',
      sourceKey: `declaration:${declaration.id}`,
      openedOn: today,
      actor,
    });
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_declaration', id: declaration.id, personId },
      { type: 'vetting.declaration_made', declarationId: declaration.id, personId, reviewId: review.reviewId },
    );
    return { declarationId: declaration.id, declaredAt: declaration.declaredAt };
  });
}

/** What the signed-in user has declared, newest first: category, date, details and when — nothing of the review. */
export async function ownDeclarations(deps: Deps, principal: Principal | null) {
  authorize(principal, 'vetting.declare', 'page');
  const personId = ownPersonId(principal);
  const rows = await declarationsOfPerson(deps.db, principal.forceId, personId);
  return rows.map((d) => ({
    id: d.id,
    category: d.category,
    occurredOn: d.occurredOn,
    details: d.details,
    declaredAt: d.declaredAt,
  }));
}
