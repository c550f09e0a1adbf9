import type { IsoDate } from '../../kernel/time/dates.ts';
import type { RestrictionKind } from './restriction-rules.ts';

/**
 * THE suspension flag (the WMP 2023 lesson, uk-domain.md §0 and §2.12): a subject accused of a serious
 * matter who is NOT suspended is flagged until a senior decision maker records why a lesser measure is
 * enough — and the answer lasts only until the next review, when the flag returns. Pure: the repository
 * gathers the facts (restrictions.repository.ts, `flagFactsOf…`), this decides.
 *
 * A subject is flagged when all of:
 *  (a) one of their live allegations in this case is in a configured serious category (a parent code covers
 *      its sub-codes) AND (that allegation is assessed as gross misconduct OR the subject has been arrested
 *      or charged — a criminal proceedings row of kind 'arrest' or 'charge');
 *  (b) they have no suspension in force (a restriction short of it, or several, does not answer the flag);
 *  (c) there is no current senior rationale: one whose `validUntil` is after today and that was decided on
 *      or after the latest trigger (the latest gross-misconduct assessment, arrest or charge).
 *
 * Not flagged at all (the suspension window is closed, §2.12 (Conduct Regs 2020 reg 11)): a subject who has left the force
 * (they cannot be suspended), a closed case, and allegations whose proceedings are over or were never
 * brought (no case, withdrawn, closed, finding recorded or under appeal).
 */

/** Allegation statuses in which the regulation 11 window has closed (§2.12 "Window" (Conduct Regs 2020 reg 11)). */
export const WINDOW_CLOSED_STATUSES: ReadonlySet<string> = new Set([
  'assessed_no_case',
  'no_case_to_answer',
  'withdrawn',
  'closed',
  'finding_recorded',
  'appeal_pending',
]);

export type FlagAllegation = {
  categoryCode: string;
  status: string;
  /** The track's current severity assessment ('gross_misconduct', 'misconduct' …) or null before assessment. */
  severity: string | null;
  /** The day it was (last) assessed as gross misconduct, when it is. */
  grossAssessedOn: IsoDate | null;
};

export type FlagFacts = {
  leftOn: IsoDate | null;
  caseOpen: boolean;
  allegations: readonly FlagAllegation[];
  /** The subject's arrests and charges in this case. */
  criminal: readonly { kind: string; occurredOn: IsoDate }[];
  /** The kinds of the subject's restrictions in force now (several may run at once). */
  inForceKinds: readonly RestrictionKind[];
  rationales: readonly { decidedOn: IsoDate; validUntil: IsoDate }[];
};

export type FlagTrigger = { kind: 'gross_misconduct' | 'arrest' | 'charge'; on: IsoDate };

export type FlagState =
  /** Condition (a) does not hold (or the subject cannot be suspended): no flag. */
  | 'not_applicable'
  /** (a) holds but the subject is suspended. */
  | 'suspended'
  /** (a) and (b) hold, answered by a current senior rationale. */
  | 'answered'
  /** Flagged: serious, not suspended, no current senior rationale. */
  | 'flagged';

export type FlagResult = {
  state: FlagState;
  flagged: boolean;
  triggers: FlagTrigger[];
  latestTriggerOn: IsoDate | null;
  /** The rationale answering the flag, when answered. */
  answeredUntil: IsoDate | null;
};

/** Whether a taxonomy code is in one of the serious categories (a parent code covers its sub-codes). */
export function isSeriousCategory(code: string, seriousCategories: readonly string[]): boolean {
  return seriousCategories.some((c) => code === c || code.startsWith(`${c}.`));
}

export function evaluateSuspensionFlag(
  facts: FlagFacts,
  seriousCategories: readonly string[],
  today: IsoDate,
): FlagResult {
  const none: FlagResult = {
    state: 'not_applicable',
    flagged: false,
    triggers: [],
    latestTriggerOn: null,
    answeredUntil: null,
  };
  if (facts.leftOn !== null || !facts.caseOpen) return none;
  const serious = facts.allegations.filter(
    (a) => !WINDOW_CLOSED_STATUSES.has(a.status) && isSeriousCategory(a.categoryCode, seriousCategories),
  );
  if (serious.length === 0) return none;
  const triggers: FlagTrigger[] = [
    ...serious
      .filter((a) => a.severity === 'gross_misconduct' && a.grossAssessedOn)
      .map((a) => ({ kind: 'gross_misconduct' as const, on: a.grossAssessedOn as IsoDate })),
    ...facts.criminal
      .filter((c) => c.kind === 'arrest' || c.kind === 'charge')
      .map((c) => ({ kind: c.kind as 'arrest' | 'charge', on: c.occurredOn })),
  ].sort((x, y) => (x.on < y.on ? -1 : x.on > y.on ? 1 : x.kind.localeCompare(y.kind)));
  const latest = triggers.at(-1)?.on ?? null;
  if (latest === null) return none;
  if (facts.inForceKinds.includes('suspension'))
    return { state: 'suspended', flagged: false, triggers, latestTriggerOn: latest, answeredUntil: null };
  const current = facts.rationales
    .filter((r) => r.validUntil > today && r.decidedOn >= latest)
    .map((r) => r.validUntil)
    .sort();
  const answeredUntil = current.at(-1) ?? null;
  if (answeredUntil) return { state: 'answered', flagged: false, triggers, latestTriggerOn: latest, answeredUntil };
  return { state: 'flagged', flagged: true, triggers, latestTriggerOn: latest, answeredUntil: null };
}

export const TRIGGER_WORDS: Readonly<Record<FlagTrigger['kind'], string>> = {
  gross_misconduct: 'assessed as gross misconduct',
  arrest: 'arrested',
  charge: 'charged',
};

/** "arrested on 3 March 2026; assessed as gross misconduct on …" — the page's words for why a subject is flagged. */
export function triggerSummary(triggers: readonly FlagTrigger[], formatDate: (d: IsoDate) => string): string {
  return triggers.map((t) => `${TRIGGER_WORDS[t.kind]} on ${formatDate(t.on)}`).join('; ');
}
