import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { discloseTable, type DisclosedTable, type TableSpec } from '../oversight/index.ts';
import { GROUP_LABELS, type Dimension } from '../oversight/index.ts';
import { disclosurePolicy } from '../oversight/index.ts';
import { alertedPeople, currentWorkforce } from './peers.repository.ts';
import { currentRules } from './rules.repository.ts';
import { addDays } from './rules/dates.ts';
import { fairnessRates, type GroupInput } from './rules/fairness.ts';

const DIMENSIONS: Dimension[] = ['sex', 'ethnicity'];

/**
 * One table: for each group, the current workforce, the people flagged (alerted, or given an intervention)
 * in the period, the rate per 1,000, and the relative rate to the reference group with its 95% interval.
 * Through the oversight disclosure control: the rates and intervals depend on the counts they come from.
 */
export function fairnessTable(
  id: string,
  caption: string,
  dimension: Dimension,
  groups: GroupInput[],
  reference: string,
): TableSpec {
  const labels = GROUP_LABELS[dimension];
  const rows = fairnessRates(groups, reference);
  const dep = [
    { column: 'flagged' },
    { column: 'workforce' },
    { row: reference, column: 'flagged' },
    { row: reference, column: 'workforce' },
  ];
  return {
    id,
    caption,
    rowHeader: dimension === 'sex' ? 'Sex' : 'Ethnicity',
    columns: [
      { key: 'flagged', label: 'People flagged', kind: 'count' },
      { key: 'workforce', label: 'Current workforce', kind: 'count' },
      {
        key: 'rate',
        label: 'Rate per 1,000',
        kind: 'measure',
        decimals: 1,
        dependsOn: [{ column: 'flagged' }, { column: 'workforce' }],
      },
      {
        key: 'relative',
        label: `Relative rate (${labels[reference] ?? reference} = 1.00)`,
        kind: 'measure',
        decimals: 2,
        dependsOn: dep,
      },
      { key: 'lower', label: '95% interval: lower', kind: 'measure', decimals: 2, dependsOn: dep },
      { key: 'upper', label: '95% interval: upper', kind: 'measure', decimals: 2, dependsOn: dep },
    ],
    rows: rows.map((r) => ({
      key: r.group,
      label: labels[r.group] ?? r.group,
      values: {
        flagged: r.flagged,
        workforce: r.workforce,
        rate: r.ratePer1000,
        relative: r.relativeRate,
        lower: r.lower,
        upper: r.upper,
      },
    })),
    columnTotals: { label: 'All people', measures: {} },
    personal: true,
    notes: [
      'An interval that does not include 1.00 means the difference from the reference group is unlikely to be chance alone (95% confidence, log method). No interval is given where a count is zero.',
    ],
  };
}

function groupsOf(
  dimension: Dimension,
  workforce: { person_id: string; sex: string | null; ethnicity: string | null }[],
  flagged: Set<string>,
): GroupInput[] {
  const out = new Map<string, GroupInput>(
    Object.keys(GROUP_LABELS[dimension]).map((g) => [g, { group: g, workforce: 0, flagged: 0 }]),
  );
  for (const w of workforce) {
    const g = out.get(w[dimension] ?? 'not_stated') ?? out.get('not_stated');
    if (!g) continue;
    g.workforce++;
    if (flagged.has(w.person_id)) g.flagged++;
  }
  return [...out.values()];
}

const query = z.object({
  days: z.preprocess((v) => (v === '' || v === undefined ? 365 : v), z.coerce.number().int().min(1).max(3660)),
});

/**
 * Alert and intervention rates by sex and ethnicity against the current workforce, for all rules and for
 * each rule, so that a rule falling unevenly is visible before it is trusted. Audited.
 */
export async function viewFairness(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'ei.read');
  const q = parseInput(query, raw, 'Check the period');
  const today = ukToday(deps.now());
  const from = addDays(today, -(q.days - 1));
  const rules = deps.config.rules.integrity;
  const policy = disclosurePolicy(principal, rules);
  return deps.db.transaction(async (tx) => {
    const workforce = await currentWorkforce(tx, principal.forceId);
    const all = await alertedPeople(tx, principal.forceId, from, today, null);
    const alerted = new Set(all.map((a) => a.person_id));
    const intervened = new Set(all.filter((a) => a.intervened).map((a) => a.person_id));
    const tables: DisclosedTable[] = [];
    for (const d of DIMENSIONS) {
      const ref = rules.disproportionalityReference[d];
      tables.push(
        discloseTable(
          fairnessTable(`ei-alerts-${d}`, `People with an alert, by ${d}`, d, groupsOf(d, workforce, alerted), ref),
          policy,
        ),
      );
      tables.push(
        discloseTable(
          fairnessTable(
            `ei-interventions-${d}`,
            `People given an intervention, by ${d}`,
            d,
            groupsOf(d, workforce, intervened),
            ref,
          ),
          policy,
        ),
      );
    }
    const perRule = [];
    for (const rule of await currentRules(tx, principal.forceId)) {
      const people = new Set(
        (await alertedPeople(tx, principal.forceId, from, today, rule.ruleKey)).map((a) => a.person_id),
      );
      perRule.push({
        rule,
        tables: DIMENSIONS.map((d) =>
          discloseTable(
            fairnessTable(
              `ei-rule-${rule.version}-${d}`,
              `${rule.name}: people alerted, by ${d}`,
              d,
              groupsOf(d, workforce, people),
              rules.disproportionalityReference[d],
            ),
            policy,
          ),
        ),
      });
    }
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_fairness', id: principal.forceId },
      { type: 'ei.fairness_viewed' },
    );
    return { from, today, days: q.days, tables, perRule };
  });
}
