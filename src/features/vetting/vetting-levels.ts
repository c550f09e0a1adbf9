import type { IsoDate } from '../../kernel/time/dates.ts';
import { vettingLevels, type clearanceStatuses } from '../../db/schema/index.ts';
import type { VettingPeriod } from './vetting-clocks.ts';

/**
 * Vetting levels as data (uk-domain.md §4.2): three families, each ordered from lowest to highest. A
 * clearance satisfies a requirement when it is of the same family and at least as high. Levels of
 * different families never satisfy each other (an NPPV3 holder still needs recruitment vetting).
 *
 * Note from the reference: RV, MV, NPPV2 (full) and NPPV3 meet the Baseline Personnel Security Standard
 * (BPSS) (Kent Police national security vetting procedure); NPPV1 and NPPV2 (abbreviated) do not. BPSS is not a level held in Probity, so this
 * is recorded in {@link MEETS_BPSS} for screens and reports, not used in the ordering.
 */

export type VettingLevel = (typeof vettingLevels)[number];
export type ClearanceStatus = (typeof clearanceStatuses)[number];
export type LevelFamily = 'police' | 'nppv' | 'national_security';

export const LEVEL_FAMILIES: Readonly<Record<LevelFamily, readonly VettingLevel[]>> = Object.freeze({
  /** Force vetting of the workforce: recruitment, then management vetting for designated posts. */
  police: ['RV', 'MV'],
  /** Non-police personnel vetting. */
  nppv: ['NPPV1', 'NPPV2A', 'NPPV2F', 'NPPV3'],
  /** HMG national security vetting (not the APP): CTC < SC < eSC < DV < eDV. */
  national_security: ['CTC', 'SC', 'eSC', 'DV', 'eDV'],
});

export const LEVEL_LABELS: Readonly<Record<VettingLevel, string>> = Object.freeze({
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
});

/** RV/MV/NPPV2 (full)/NPPV3 meet BPSS (Kent Police national security vetting procedure). */
export const MEETS_BPSS: ReadonlySet<VettingLevel> = new Set<VettingLevel>(['RV', 'MV', 'NPPV2F', 'NPPV3']);

export function isVettingLevel(value: string): value is VettingLevel {
  return (vettingLevels as readonly string[]).includes(value);
}

/** The family of a level and its rank within the family (0 = lowest). */
export function levelPosition(level: VettingLevel): { family: LevelFamily; rank: number } {
  for (const [family, levels] of Object.entries(LEVEL_FAMILIES) as [LevelFamily, readonly VettingLevel[]][]) {
    const rank = levels.indexOf(level);
    if (rank >= 0) return { family, rank };
  }
  throw new RangeError(`Unknown vetting level: ${String(level)}`);
}

/** True when a clearance at `held` meets a requirement for `required`: same family and at least as high. */
export function satisfies(held: VettingLevel, required: VettingLevel): boolean {
  const h = levelPosition(held);
  const r = levelPosition(required);
  return h.family === r.family && h.rank >= r.rank;
}

/** Every level with its family and rank, for SQL that compares levels (compliance) from this one table. */
export function levelTable(): { level: VettingLevel; family: LevelFamily; rank: number }[] {
  return vettingLevels.map((level) => ({ level, ...levelPosition(level) }));
}

/** The renewal period of a level in the period table (clocks/periods.ts): `vetting_renewal_rv` … */
export function renewalPeriodOf(level: VettingLevel): VettingPeriod {
  return `vetting_renewal_${level.toLowerCase()}` as VettingPeriod;
}

/**
 * The status a clearance has today. A clearance past its expiry counts as expired in every read, even
 * before any sweep has changed its row (expiry is the end of `expires_on`).
 */
export function effectiveStatus(row: { status: ClearanceStatus; expiresOn: IsoDate }, today: IsoDate): ClearanceStatus {
  return row.status === 'active' && row.expiresOn < today ? 'expired' : row.status;
}

/** The level everyone must hold (configuration `integrity.minimumLevel`), checked against the levels. */
export function minimumLevelOf(configured: string): VettingLevel {
  if (!isVettingLevel(configured))
    throw new RangeError(`integrity.minimumLevel must be one of ${vettingLevels.join(', ')}, not "${configured}"`);
  return configured;
}
