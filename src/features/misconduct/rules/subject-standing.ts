import type { IsoDate } from '../../../kernel/time/dates.ts';
import { addMonths } from '../../../kernel/time/working-days.ts';

/**
 * Who the officer process applies to, and in what form (legal review, December 2026):
 *
 * - The Police (Conduct) Regulations 2020 cover police officers and special constables (specials are treated as
 *   non-senior officers) [S]. Police staff and volunteers are outside them: their matters go through the force's
 *   own staff procedures, so the officer track is refused for them, with that reason.
 * - Reduction in rank needs a lower rank to exist and is not given to an officer already reduced in the same
 *   proceedings (Conduct Regs reg 62(6)–(7) [V]; "the same proceedings" is read as the same case [G]).
 * - A former officer is covered only for gross misconduct, and only under Condition A, B or C
 *   (Conduct Regs reg 4(2)–(5) [V]); Condition C needs the IOPC's special determination (reg 4A [V]).
 */

export type PersonType = 'officer' | 'special' | 'staff' | 'volunteer';

export const STAFF_REFUSAL =
  'Police staff and volunteers are outside the Police (Conduct) Regulations 2020: record this matter under the force’s staff procedures, not the officer track';

/** The ranks of a Home Office force, lowest first (Police Act 1996 s.13 and the Police Regulations 2003) [S]. */
export const POLICE_RANKS = [
  'constable',
  'sergeant',
  'inspector',
  'chief inspector',
  'superintendent',
  'chief superintendent',
] as const;

/** Whether a reduction in rank is possible at all: a recognised rank with one below it; never for a special. */
export function lowerRankExists(personType: PersonType, rank: string | null | undefined): boolean {
  if (personType !== 'officer' || !rank) return false;
  const index = (POLICE_RANKS as readonly string[]).indexOf(rank.trim().toLowerCase());
  return index > 0;
}

export type FormerOfficerCondition = 'A' | 'B' | 'C';

/**
 * Conduct Regs reg 4(2)–(5): Condition A — the matter came to the authority's attention while the officer was
 * serving (on or before the day they left); Condition B — within the 12 months after they left; Condition C —
 * later than that, which also needs the IOPC's special determination.
 */
export function formerOfficerCondition(leftOn: IsoDate, cameToAttentionOn: IsoDate): FormerOfficerCondition {
  if (cameToAttentionOn <= leftOn) return 'A';
  return cameToAttentionOn <= addMonths(leftOn, 12) ? 'B' : 'C';
}
