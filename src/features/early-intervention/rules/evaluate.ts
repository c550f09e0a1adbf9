import type { IsoDate } from '../../../kernel/time/dates.ts';
import { addDays } from './dates.ts';

/**
 * THRESHOLD RULES, pure. A rule counts one person's signals of the chosen kinds (optionally of one category
 * and its sub-categories) over a window of days ending today, and alerts at a warning and a critical level.
 * No database, no clock: `today` is passed in (the UK date of deps.now()).
 */

/** Where a signal comes from, so that an explanation can link to it (if the viewer may follow the link). */
export type SignalRef =
  | { type: 'allegation'; id: string; caseId: string }
  | { type: 'restriction'; id: string; caseId: string }
  | { type: 'complaint_allegation'; id: string; complaintId: string }
  | { type: 'vetting_decision'; id: string }
  | { type: 'event'; id: string };

export type Signal = {
  /** Stable across runs: the kind and the source record's id (e.g. 'finding:…'). */
  key: string;
  personId: string;
  kind: string;
  occurredOn: IsoDate;
  category: string | null;
  ref: SignalRef;
};

export type RuleSpec = {
  signalKinds: readonly string[];
  categoryPrefix: string | null;
  windowDays: number;
  warningLevel: number;
  criticalLevel: number;
};

export type Level = 'warning' | 'critical';
export type Crossing = { personId: string; level: Level; events: Signal[] };

/**
 * The first day of a window of `windowDays` days ending on `today` (both counted): a 365-day window
 * on 2026-03-02 starts on 2025-03-03.
 */
export function windowStart(today: IsoDate, windowDays: number): IsoDate {
  return addDays(today, -(windowDays - 1));
}

/** A category matches its own code and every sub-category below it ('discrimination' covers 'discrimination.race'). */
export function categoryMatches(prefix: string | null, category: string | null): boolean {
  if (!prefix) return true;
  if (!category) return false;
  return category === prefix || category.startsWith(`${prefix}.`);
}

/** Whether one signal counts for the rule on the day. Signals dated after today (typing errors) never count. */
export function counts(rule: RuleSpec, signal: Signal, today: IsoDate): boolean {
  return (
    rule.signalKinds.includes(signal.kind) &&
    categoryMatches(rule.categoryPrefix, signal.category) &&
    signal.occurredOn >= windowStart(today, rule.windowDays) &&
    signal.occurredOn <= today
  );
}

export function levelOf(rule: RuleSpec, count: number): Level | null {
  if (count >= rule.criticalLevel) return 'critical';
  if (count >= rule.warningLevel) return 'warning';
  return null;
}

/**
 * Everyone the rule alerts on today, each with exactly the signals that counted (oldest first), sorted by
 * person id so that the same input always gives the same output.
 */
export function evaluateRule(rule: RuleSpec, signals: readonly Signal[], today: IsoDate): Crossing[] {
  const byPerson = new Map<string, Signal[]>();
  for (const s of signals) {
    if (!counts(rule, s, today)) continue;
    const list = byPerson.get(s.personId);
    if (list) list.push(s);
    else byPerson.set(s.personId, [s]);
  }
  const out: Crossing[] = [];
  for (const [personId, events] of byPerson) {
    const level = levelOf(rule, events.length);
    if (!level) continue;
    events.sort((a, b) =>
      a.occurredOn === b.occurredOn ? a.key.localeCompare(b.key) : a.occurredOn < b.occurredOn ? -1 : 1,
    );
    out.push({ personId, level, events });
  }
  return out.sort((a, b) => a.personId.localeCompare(b.personId));
}

export type AlertChange = { added: string[]; dropped: string[]; levelFrom: Level | null; levelTo: Level };

/**
 * What changed for an open alert since the run that last changed it: the signals that now count and did
 * not, those that no longer count (they left the window), and the level. `null` when nothing changed.
 */
export function changeSince(
  previous: { keys: readonly string[]; level: Level } | null,
  current: Crossing,
): AlertChange | null {
  const now = current.events.map((e) => e.key);
  if (!previous) return { added: now, dropped: [], levelFrom: null, levelTo: current.level };
  const before = new Set(previous.keys);
  const after = new Set(now);
  const added = now.filter((k) => !before.has(k));
  const dropped = previous.keys.filter((k) => !after.has(k));
  if (!added.length && !dropped.length && previous.level === current.level) return null;
  return { added, dropped, levelFrom: previous.level, levelTo: current.level };
}
