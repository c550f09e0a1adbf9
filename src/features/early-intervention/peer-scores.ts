import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { currentWorkforce } from './peers.repository.ts';
import { counts, type RuleSpec } from './rules/evaluate.ts';
import { addDays } from './rules/dates.ts';
import { peerScores, serviceBand, type PeerScore } from './rules/peer-percentile.ts';
import { loadSignals } from './signals.repository.ts';
import { peoplePostedTo } from './rules.repository.ts';

/**
 * Each current member of the workforce's count of a rule's signals over its window, placed among peers of
 * the same rank and length-of-service band (for a unit's rule, among the people posted to the unit today). Not an access path: callers authorize and audit, and show a
 * person's score only beside an alert the viewer may see (or as a list to an ei.read holder).
 */
export async function scoresForRule(
  db: Db,
  forceId: string,
  rule: RuleSpec & { unitId?: string | null },
  today: IsoDate,
  minPeerGroup: number,
): Promise<Map<string, PeerScore>> {
  const [everyone, signals, unit] = await Promise.all([
    currentWorkforce(db, forceId),
    loadSignals(db, forceId, rule.signalKinds, addDays(today, -(rule.windowDays - 1)), today),
    rule.unitId ? peoplePostedTo(db, forceId, rule.unitId, today) : null,
  ]);
  // A unit's rule compares the unit's people among themselves (same rank and service band within the unit).
  const workforce = unit ? everyone.filter((w) => unit.has(w.person_id)) : everyone;
  const tally = new Map<string, number>();
  for (const s of signals) if (counts(rule, s, today)) tally.set(s.personId, (tally.get(s.personId) ?? 0) + 1);
  const members = workforce.map((w) => ({
    personId: w.person_id,
    rank: w.rank ?? 'No current rank',
    band: serviceBand(w.service_start, today),
    count: tally.get(w.person_id) ?? 0,
  }));
  return new Map(peerScores(members, minPeerGroup).map((s) => [s.personId, s]));
}
