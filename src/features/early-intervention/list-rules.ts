import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { latestRun } from './alerts.repository.ts';
import {
  currentRules,
  findRule,
  ruleFigures,
  ruleVersions,
  unitsOfForce,
  type RuleFigures,
} from './rules.repository.ts';
import { knownKinds } from './signals.repository.ts';

/** A proven finding within this many days of an alert counts as the alert having found the right person (force policy). */
export const FOLLOW_UP_DAYS = 365;

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

export function figuresOf(f: RuleFigures | undefined) {
  const alerts = f?.alerts ?? 0;
  const finished = (f?.closed ?? 0) + (f?.false_positive ?? 0);
  return {
    alerts,
    open: f?.open ?? 0,
    finished,
    falsePositives: f?.false_positive ?? 0,
    /** Of the alerts that were finished (closed or false positive), the share closed as a false positive. */
    falsePositiveShare: share(f?.false_positive ?? 0, finished),
    followedByFinding: f?.followed_by_finding ?? 0,
    followedByFindingShare: share(f?.followed_by_finding ?? 0, alerts),
  };
}

/** The force's rules (current versions) with their figures, the signal kinds known, and the last run. */
export async function listRules(deps: Deps, principal: Principal | null) {
  authorize(principal, 'ei.read');
  const [rules, figures, kinds, run, units] = await Promise.all([
    currentRules(deps.db, principal.forceId),
    ruleFigures(deps.db, principal.forceId, FOLLOW_UP_DAYS),
    knownKinds(deps.db, principal.forceId),
    latestRun(deps.db, principal.forceId),
    unitsOfForce(deps.db, principal.forceId),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    rules: rules.map((r) => ({
      ...r,
      unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
      figures: figuresOf(figures.get(r.ruleKey)),
    })),
    kinds,
    units,
    lastRun: run ?? null,
    followUpDays: FOLLOW_UP_DAYS,
  };
}

/** One rule (any version, by id) with every version of it and its figures. */
export async function viewRule(deps: Deps, principal: Principal | null, id: string) {
  authorize(principal, 'ei.read');
  if (!z.string().uuid().safeParse(id).success) throw notFound('rule');
  const rule = await findRule(deps.db, principal.forceId, id);
  if (!rule) throw notFound('rule');
  const [versions, figures, kinds, units] = await Promise.all([
    ruleVersions(deps.db, principal.forceId, rule.ruleKey),
    ruleFigures(deps.db, principal.forceId, FOLLOW_UP_DAYS),
    knownKinds(deps.db, principal.forceId),
    unitsOfForce(deps.db, principal.forceId),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const named = <R extends { unitId: string | null }>(r: R) => ({
    ...r,
    unitName: r.unitId ? (unitName.get(r.unitId) ?? null) : null,
  });
  return {
    rule: named(rule),
    versions: versions.map(named),
    figures: figuresOf(figures.get(rule.ruleKey)),
    kinds,
    units,
    followUpDays: FOLLOW_UP_DAYS,
  };
}
