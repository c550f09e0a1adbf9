import type { IsoDate } from './dates.ts';
import { parseIsoDate } from './iso-date.ts';

/**
 * Which version of the conduct rules governs an allegation. The reference's legal layering table (top of
 * uk-domain.md) and its transitional rule say the regime is fixed by WHEN THE ALLEGATION CAME TO THE
 * ATTENTION OF THE APPROPRIATE AUTHORITY (commentary on the Conduct Regs 2020 (Exchange Chambers)), so every case stores `regimeVersion` derived from
 * `cameToAttentionOn`, and rule evaluation is versioned by it (§2.18).
 *
 * The amending Regulations' own transitional provisions are decided rule by rule in transitional.ts
 * (SI 2025/558 reg 64): a matter connected to an earlier one keeps the earlier matter's version, an IOPC
 * re-investigation or s.28A direction takes the 2025 amendments, and the former-officer accelerated-hearing
 * rule is decided per allegation from its referral notice. The case stores the version it was given.
 * Matters that came to attention before the Police (Conduct) Regulations 2012 took effect are also labelled
 * '2012': earlier regimes are not modelled.
 */

export const REGIME_VERSIONS = ['2012', '2020', '2020+2024', '2020+2025'] as const;
export type RegimeVersion = (typeof REGIME_VERSIONS)[number];

export interface RegimeFeatures {
  /** Gross misconduct found → dismissal without notice unless exceptional circumstances (§2.9, §2.17) (Police (Amendment) Regs 2025, SI 2025/558). */
  presumptionOfDismissal: boolean;
  /** Severity assessment may refer the matter to the Vetting Regulations process (§2.4) (Police (Amendment) Regs 2025, SI 2025/558 reg 9). */
  vettingReferralOption: boolean;
  /** Misconduct hearings chaired by the chief officer or delegate, not a legally qualified chair (§2.9) (Police (Conduct) (Amendment) Regs 2024, SI 2024/521). */
  chiefOfficerChairs: boolean;
  /** Former officers go to an accelerated hearing unless they opt out or the AA decides otherwise (§2.10) (Police (Amendment) Regs 2025, SI 2025/558). */
  formerOfficersDefaultToAccelerated: boolean;
  /** Conviction for an indictable-only offence always amounts to gross misconduct (§2.3) (Police (Amendment) Regs 2025, SI 2025/558). */
  indictableOnlyConvictionIsGrossMisconduct: boolean;
  /** Practice requiring improvement and the Reflective Practice Review Process exist (§2.3, §2.11) (Conduct Regs 2020 Part 6, as explained by UK Police Law Blog). */
  reflectivePractice: boolean;
  /** Reduction in rank is an available sanction — a 2020 innovation (§2.9) (Conduct Regs 2020 reg 42). */
  reductionInRank: boolean;
}

export interface RegimeDefinition {
  version: RegimeVersion;
  label: string;
  /** First came-to-attention date governed by this version; null for the earliest modelled version. */
  appliesFrom: IsoDate | null;
  instruments: readonly string[];
  features: RegimeFeatures;
  source: string;
}

const BASE_2020: RegimeFeatures = {
  presumptionOfDismissal: false,
  vettingReferralOption: false,
  chiefOfficerChairs: false,
  formerOfficersDefaultToAccelerated: false,
  indictableOnlyConvictionIsGrossMisconduct: false,
  reflectivePractice: true,
  reductionInRank: true,
};

/** Oldest first; `regimeFor` relies on that order. */
export const REGIMES: readonly RegimeDefinition[] = Object.freeze([
  {
    version: '2012',
    label: 'Police (Conduct) Regulations 2012',
    appliesFrom: null,
    instruments: ['Police (Conduct) Regulations 2012'],
    features: { ...BASE_2020, reflectivePractice: false, reductionInRank: false },
    source:
      'uk-domain.md legal layering; §2.3 (management advice abolished), §2.9 (dismissal with notice) (Conduct Regs 2020 reg 42; Conduct Regs 2020 Part 6, as explained by UK Police Law Blog)',
  },
  {
    version: '2020',
    label: 'Police (Conduct) Regulations 2020',
    appliesFrom: '2020-02-01',
    instruments: ['SI 2020/4', 'SI 2020/2', 'SI 2020/1'],
    features: BASE_2020,
    source: 'uk-domain.md legal layering; §2.1 (Conduct Regs 2020)',
  },
  {
    version: '2020+2024',
    label: 'Conduct Regulations 2020 as amended in 2024 (tranche one)',
    appliesFrom: '2024-05-07',
    instruments: ['SI 2020/4', 'SI 2024/521'],
    features: { ...BASE_2020, chiefOfficerChairs: true },
    source: '§2.9, §2.17 (Police (Conduct) (Amendment) Regs 2024, SI 2024/521)',
  },
  {
    version: '2020+2025',
    label: 'Conduct Regulations 2020 as amended in 2024 and 2025 (tranche two)',
    appliesFrom: '2025-05-28',
    instruments: ['SI 2020/4', 'SI 2024/521', 'SI 2025/558'],
    features: {
      ...BASE_2020,
      chiefOfficerChairs: true,
      presumptionOfDismissal: true,
      vettingReferralOption: true,
      formerOfficersDefaultToAccelerated: true,
      indictableOnlyConvictionIsGrossMisconduct: true,
    },
    source: '§2.4, §2.9, §2.10, §2.17 (Police (Amendment) Regs 2025, SI 2025/558)',
  },
]);

/** The regime governing an allegation that came to the appropriate authority's attention on this date. */
export function regimeFor(cameToAttentionOn: IsoDate): RegimeVersion {
  parseIsoDate(cameToAttentionOn);
  let found: RegimeVersion = '2012';
  for (const regime of REGIMES) {
    if (regime.appliesFrom === null || cameToAttentionOn >= regime.appliesFrom) found = regime.version;
  }
  return found;
}

export function regimeDefinition(version: RegimeVersion): RegimeDefinition {
  const regime = REGIMES.find((r) => r.version === version);
  if (!regime) throw new RangeError(`Unknown regime version: ${String(version)}`);
  return regime;
}

export function regimeFeatures(version: RegimeVersion): RegimeFeatures {
  return regimeDefinition(version).features;
}
