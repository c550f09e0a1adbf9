import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { accountOf } from '../auth/index.ts';
import { listVisibleAlerts } from './alerts.repository.ts';
import { planIntervention, recordFollowUp } from './interventions.ts';
import { moveAlert } from './move-alert.ts';
import { addDays } from './rules/dates.ts';
import { runNow } from './run-early-intervention.ts';
import { saveRule, switchRule } from './save-rule.ts';
import type { AlertState } from './rules/workflow.ts';

const REQUEST_ID = 'seed-demo';

/**
 * Demo early intervention for the demo force, made through the use cases as its appropriate authority:
 * three rules (two switched on, one left off to preview), one run, and alerts walked into every state of the
 * workflow with interventions. The demo cases always include the ten-subject group-chat case (discrimination,
 * 330–500 days old), so the two-year discrimination rule alerts on its subjects and the co-accused network
 * shows them as one group. Deterministic: the alerts are taken in the list's own order. No case is added here,
 * so the demo's case counts stay those of the case generator.
 */
export async function seedDemoEarlyIntervention(deps: Deps, options: { forceId: string; today: IsoDate }) {
  const aa = await accountOf(deps, 'aa@westshire.example');
  const rules = [
    {
      name: 'Repeated conduct allegations',
      description: 'Two conduct allegations or complaint allegations in two years; four is critical.',
      signalKinds: ['conduct_allegation', 'complaint_allegation'],
      windowDays: 730,
      warningLevel: 2,
      criticalLevel: 4,
    },
    {
      name: 'Discrimination allegations',
      description: 'Any discrimination allegation in two years; two is critical.',
      signalKinds: ['conduct_allegation', 'complaint_allegation'],
      categoryPrefix: 'discrimination',
      windowDays: 730,
      warningLevel: 1,
      criticalLevel: 2,
    },
    {
      name: 'Restrictions and findings',
      description: 'A restriction, finding or sanction in three years (switched off: preview it first).',
      signalKinds: ['restriction', 'finding', 'sanction'],
      windowDays: 1095,
      warningLevel: 1,
      criticalLevel: 2,
    },
  ];
  let active = 0;
  for (const [i, r] of rules.entries()) {
    const row = await saveRule(deps, aa, r, REQUEST_ID);
    if (i < 2) {
      await switchRule(deps, aa, row.id, { active: true, version: 1 }, REQUEST_ID);
      active++;
    }
  }
  const run = await runNow(deps, aa, REQUEST_ID);
  const alerts = await listVisibleAlerts(deps.db, aa, { state: 'open' });
  const walks: AlertState[][] = [
    ['acknowledged'],
    ['acknowledged', 'under_assessment'],
    ['acknowledged', 'under_assessment', 'intervention_planned'],
    ['acknowledged', 'under_assessment', 'intervention_planned', 'intervention_in_progress'],
    ['acknowledged', 'under_assessment', 'intervention_planned', 'intervention_in_progress', 'closed'],
    ['false_positive'],
  ];
  for (const [i, walk] of walks.entries()) {
    const alert = alerts[i];
    if (!alert) break;
    await walkAlert(deps, aa, alert.id, walk, options.today, i);
  }
  return { rules: rules.length, active, alerts: run.opened };
}

const INTERVENTIONS = ['mentoring', 'supervision', 'training'] as const;

async function walkAlert(deps: Deps, aa: Principal, alertId: string, walk: AlertState[], today: IsoDate, i: number) {
  let version = 1;
  for (const to of walk) {
    const reason =
      to === 'false_positive'
        ? 'The allegations were about one incident recorded twice; no pattern.'
        : to === 'closed'
          ? 'Mentoring completed; no further concerns at the three-month review.'
          : '';
    await moveAlert(deps, aa, alertId, { to, reason, version }, REQUEST_ID);
    version++;
    if (to === 'intervention_planned') {
      const plan = await planIntervention(
        deps,
        aa,
        alertId,
        {
          kind: INTERVENTIONS[i % INTERVENTIONS.length],
          owner: 'Inspector Jo Hale',
          dueOn: addDays(today, 30 + i * 7),
          notes: 'Agreed with the officer’s line manager.',
        },
        REQUEST_ID,
      );
      if (walk.includes('closed'))
        await recordFollowUp(
          deps,
          aa,
          alertId,
          plan.id,
          { outcome: 'effective', outcomeNotes: 'No further concerns raised since.' },
          REQUEST_ID,
        );
    }
  }
}
