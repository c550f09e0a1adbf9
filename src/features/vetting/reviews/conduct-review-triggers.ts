import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import type { IsoDate } from '../../../kernel/time/dates.ts';
import type { AuditActor } from '../../../kernel/audit/audit-events.ts';
import { openReviewForTrigger } from './open-review-for-trigger.ts';
import {
  reviewTriggerForAllegationStep,
  reviewTriggerForCriminalEvent,
  type AllegationStep,
} from './review-triggers.ts';

/**
 * The conduct process's calls into the integrity loop. Each runs inside the transaction of the conduct
 * change (so the review exists exactly when its cause was committed) and is idempotent per cause: the same
 * allegation assessed twice, or the same charge replayed, opens one review. The review keeps only the case
 * id: vetting shows the case's reference, never its content.
 */

export async function openReviewForAllegationStep(
  tx: Db,
  deps: Deps,
  input: {
    forceId: string;
    caseId: string;
    allegationId: string;
    personId: string | null | undefined;
    step: AllegationStep;
    occurredOn: IsoDate;
    actor: AuditActor;
  },
): Promise<{ reviewId: string; created: boolean } | null> {
  const trigger = reviewTriggerForAllegationStep(input.step);
  if (!trigger || !input.personId) return null;
  return openReviewForTrigger(tx, deps, {
    forceId: input.forceId,
    personId: input.personId,
    trigger,
    sourceKey: `allegation:${input.allegationId}`,
    caseId: input.caseId,
    openedOn: input.occurredOn,
    actor: input.actor,
  });
}

export async function openReviewForCriminalEvent(
  tx: Db,
  deps: Deps,
  input: {
    forceId: string;
    caseId: string;
    eventId: string;
    kind: string;
    personId: string;
    occurredOn: IsoDate;
    actor: AuditActor;
  },
): Promise<{ reviewId: string; created: boolean } | null> {
  const trigger = reviewTriggerForCriminalEvent(input.kind);
  if (!trigger) return null;
  return openReviewForTrigger(tx, deps, {
    forceId: input.forceId,
    personId: input.personId,
    trigger,
    sourceKey: `criminal:${input.eventId}`,
    caseId: input.caseId,
    openedOn: input.occurredOn,
    actor: input.actor,
  });
}
