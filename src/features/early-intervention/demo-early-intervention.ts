import type { Deps } from '../../app/deps.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { Principal } from '../access/principal.ts';
import { accountOf } from '../misconduct/demo/replay.ts';
import { openCase } from '../misconduct/open-case.ts';
import { listVisibleAlerts } from './alerts.repository.ts';
import { planIntervention, recordFollowUp } from './interventions.ts';
import { moveAlert } from './move-alert.ts';
import { demoTeamMembers } from './peers.repository.ts';
import { addDays } from './rules/dates.ts';
import { runNow } from './run-early-intervention.ts';
import { saveRule, switchRule } from './save-rule.ts';
import type { AlertState } from './rules/workflow.ts';

const REQUEST_ID = 'seed-demo';

/**
 * Demo early intervention for the demo force, made through the use cases as its appropriate authority:
 * a team chat-group case with eight subjects (and an earlier case naming four of them, so the co-accused
 * network has a tight group), three rules (two switched on, one left off to preview), one run, and alerts
 * walked into every state of the workflow with interventions. Deterministic: the alerts are taken in the
 * list's own order.
 */
export async function seedDemoEarlyIntervention(deps: Deps, options: { forceId: string; today: IsoDate }) {
  const aa = await accountOf(deps, 'aa@westshire.example');
  const team = await demoTeamMembers(deps.db, options.forceId, 8);
  if (team.length >= 4) {
    await openCase(
      deps,
      aa,
      {
        source: 'internal_report',
        caseType: 'conduct_matter',
        cameToAttentionOn: addDays(options.today, -200),
        summary: 'Discriminatory remarks about a colleague at a team briefing',
        subjectPersonIds: team.slice(0, 4),
        allegation: {
          categoryCode: 'discrimination',
          standards: ['equality_diversity'],
          description: 'Made remarks about a colleague’s religion during a briefing and laughed them off.',
        },
      },
      REQUEST_ID,
    );
    await openCase(
      deps,
      aa,
      {
        source: 'internal_report',
        caseType: 'conduct_matter',
        cameToAttentionOn: addDays(options.today, -40),
        summary: 'Offensive messages in the team’s chat group, reported by a member of the team',
        subjectPersonIds: team,
        allegation: {
          categoryCode: 'discrimination',
          standards: ['equality_diversity', 'discreditable_conduct'],
          description: 'Posted and shared racist and misogynistic messages and images in the team chat group.',
        },
      },
      REQUEST_ID,
    );
  }
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
      description: 'Any discrimination allegation in a year; two is critical.',
      signalKinds: ['conduct_allegation', 'complaint_allegation'],
      categoryPrefix: 'discrimination',
      windowDays: 365,
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
