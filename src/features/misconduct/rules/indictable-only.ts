import type { IsoDate } from '../../../lib/dates.ts';
import type { Severity } from './allegation-types.ts';
import { regimeFeatures, type RegimeVersion } from '../../clocks/regime.ts';

/**
 * From 28 May 2025 (the Police (Conduct) (Amendment) Regulations 2025, SI 2025/558) a conviction for an
 * indictable-only offence always amounts to gross misconduct. Where the criminal proceedings record shows such
 * a conviction of the subject, a severity assessment other than gross misconduct is refused. Earlier regimes
 * leave the assessment to the appropriate authority. Null when the severity is allowed.
 */
export function indictableOnlyConvictionRefusal(
  regime: RegimeVersion,
  convictedOn: IsoDate | undefined,
  severity: Severity,
): string | null {
  if (!convictedOn || severity === 'gross_misconduct') return null;
  if (!regimeFeatures(regime).indictableOnlyConvictionIsGrossMisconduct) return null;
  return `The subject was convicted of an indictable-only offence on ${convictedOn}, which always amounts to gross misconduct: assess gross misconduct (Police (Conduct) (Amendment) Regulations 2025, SI 2025/558)`;
}
