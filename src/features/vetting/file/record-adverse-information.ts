import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput, blank } from '../../../kernel/validation.ts';
import { adverseInfoTypes, adverseRelations } from '../../../db/schema/index.ts';
import type { AuditEvent } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { isoDate, lockOpenFile, type VettingFileRef } from './vetting-file.ts';
import { findCheckForUpdate, insertAdverse, updateCheck, type AdverseRow } from './vetting-file.repository.ts';

const scale = (what: string) =>
  z.preprocess(
    blank,
    z.coerce
      .number({ message: `Choose the ${what} from 1 to 5` })
      .int(`Choose the ${what} from 1 to 5`)
      .min(1, `Choose the ${what} from 1 to 5`)
      .max(5, `Choose the ${what} from 1 to 5`),
  );

/** The fields of an item of adverse information, with one set of limits for an application and a review (§4.6). */
export const adverseFields = z.object({
  checkId: z.preprocess(blank, z.string().uuid('Choose the check that found it').nullable().optional()),
  source: z
    .string({ message: 'Enter where the information came from' })
    .trim()
    .min(2, 'Enter where the information came from')
    .max(200, 'The source must be 200 characters or fewer'),
  infoType: z.enum(adverseInfoTypes, { message: 'Choose the type of information' }),
  occurredOn: z.preprocess(blank, isoDate('the date it happened').nullable().optional()),
  relation: z.enum(adverseRelations, { message: 'Choose who the information is about' }),
  severity: scale('severity'),
  credibility: scale('credibility'),
  description: z
    .string({ message: 'Describe the information' })
    .trim()
    .min(10, 'Describe the information (at least 10 characters)')
    .max(5000, 'The description must be 5,000 characters or fewer'),
  assessment: z.string().trim().max(5000, 'The assessment must be 5,000 characters or fewer').default(''),
});

export const adverseInput = adverseFields.extend({ applicationId: z.string().uuid() });
export const reviewAdverseInput = adverseFields.extend({ reviewId: z.string().uuid() });

/** The audit event of each kind of file (their names and payloads are kept as the audit trail has them). */
function adverseRecorded(file: VettingFileRef, item: AdverseRow): AuditEvent {
  return file.kind === 'application'
    ? {
        type: 'vetting.adverse_recorded',
        applicationId: file.id,
        itemId: item.id,
        infoType: item.infoType,
        severity: item.severity,
        credibility: item.credibility,
      }
    : { type: 'vetting.review_adverse_recorded', reviewId: file.id, itemId: item.id };
}

/**
 * Records an item of adverse information on an open vetting file, an application or a review (§4.3, §4.6:
 * source, date, type, relation, severity and credibility, description, assessment). If it names the check
 * that found it, that check's result becomes "adverse". The item stays unresolved until the file's decision
 * gives it a rationale.
 */
export async function recordFileAdverseInformation(
  deps: Deps,
  principal: Principal | null,
  file: VettingFileRef,
  raw: z.input<typeof adverseFields>,
  requestId: string | null,
): Promise<{ itemId: string }> {
  authorize(principal, 'vetting.decide', file.kind);
  const input = parseInput(adverseFields, raw, 'Check the adverse information');
  const today = ukToday(deps.now());
  if (input.occurredOn && input.occurredOn > today)
    throw new AppError('validation', 'Check the adverse information', {
      occurredOn: 'The date it happened must be today or in the past',
    });
  return deps.db.transaction(async (tx) => {
    const open = await lockOpenFile(tx, principal, file);
    const check = input.checkId ? await findCheckForUpdate(tx, open.forceId, file, input.checkId) : undefined;
    if (input.checkId && !check)
      throw new AppError('validation', 'Check the adverse information', { checkId: 'Choose the check that found it' });
    const item = await insertAdverse(tx, {
      forceId: open.forceId,
      ...(file.kind === 'application' ? { applicationId: file.id } : { reviewId: file.id }),
      checkId: check?.id ?? null,
      source: input.source,
      infoType: input.infoType,
      occurredOn: input.occurredOn ?? null,
      relation: input.relation,
      severity: input.severity,
      credibility: input.credibility,
      description: input.description,
      assessment: input.assessment,
      recordedBy: principal.userId,
      recordedAt: deps.now(),
    });
    if (check && check.status !== 'adverse')
      await updateCheck(tx, check, {
        status: 'adverse',
        completedOn: check.completedOn ?? today,
        notes: check.notes || 'Adverse information recorded',
      });
    await recordAudit(tx, actorOf(principal, requestId), open.audit, adverseRecorded(file, item));
    return { itemId: item.id };
  });
}

/** Adverse information on an application: `{ id }` of the item, as the application API answers. */
export async function recordAdverseInformation(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof adverseInput>,
  requestId: string | null,
): Promise<{ id: string }> {
  const { applicationId, ...fields } = raw;
  const file = { kind: 'application', id: applicationId } as const;
  const { itemId } = await recordFileAdverseInformation(deps, principal, file, fields, requestId);
  return { id: itemId };
}

/** Adverse information found during a review: `{ itemId }`, as the reviews API answers. */
export async function recordReviewAdverseInformation(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof reviewAdverseInput>,
  requestId: string | null,
): Promise<{ itemId: string }> {
  const { reviewId, ...fields } = raw;
  return recordFileAdverseInformation(deps, principal, { kind: 'review', id: reviewId }, fields, requestId);
}
