import type { Mark } from './eligibility.ts';

/**
 * Referral to the IOPC: Police Reform Act 2002 Sch 3 para 4. The appropriate authority MUST refer a
 * complaint alleging death or serious injury, one in a category of Complaints and Misconduct Regs 2020
 * reg 4(1), and anything the IOPC calls in; it MAY refer for gravity or exceptional circumstances. The IOPC
 * then decides whether to investigate and how (para 5; local para 16, directed para 18, independent para 19)
 * or refers it back. The time within which a referral must be made is set by the regulations and was not
 * retrieved [R], so no referral clock is started.
 */
export const REFERRAL_GROUNDS = [
  'death_or_serious_injury',
  'serious_assault',
  'serious_sexual_offence',
  'serious_corruption',
  'discrimination_aggravated',
  'relevant_offence',
  'same_incident',
  'chief_officer',
  'iopc_call_in',
] as const;
export type ReferralGround = (typeof REFERRAL_GROUNDS)[number];

export const REFERRAL_GROUND_DEFINITIONS: Record<ReferralGround, { label: string; source: string; mark: Mark }> = {
  death_or_serious_injury: {
    label: 'It alleges conduct resulting in death or serious injury',
    source: 'Police Reform Act 2002 Sch 3 para 4(1)(a)',
    mark: 'V',
  },
  serious_assault: {
    label: 'A serious assault, as defined in IOPC guidance',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1)',
    mark: 'V',
  },
  serious_sexual_offence: {
    label: 'A serious sexual offence',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1)',
    mark: 'V',
  },
  serious_corruption: {
    label:
      'Serious corruption, including abuse of position for a sexual purpose or to pursue an improper emotional relationship',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1)',
    mark: 'V',
  },
  discrimination_aggravated: {
    label:
      'A criminal offence, or behaviour liable to lead to disciplinary proceedings, aggravated by discriminatory behaviour',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1)',
    mark: 'V',
  },
  relevant_offence: {
    label: 'A relevant offence (sentence fixed by law, or 7 years’ imprisonment or more for an adult)',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1) (the 7-year threshold was not read in the text)',
    mark: 'R',
  },
  same_incident: {
    label: 'It arises from the same incident as anything that must be referred',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1)',
    mark: 'V',
  },
  chief_officer: {
    label:
      'It is about a chief officer, and the authority cannot be satisfied from the complaint alone that it would not justify criminal or disciplinary proceedings',
    source: 'Complaints and Misconduct Regs 2020 reg 4(1)',
    mark: 'V',
  },
  iopc_call_in: {
    label: 'The IOPC has required it to be referred (called it in)',
    source: 'Police Reform Act 2002 Sch 3 para 4(1)(c)',
    mark: 'V',
  },
};

export const IOPC_DECISIONS = ['local', 'directed', 'independent', 'referred_back'] as const;
export type IopcDecision = (typeof IOPC_DECISIONS)[number];
export const iopcDecisionLabels: Record<IopcDecision, string> = {
  local: 'Local investigation by the force (Police Reform Act 2002 Sch 3 para 16)',
  directed: 'Investigation directed by the IOPC (Sch 3 para 18)',
  independent: 'Independent investigation by the IOPC (Sch 3 para 19)',
  referred_back: 'Referred back to the force to handle (Sch 3 para 5)',
};

export type ReferralRequirement = { mandatory: boolean; reasons: string[] };

export function referralRequirement(grounds: readonly ReferralGround[]): ReferralRequirement {
  const reasons = REFERRAL_GROUNDS.filter((g) => grounds.includes(g)).map(
    (g) => `${REFERRAL_GROUND_DEFINITIONS[g].label} (${REFERRAL_GROUND_DEFINITIONS[g].source}).`,
  );
  return { mandatory: reasons.length > 0, reasons };
}

/** The refusal of a decision not to refer when a mandatory ground applies; null when the decision may stand. */
export function referralDecisionError(referred: boolean, grounds: readonly ReferralGround[]): string | null {
  if (referred) return null;
  const { mandatory, reasons } = referralRequirement(grounds);
  return mandatory ? `This complaint must be referred to the IOPC: ${reasons.join(' ')}` : null;
}
