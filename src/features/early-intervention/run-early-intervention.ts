import { ukToday } from '../../kernel/time/dates.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import {
  finishRun,
  forcesWithActiveRules,
  insertAlert,
  insertRun,
  lastClosedEventKeys,
  lockForceRun,
  openAlertsOfForce,
  updateAlertFromRun,
} from './alerts.repository.ts';
import { currentRules } from './rules.repository.ts';
import { changeSince, evaluateRule, type Level, type Signal } from './rules/evaluate.ts';
import { addDays } from './rules/dates.ts';
import { loadSignals } from './signals.repository.ts';
import { signalsInScope } from './rule-unit.ts';

export type RunSummary = {
  forceId: string;
  runId: string;
  runOn: IsoDate;
  rules: number;
  events: number;
  opened: number;
  changed: number;
};

type StoredEvent = Pick<Signal, 'key' | 'kind' | 'occurredOn' | 'category' | 'ref'>;
const stored = (s: Signal): StoredEvent => ({
  key: s.key,
  kind: s.kind,
  occurredOn: s.occurredOn,
  category: s.category,
  ref: s.ref,
});

/**
 * One early-intervention run for one force on one day: every active rule (its current version) over the
 * signals of its window. IDEMPOTENT: an open alert of the same rule and person is updated in place, and
 * only when its events or level changed (what changed is kept on it); a person whose last alert of the
 * rule was closed is alerted again only when a signal counts that the closed alert did not have. So a
 * second run on the same day changes no alert; it is still recorded in `ei_runs` with what it evaluated.
 * An open alert whose person no longer crosses the rule stays open (a person decides), with the change noted.
 */
export async function runEarlyIntervention(
  deps: Deps,
  actor: AuditActor,
  input: { forceId: string; today: IsoDate; trigger: string },
): Promise<RunSummary> {
  const { forceId, today } = input;
  return deps.db.transaction(async (tx) => {
    await lockForceRun(tx, forceId);
    const rules = await currentRules(tx, forceId, true);
    const run = await insertRun(tx, { forceId, runOn: today, trigger: input.trigger });
    const maxWindow = Math.max(1, ...rules.map((r) => r.windowDays));
    const kinds = [...new Set(rules.flatMap((r) => r.signalKinds))];
    const signals = await loadSignals(tx, forceId, kinds, addDays(today, -(maxWindow - 1)), today);
    const open = new Map((await openAlertsOfForce(tx, forceId)).map((a) => [`${a.ruleKey}:${a.personId}`, a]));
    const closed = await lastClosedEventKeys(tx, forceId);
    let opened = 0;
    let changed = 0;
    const evaluated = [];
    for (const rule of rules) {
      // A unit's rule: only the people posted to the unit on the day of the run.
      const crossings = evaluateRule(rule, await signalsInScope(tx, forceId, rule, signals, today), today);
      const crossingPeople = new Set<string>();
      for (const c of crossings) {
        crossingPeople.add(c.personId);
        const key = `${rule.ruleKey}:${c.personId}`;
        const existing = open.get(key);
        if (existing) {
          const previousKeys = (existing.events as StoredEvent[]).map((e) => e.key);
          const change = changeSince({ keys: previousKeys, level: existing.level }, c);
          if (!change) continue;
          await updateAlertFromRun(tx, forceId, existing.id, {
            ruleId: rule.id,
            level: c.level,
            events: c.events.map(stored),
            changes: { ...change, on: today, runId: run.id },
            lastRunId: run.id,
            lastRunOn: today,
          });
          changed++;
          continue;
        }
        const before = closed.get(key);
        if (before && c.events.every((e) => before.has(e.key))) continue;
        await insertAlert(tx, {
          forceId,
          ruleId: rule.id,
          ruleKey: rule.ruleKey,
          personId: c.personId,
          level: c.level,
          raisedOn: today,
          lastRunId: run.id,
          lastRunOn: today,
          events: c.events.map(stored),
          changes: { ...changeSince(null, c), on: today, runId: run.id },
        });
        opened++;
      }
      // Open alerts of this rule whose person no longer crosses it: noted once, left for a person to close.
      for (const a of open.values()) {
        if (a.ruleKey !== rule.ruleKey || crossingPeople.has(a.personId)) continue;
        const noted = (a.changes as { levelTo?: Level | null }).levelTo === null;
        if (noted) continue;
        await updateAlertFromRun(tx, forceId, a.id, {
          ruleId: a.ruleId,
          level: a.level,
          events: a.events,
          changes: {
            added: [],
            dropped: (a.events as StoredEvent[]).map((e) => e.key),
            levelFrom: a.level,
            levelTo: null,
            on: today,
            runId: run.id,
          },
          lastRunId: run.id,
          lastRunOn: today,
        });
        changed++;
      }
      evaluated.push({
        ruleId: rule.id,
        ruleKey: rule.ruleKey,
        version: rule.version,
        name: rule.name,
        people: crossings.length,
        warning: crossings.filter((c) => c.level === 'warning').length,
        critical: crossings.filter((c) => c.level === 'critical').length,
      });
    }
    await finishRun(tx, forceId, run.id, {
      evaluated,
      eventsEvaluated: signals.length,
      alertsOpened: opened,
      alertsChanged: changed,
    });
    await recordAudit(
      tx,
      { ...actor, forceId },
      { type: 'ei_run', id: run.id },
      { type: 'ei.run', runId: run.id, runOn: today, opened, changed },
    );
    return { forceId, runId: run.id, runOn: today, rules: rules.length, events: signals.length, opened, changed };
  });
}

/** The scheduler's and the CLI's run: every force with an active rule, one after another. */
export async function runEarlyInterventionForAll(
  deps: Deps,
  actor: AuditActor,
  input: { today: IsoDate; trigger: string; forceId?: string | undefined },
): Promise<RunSummary[]> {
  const forces = input.forceId ? [input.forceId] : await forcesWithActiveRules(deps.db);
  const out: RunSummary[] = [];
  for (const forceId of forces) out.push(await runEarlyIntervention(deps, actor, { ...input, forceId }));
  return out;
}

/** "Run now" from the rules page or the API: the caller's own force, today, by an ei.manage holder. */
export async function runNow(deps: Deps, principal: Principal | null, requestId: string | null): Promise<RunSummary> {
  authorize(principal, 'ei.manage');
  return runEarlyIntervention(deps, actorOf(principal, requestId), {
    forceId: principal.forceId,
    today: ukToday(deps.now()),
    trigger: 'user',
  });
}
