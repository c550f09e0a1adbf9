import type { Db } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { peoplePostedTo, unitOfForce } from './rules.repository.ts';
import type { Signal } from './rules/evaluate.ts';

/**
 * A rule of one unit (ei_rules.unit_id) evaluates only the people posted to that unit on the day: a run, a
 * preview and the peer scores all keep only their signals. A force-wide rule (no unit) keeps every signal.
 */
export async function signalsInScope(
  db: Db,
  forceId: string,
  rule: { unitId?: string | null },
  signals: Signal[],
  day: IsoDate,
): Promise<Signal[]> {
  if (!rule.unitId) return signals;
  const members = await peoplePostedTo(db, forceId, rule.unitId, day);
  return signals.filter((s) => members.has(s.personId));
}

/** The unit a rule names must be one of the force's own: otherwise a 400 on the field (never a hint of another force's). */
export async function checkRuleUnit(db: Db, forceId: string, unitId: string | null, message: string): Promise<void> {
  if (unitId && !(await unitOfForce(db, forceId, unitId)))
    throw new AppError('validation', message, { unitId: 'Choose a unit of the force, or the whole force' });
}
