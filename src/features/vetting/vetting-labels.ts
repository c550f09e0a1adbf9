import type {
  adverseInfoTypes,
  adverseRelations,
  appealLodgers,
  appealOutcomes,
  applicationKinds,
  applicationStatuses,
  checkStatuses,
  checkTypes,
  clearanceStatuses,
  decisionOutcomes,
  listKinds,
  matchDecisions,
} from '../../db/schema/index.ts';

/** The words for vetting's choices (uk-domain.md §4.3–4.4), shared by pages, the decision record and the API. */

export const CHECK_LABELS: Record<(typeof checkTypes)[number], string> = {
  pnc: 'Police National Computer (PNC)',
  pnd: 'Police National Database (PND)',
  local_intelligence: 'Local force intelligence and systems',
  ct_special_branch: 'Counter-terrorism / Special Branch check',
  financial: 'Financial checks',
  employment_references: 'Employment history and references',
  family_associates: 'Family members and associates',
  open_source: 'Social media and open source',
  biometric: 'Biometric checks',
};

export const CHECK_STATUS_LABELS: Record<(typeof checkStatuses)[number], string> = {
  pending: 'Pending',
  clear: 'Clear',
  adverse: 'Adverse information found',
  not_required: 'Not required',
};

export const KIND_LABELS: Record<(typeof applicationKinds)[number], string> = {
  recruitment: 'Recruitment',
  transfer_in: 'Transfer in (transferee, rejoiner or secondee)',
  renewal: 'Renewal',
  upgrade: 'Upgrade to a higher level',
};

export const APPLICATION_STATUS_LABELS: Record<(typeof applicationStatuses)[number], string> = {
  open: 'Open',
  granted: 'Granted',
  granted_with_conditions: 'Granted with conditions',
  refused: 'Refused',
  discontinued: 'Discontinued',
};

export const CLEARANCE_STATUS_LABELS: Record<(typeof clearanceStatuses)[number], string> = {
  active: 'Active',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  terminated: 'Terminated',
  suspended: 'Suspended',
};

export const OUTCOME_LABELS: Record<(typeof decisionOutcomes)[number], string> = {
  grant: 'Grant',
  grant_with_conditions: 'Grant with conditions (risk mitigation)',
  refuse: 'Refuse',
  discontinue: 'Discontinue',
  maintain: 'Maintain',
  maintain_with_conditions: 'Maintain with conditions',
  withdraw: 'Withdraw',
};

export const INFO_TYPE_LABELS: Record<(typeof adverseInfoTypes)[number], string> = {
  conviction: 'Conviction',
  caution: 'Caution',
  non_conviction: 'Non-conviction information',
  intelligence: 'Intelligence',
  financial: 'Financial',
  association: 'Association',
  non_disclosure: 'Failure to declare',
  other: 'Other',
};

export const RELATION_LABELS: Record<(typeof adverseRelations)[number], string> = {
  self: 'The applicant',
  family: 'A family member',
  associate: 'An associate',
};

export const APPEAL_OUTCOME_LABELS: Record<(typeof appealOutcomes)[number], string> = {
  pending: 'Awaiting the panel',
  upheld: 'Upheld',
  dismissed: 'Dismissed',
};

/** Who brought a withdrawal appeal (Police (Vetting) Regulations 2025 regs 9 and 10: police friend, lawyer). */
export const APPEAL_LODGER_LABELS: Record<(typeof appealLodgers)[number], string> = {
  person: 'The officer or member of staff',
  police_friend: 'Their police friend, for them',
  legal_representative: 'Their legal representative, for them',
};

export const LIST_LABELS: Record<(typeof listKinds)[number], string> = {
  barred: 'Police Barred List',
  advisory: 'Police Advisory List',
};

export const MATCH_DECISION_LABELS: Record<(typeof matchDecisions)[number], string> = {
  pending: 'Awaiting a decision',
  confirmed_match: 'Confirmed match',
  not_a_match: 'Not a match',
};

/** Radio or select items from a label table, with the current value checked. */
export function choiceItems<K extends string>(
  labels: Record<K, string>,
  current?: string,
  keys?: readonly K[],
): { value: K; text: string; checked: boolean; selected: boolean }[] {
  return (keys ?? (Object.keys(labels) as K[])).map((value) => ({
    value,
    text: labels[value],
    checked: current === value,
    selected: current === value,
  }));
}
