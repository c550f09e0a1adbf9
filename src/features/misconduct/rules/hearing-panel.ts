import type { RegimeVersion } from '../../../kernel/time/regime.ts';
import { regimeFeatures } from '../../../kernel/time/regime.ts';

/**
 * Who must sit on a misconduct meeting or hearing, as CONFIGURATION with the reference's marks (uk-domain.md
 * §2.9): [V] read in the source, [R] still to be checked against the regulations. Pure: no database.
 */

export type PanelRole = 'chair' | 'independent_member' | 'lay_member' | 'police_member';
export type HearingForm = 'meeting' | 'hearing' | 'accelerated_hearing';

export const PANEL_ROLE_LABELS: Readonly<Record<PanelRole, string>> = {
  chair: 'Chair',
  independent_member: 'Independent member',
  lay_member: 'Lay member',
  police_member: 'Police member (superintendent or above)',
};

export type PanelRequirement = { roles: readonly PanelRole[]; source: string };

/**
 * The panel a sitting needs. A hearing before 7 May 2024: a legally qualified chair, a police member of
 * superintendent rank or above and an independent member (Suffolk PCC, legally qualified chairs and independent members). From 7 May 2024 the chief officer (or a
 * delegate) chairs, with an independent member [R — the 2024 amendment's panel not retrieved]. A meeting is
 * held by one person [R]. An accelerated hearing is held by the chief officer (delegable) [R].
 */
export const DEFAULT_PANEL: Readonly<
  Record<'meeting' | 'accelerated_hearing' | 'hearing_lqc' | 'hearing_chief', PanelRequirement>
> = {
  meeting: { roles: ['chair'], source: 'Conduct Regs 2020 reg 28: a meeting is conducted by one person [R]' },
  accelerated_hearing: {
    roles: ['chair'],
    source: 'Conduct Regs 2020 Part 5: the chief officer (delegable) conducts an accelerated hearing [R]',
  },
  hearing_lqc: {
    roles: ['chair', 'police_member', 'independent_member'],
    source:
      'Conduct Regs 2020 reg 28 before 7 May 2024: legally qualified chair, superintendent+, independent member (Suffolk PCC, legally qualified chairs and independent members)',
  },
  hearing_chief: {
    roles: ['chair', 'independent_member'],
    source: 'Conduct (Amendment) Regs 2024: chief officer or delegate chairs, with an independent member [R]',
  },
};

export function panelRequirement(
  form: HearingForm,
  regime: RegimeVersion,
  table: typeof DEFAULT_PANEL = DEFAULT_PANEL,
): PanelRequirement {
  if (form === 'meeting') return table.meeting;
  if (form === 'accelerated_hearing') return table.accelerated_hearing;
  return regimeFeatures(regime).chiefOfficerChairs ? table.hearing_chief : table.hearing_lqc;
}

/** Field errors for a panel missing a role the regime requires, keyed `panel-<role>`. */
export function panelRefusals(
  requirement: PanelRequirement,
  panel: readonly { role: PanelRole; name: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const role of requirement.roles) {
    if (!panel.some((m) => m.role === role && m.name.trim()))
      errors[`panel-${role}`] =
        `Enter the ${PANEL_ROLE_LABELS[role].toLowerCase()}: this sitting needs one (${requirement.source})`;
  }
  return errors;
}

/**
 * A finding on an allegation heard at a sitting cannot be recorded before the day it sits (issue 17: a
 * finding was recorded on 7 December for a hearing set for 25 January). Null when the date is possible.
 */
export function findingBeforeHearingRefusal(findingOn: string, heldOn: string | null): string | null {
  if (!heldOn || findingOn >= heldOn) return null;
  return `The finding cannot be recorded before the meeting or hearing, on ${heldOn}: record it on or after that day, or record the adjournment first`;
}
