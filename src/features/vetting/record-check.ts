import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { ukToday } from '../../lib/dates.ts';
import { AppError, notFound, staleVersion } from '../../lib/errors.ts';
import { parseInput, isoDateString } from '../../lib/validation.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../access/principal.ts';
import { findCheckForUpdate, findVisibleApplication, updateCheck } from './applications.repository.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const recordCheckInput = z
  .object({
    applicationId: z.string().uuid(),
    checkId: z.string().uuid(),
    version: z.coerce.number().int().min(1),
    status: z.enum(['clear', 'adverse', 'not_required'], { message: 'Choose the result of the check' }),
    completedOn: z.preprocess(blank, isoDateString('Enter the date the check was completed').optional()),
    notes: z.string().trim().max(5000, 'Notes must be 5,000 characters or fewer').default(''),
  })
  .refine((v) => v.status === 'clear' || v.notes.length >= 3, {
    message: 'Say what was found, or why the check is not required',
    path: ['notes'],
  });

/**
 * Records the result of one check of an open application: clear, adverse (what was found; the items
 * themselves are recorded as adverse information) or not required (why). A check can be corrected while
 * the application is open; the version guards against overwriting someone else's result.
 */
export async function recordCheck(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof recordCheckInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  const input = parseInput(recordCheckInput, raw, 'Check the result');
  const today = ukToday(deps.now());
  if ((input.completedOn ?? today) > today)
    throw new AppError('validation', 'Check the result', {
      completedOn: 'The date completed must be today or in the past',
    });
  return deps.db.transaction(async (tx) => {
    const application = await findVisibleApplication(tx, principal, input.applicationId, true);
    if (!application) throw notFound('application');
    const check = await findCheckForUpdate(tx, application.forceId, application.id, input.checkId);
    if (!check) throw notFound('check');
    if (application.status !== 'open')
      throw new AppError('invalid_state', 'This application has been decided: its checks can no longer change');
    if (check.version !== input.version) throw staleVersion();
    await updateCheck(tx, check, { status: input.status, completedOn: input.completedOn ?? today, notes: input.notes });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.check_recorded',
        applicationId: application.id,
        checkId: check.id,
        checkType: check.checkType,
        status: input.status,
      },
    );
    return { id: check.id };
  });
}
