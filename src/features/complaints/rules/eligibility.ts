/**
 * Who may make a complaint: Police Reform Act 2002 s.12. A complaint about the conduct of a person serving
 * with the police may be made only by someone it was directed at, someone adversely affected by it, a
 * witness to it, or someone acting on behalf of one of them (s.12(1), (1A)); any other complaint (about the
 * direction and control of the force, "the service itself") only by someone adversely affected, or on their
 * behalf (s.12(1B)). A person under the direction and control of the same chief officer, or on duty at the
 * time, cannot complain as adversely affected or as a witness (s.12(6)–(7)); those exclusions were not read
 * in the primary text, so each carries its mark and can be switched off by configuration.
 */

export const COMPLAINANT_BASES = ['directed_at', 'adversely_affected', 'witness', 'on_behalf'] as const;
export type ComplainantBasis = (typeof COMPLAINANT_BASES)[number];
/** The basis of the person on whose behalf someone complains. */
export const REPRESENTED_BASES = ['directed_at', 'adversely_affected', 'witness'] as const;
export type RepresentedBasis = (typeof REPRESENTED_BASES)[number];

export const complainantBasisLabels: Record<ComplainantBasis, string> = {
  directed_at: 'The conduct was directed at them',
  adversely_affected: 'Adversely affected',
  witness: 'Witnessed it',
  on_behalf: 'Acting on behalf of someone else',
};

export type Mark = 'V' | 'S' | 'R';

export type EligibilityRules = {
  /** Police Reform Act 2002 s.12(6)–(7): a person serving under the same chief officer cannot complain. */
  excludeSameChiefOfficer: { enabled: boolean; mark: Mark };
  /** Police Reform Act 2002 s.12(7): a person on duty at the time cannot complain as adversely affected or witness. */
  excludeOnDuty: { enabled: boolean; mark: Mark };
};

export const defaultEligibilityRules: EligibilityRules = Object.freeze({
  excludeSameChiefOfficer: { enabled: true, mark: 'S' },
  excludeOnDuty: { enabled: true, mark: 'S' },
});

export type EligibilityFacts = {
  basis: ComplainantBasis;
  /** For 'on_behalf': the basis of the person represented. */
  representedBasis?: RepresentedBasis | null;
  /** Whether any person complained about is an individual (conduct), rather than only the service itself. */
  aboutConduct: boolean;
  /** The complainant (or the person represented) serves under the same chief officer. */
  underSameChiefOfficer: boolean;
  /** The complainant (or the person represented) was on duty at the time. */
  onDutyAtTime: boolean;
};

export type Eligibility = { eligible: true } | { eligible: false; reasons: string[] };

/** The s.12 eligibility of one complainant, with a plain reason for every refusal. */
export function checkEligibility(
  facts: EligibilityFacts,
  rules: EligibilityRules = defaultEligibilityRules,
): Eligibility {
  const reasons: string[] = [];
  const who = facts.basis === 'on_behalf' ? 'The person represented' : 'The complainant';
  let basis: RepresentedBasis | null;
  if (facts.basis === 'on_behalf') {
    basis = facts.representedBasis ?? null;
    if (!basis)
      reasons.push(
        'Say how the person represented was involved: someone acting on another’s behalf can complain only for someone who could complain themselves (Police Reform Act 2002 s.12(1)).',
      );
  } else basis = facts.basis;
  if (basis && !facts.aboutConduct && basis !== 'adversely_affected')
    reasons.push(
      `${who} must have been adversely affected: a complaint about the service itself, not about a person’s conduct, can be made only by someone adversely affected or on their behalf (Police Reform Act 2002 s.12(1B)).`,
    );
  if (rules.excludeSameChiefOfficer.enabled && facts.underSameChiefOfficer)
    reasons.push(
      `${who} serves under the same chief officer as the people complained about, so cannot make a public complaint (Police Reform Act 2002 s.12(6)–(7)); raise it as an internal matter instead.`,
    );
  if (rules.excludeOnDuty.enabled && facts.onDutyAtTime)
    reasons.push(
      `${who} was on duty at the time, so cannot complain as someone adversely affected or as a witness (Police Reform Act 2002 s.12(7)).`,
    );
  return reasons.length ? { eligible: false, reasons } : { eligible: true };
}
