import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { ukToday } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { parseInput, isoDateString } from '../../lib/validation.ts';
import { adverseInfoTypes, adverseRelations } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { findCheckForUpdate, findVisibleApplication, insertAdverse, updateCheck } from './applications.repository.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const scale = (what: string) =>
  z.coerce
    .number({ message: `Choose the ${what} from 1 to 5` })
    .int(`Choose the ${what} from 1 to 5`)
    .min(1, `Choose the ${what} from 1 to 5`)
    .max(5, `Choose the ${what} from 1 to 5`);

export const adverseInput = z.object({
  applicationId: z.string().uuid(),
  checkId: z.preprocess(blank, z.string().uuid('Choose the check that found it').nullable().optional()),
  source: z
    .string({ message: 'Enter where the information came from' })
    .trim()
    .min(2, 'Enter where the information came from')
    .max(200, 'The source must be 200 characters or fewer'),
  infoType: z.enum(adverseInfoTypes, { message: 'Choose the type of information' }),
  occurredOn: z.preprocess(blank, isoDateString('Enter the date it happened').nullable().optional()),
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

/**
 * Records an item of adverse information on an open application (§4.3, §4.6: source, date, type,
 * relation, severity and credibility, description, assessment). If it names the check that found it, that
 * check's result becomes "adverse". The item is resolved only by a decision that gives it a rationale.
 */
export async function recordAdverseInformation(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof adverseInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  const input = parseInput(adverseInput, raw, 'Check the adverse information');
  const today = ukToday(deps.now());
  if (input.occurredOn && input.occurredOn > today)
    throw new AppError('validation', 'Check the adverse information', {
      occurredOn: 'The date it happened must be in the past',
    });
  return deps.db.transaction(async (tx) => {
    const application = await findVisibleApplication(tx, principal, input.applicationId, true);
    if (!application) throw notFound('application');
    if (application.status !== 'open')
      throw new AppError(
        'invalid_state',
        'This application has been decided: adverse information can no longer be added to it',
      );
    const check = input.checkId
      ? await findCheckForUpdate(tx, application.forceId, application.id, input.checkId)
      : undefined;
    if (input.checkId && !check)
      throw new AppError('validation', 'Check the adverse information', { checkId: 'Choose the check that found it' });
    const item = await insertAdverse(tx, {
      forceId: application.forceId,
      applicationId: application.id,
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
    });
    if (check && check.status !== 'adverse')
      await updateCheck(tx, check, {
        status: 'adverse',
        completedOn: check.completedOn ?? today,
        notes: check.notes || 'Adverse information recorded',
      });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.adverse_recorded',
        applicationId: application.id,
        itemId: item.id,
        infoType: item.infoType,
        severity: item.severity,
        credibility: item.credibility,
      },
    );
    return { id: item.id };
  });
}
