import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { decisionsOf, type RestrictionRow } from './restrictions.repository.ts';

/** What a restriction's decisions say about it so far: when it was last decided on, and how many reviews it had. */
export async function restrictionHistory(
  db: Db,
  row: RestrictionRow,
): Promise<{ lastDecidedOn: IsoDate; reviews: number }> {
  const decisions = await decisionsOf(db, row.forceId, [row.id]);
  const lastDecidedOn = decisions.reduce((latest, d) => (d.decidedOn > latest ? d.decidedOn : latest), row.decidedOn);
  return { lastDecidedOn, reviews: decisions.filter((d) => d.kind === 'reviewed').length };
}

export async function latestDecisionOn(db: Db, row: RestrictionRow): Promise<IsoDate> {
  return (await restrictionHistory(db, row)).lastDecidedOn;
}
