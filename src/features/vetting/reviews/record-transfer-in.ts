import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { parseInput, isoDateString } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { openReviewForTrigger } from './open-review-for-trigger.ts';
import { findVettingPerson } from './vetting-transfers.repository.ts';

const isoDate = isoDateString('Enter the date of the transfer');

export const transferInInput = z.object({
  personId: z.string().uuid(),
  previousForce: z
    .string({ message: 'Enter the force they transferred from' })
    .trim()
    .min(1, 'Enter the force they transferred from')
    .max(200, 'The force’s name must be 200 characters or fewer'),
  transferredOn: isoDate,
  checksOutstanding: z.boolean({
    message: 'Say whether any parent-force professional standards checks are outstanding',
  }),
  /** Keys of the transferee checklist (integrity.transferChecklist) received from the parent force. */
  received: z.array(z.string()).default([]),
});

/**
 * Records that a person transferred in from another force (§4.2: the parent force's PSD intelligence,
 * disciplinary and criminal matters must be checked, APP Appendix E) and opens a 'transfer_in' review whose
 * summary keeps what was recorded. Keyed by the transfer date: recording the same transfer again opens
 * nothing new and returns the first review.
 */
export async function recordTransferIn(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof transferInInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'person');
  const input = parseInput(transferInInput, raw, 'Check the details of the transfer');
  const checklist = deps.config.rules.integrity.transferChecklist;
  const unknown = input.received.filter((k) => !checklist.some((item) => item.key === k));
  if (unknown.length > 0)
    throw new AppError('validation', 'Check the details of the transfer', {
      received: 'Choose items from the checklist',
    });
  if (input.transferredOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the details of the transfer', {
      transferredOn: 'The date of the transfer cannot be in the future',
    });
  return deps.db.transaction(async (tx) => {
    const person = await findVettingPerson(tx, principal, input.personId);
    if (!person) throw notFound('person');
    const received = checklist.filter((item) => input.received.includes(item.key));
    const missing = checklist.filter((item) => !input.received.includes(item.key));
    const summary = [
      `Transfer in from ${input.previousForce} on ${formatDate(input.transferredOn)}.`,
      `Parent-force professional standards checks outstanding: ${input.checksOutstanding ? 'yes' : 'no'}.`,
      `Checklist items received: ${received.map((i) => i.label).join('; ') || 'none'}.`,
      `Not yet received: ${missing.map((i) => i.label).join('; ') || 'none'}.`,
    ].join('\n');
    const actor = actorOf(principal, requestId);
    const review = await openReviewForTrigger(tx, deps, {
      forceId: principal.forceId,
      personId: person.id,
      trigger: 'transfer_in',
      sourceKey: `transfer:${input.transferredOn}`,
      openedOn: ukToday(deps.now()),
      summary,
      actor,
    });
    if (review.created) {
      await recordAudit(
        tx,
        actor,
        { type: 'vetting_review', id: review.reviewId, personId: person.id },
        {
          type: 'vetting.transfer_in_recorded',
          personId: person.id,
          reviewId: review.reviewId,
          transferredOn: input.transferredOn,
          checksOutstanding: input.checksOutstanding,
        },
      );
    }
    return { reviewId: review.reviewId, created: review.created, dueOn: review.dueOn };
  });
}

/** What the "Record a transfer in" form needs: the person (vetting scope) and the force's transferee checklist. */
export async function transferInForm(deps: Deps, principal: Principal | null, personId: string) {
  authorize(principal, 'vetting.decide', 'person');
  if (!z.string().uuid().safeParse(personId).success) throw notFound('person');
  const person = await findVettingPerson(deps.db, principal, personId);
  if (!person) throw notFound('person');
  return {
    person: { id: person.id, name: `${person.given_name} ${person.family_name}` },
    checklist: deps.config.rules.integrity.transferChecklist,
    today: ukToday(deps.now()),
  };
}
