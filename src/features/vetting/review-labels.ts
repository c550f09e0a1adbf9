import type { adverseInfoTypes, adverseRelations, checkStatuses, checkTypes, vettingLevels } from '../../db/schema/index.ts';
import type { ReviewOutcome } from './review-decision-rules.ts';

/** Words for the review pages (§4.3 checks, §4.6 adverse information), shared by pages and the decision record. */

export const CHECK_TYPE_LABELS: Record<(typeof checkTypes)[number], string> = {
  pnc: 'Police National Computer (PNC)',
  pnd: 'Police National Database (PND)',
  local_intelligence: 'Local force intelligence and systems',
  ct_special_branch: 'Counter-terrorism / Special Branch',
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

export const ADVERSE_TYPE_LABELS: Record<(typeof adverseInfoTypes)[number], string> = {
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
  self: 'The person themself',
  family: 'A family member',
  associate: 'An associate',
};

export const OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  maintain: 'Maintain the clearance',
  maintain_with_conditions: 'Maintain the clearance with conditions',
  withdraw: 'Withdraw the clearance (Police (Vetting) Regulations 2025)',
};

export const LEVEL_LABELS: Record<(typeof vettingLevels)[number], string> = {
  RV: 'Recruitment vetting (RV)',
  MV: 'Management vetting (MV)',
  NPPV1: 'NPPV level 1',
  NPPV2A: 'NPPV level 2 (abbreviated)',
  NPPV2F: 'NPPV level 2 (full)',
  NPPV3: 'NPPV level 3',
  CTC: 'Counter-terrorism check (CTC)',
  SC: 'Security check (SC)',
  eSC: 'Enhanced security check (eSC)',
  DV: 'Developed vetting (DV)',
  eDV: 'Enhanced developed vetting (eDV)',
};

/** "1 (low)" … "5 (high)" for severity and credibility. */
export const SCALE = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: n === 1 ? '1 (low)' : n === 5 ? '5 (high)' : String(n) }));
