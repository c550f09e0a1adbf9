import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { scoresForRule } from './peer-scores.ts';
import { visibleNames } from './peers.repository.ts';
import { currentRules, findRule } from './rules.repository.ts';
import { SERVICE_BANDS } from './rules/peer-percentile.ts';

export const BAND_LABELS: Record<string, string> = {
  ...Object.fromEntries(SERVICE_BANDS.map((b) => [b.key, b.label])),
  unknown: 'Service start not recorded',
};

const query = z.object({
  rule: z.preprocess((v) => (v === '' ? undefined : v), z.string().uuid('Choose a rule').optional()),
});

/**
 * Peer-normalised scores for one rule's signals and window: the people with at least one counted signal,
 * highest percentile first, each with their peer group (rank, length-of-service band) and its size. People
 * in a group below the force's minimum have no percentile and say so. Never the viewer's own record. Audited.
 */
export async function viewScores(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'ei.read');
  const q = parseInput(query, raw, 'Choose a rule');
  const rules = await currentRules(deps.db, principal.forceId);
  const rule = q.rule ? await findRule(deps.db, principal.forceId, q.rule) : rules[0];
  if (q.rule && !rule) throw notFound('rule');
  const minPeerGroup = deps.config.rules.integrity.earlyInterventionMinPeerGroup;
  if (!rule) return { rules, rule: null, rows: [], minPeerGroup };
  return deps.db.transaction(async (tx) => {
    const scores = [...(await scoresForRule(tx, principal.forceId, rule, ukToday(deps.now()), minPeerGroup)).values()]
      .filter((s) => s.count > 0)
      .sort((a, b) => (b.percentile ?? -1) - (a.percentile ?? -1) || b.count - a.count)
      .slice(0, 200);
    const names = await visibleNames(
      tx,
      principal,
      scores.map((s) => s.personId),
    );
    const rows = scores
      .filter((s) => names.has(s.personId))
      .map((s) => ({ ...s, name: names.get(s.personId) ?? '', bandLabel: BAND_LABELS[s.band] ?? s.band }));
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_scores', id: rule.id },
      { type: 'ei.scores_viewed', people: rows.length },
    );
    return { rules, rule, rows, minPeerGroup };
  });
}
