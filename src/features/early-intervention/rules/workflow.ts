import type { Ability } from '../../../kernel/access/roles.ts';

/**
 * THE ALERT WORKFLOW, as a table (like the allegation workflow in features/misconduct/rules): every move
 * an alert may make, the ability it needs, and whether a reason must be given. A move not in the table is
 * refused. Closing as a false positive always needs a reason: the reasons are what the rule's owner reads
 * when deciding whether a rule makes noise.
 */
export const ALERT_STATES = [
  'new',
  'acknowledged',
  'under_assessment',
  'intervention_planned',
  'intervention_in_progress',
  'closed',
  'false_positive',
] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const STATE_LABELS: Record<AlertState, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  under_assessment: 'Under assessment',
  intervention_planned: 'Intervention planned',
  intervention_in_progress: 'Intervention in progress',
  closed: 'Closed',
  false_positive: 'False positive',
};

export const OPEN_STATES: readonly AlertState[] = [
  'new',
  'acknowledged',
  'under_assessment',
  'intervention_planned',
  'intervention_in_progress',
];

export type Move = { from: AlertState; to: AlertState; ability: Ability; reasonRequired: boolean; label: string };

const fp = (from: AlertState): Move => ({
  from,
  to: 'false_positive',
  ability: 'ei.manage',
  reasonRequired: true,
  label: 'Close as a false positive',
});

export const MOVES: readonly Move[] = [
  { from: 'new', to: 'acknowledged', ability: 'ei.assess', reasonRequired: false, label: 'Acknowledge' },
  {
    from: 'acknowledged',
    to: 'under_assessment',
    ability: 'ei.assess',
    reasonRequired: false,
    label: 'Start assessment',
  },
  {
    from: 'under_assessment',
    to: 'intervention_planned',
    ability: 'ei.manage',
    reasonRequired: false,
    label: 'Plan an intervention',
  },
  {
    from: 'intervention_planned',
    to: 'intervention_in_progress',
    ability: 'ei.assess',
    reasonRequired: false,
    label: 'Intervention started',
  },
  { from: 'intervention_in_progress', to: 'closed', ability: 'ei.manage', reasonRequired: true, label: 'Close' },
  // An assessment may find that nothing needs doing although the alert was right to be raised.
  {
    from: 'under_assessment',
    to: 'closed',
    ability: 'ei.manage',
    reasonRequired: true,
    label: 'Close: no intervention needed',
  },
  ...OPEN_STATES.map(fp),
];

export function findMove(from: AlertState, to: AlertState): Move | undefined {
  return MOVES.find((m) => m.from === from && m.to === to);
}

/** The moves open from a state for someone holding these abilities. */
export function movesFrom(from: AlertState, holds: (a: Ability) => boolean): Move[] {
  return MOVES.filter((m) => m.from === from && holds(m.ability));
}

export function isAlertState(value: string): value is AlertState {
  return (ALERT_STATES as readonly string[]).includes(value);
}
