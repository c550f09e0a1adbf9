import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { ruleInput } from './rule-input.ts';
import { evaluateRule } from './rules/evaluate.ts';
import { addDays } from './rules/dates.ts';
import { loadSignals } from './signals.repository.ts';
import { checkRuleUnit, signalsInScope } from './rule-unit.ts';

/**
 * "This rule would alert on N people today": the same evaluation a run makes (a unit's rule: only the people posted
 * to it today), over today's signals, written
 * nowhere. Only counts are returned — no names — so a preview can be tried freely before switching a rule on.
 */
export async function previewRule(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'ei.manage');
  const rule = parseInput(ruleInput, raw, 'Check the rule');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    await checkRuleUnit(tx, principal.forceId, rule.unitId, 'Check the rule');
    const loaded = await loadSignals(
      tx,
      principal.forceId,
      rule.signalKinds,
      addDays(today, -(rule.windowDays - 1)),
      today,
    );
    const signals = await signalsInScope(tx, principal.forceId, rule, loaded, today);
    const crossings = evaluateRule(rule, signals, today);
    const result = {
      today,
      people: crossings.length,
      warning: crossings.filter((c) => c.level === 'warning').length,
      critical: crossings.filter((c) => c.level === 'critical').length,
      signals: crossings.reduce((n, c) => n + c.events.length, 0),
    };
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_rule', id: principal.forceId },
      { type: 'ei.rule_previewed', people: result.people },
    );
    return result;
  });
}
