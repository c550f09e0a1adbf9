import { can, type Principal } from '../../kernel/access/principal.ts';
import type { Ability } from '../../kernel/access/roles.ts';

/**
 * Who may see the deadline lists. Each owner kind of the one clock store has its readers, and the lists show a
 * user the clocks of every kind they may read (each under its own need-to-know): case clocks with
 * `case.read`, complaint clocks with `complaint.read`, vetting clocks with `vetting.read`, the confidential
 * reports' clocks with `report.read`. Anyone holding at least one of them has the lists (and the link to
 * them); anyone else is refused (404).
 */
const READERS: readonly Ability[] = ['case.read', 'complaint.read', 'vetting.read', 'report.read'];

export const deadlinesPolicy = {
  /** "Your deadlines" and the force's due and overdue list. */
  list: (p: Principal | null | undefined) => READERS.some((a) => can(p, a)),
  /** The ability to name when refusing (authorize): the first the principal holds, else `case.read`. */
  readerAbility: (p: Principal | null | undefined): Ability => READERS.find((a) => can(p, a)) ?? 'case.read',
  /**
   * Whether "Your deadlines" offers the force's list: to those whose "mine" is narrower than everything they
   * may read — the appropriate authority (every case) and the confidential unit (reports assigned to others).
   */
  offerForceList: (p: Principal | null | undefined) => can(p, 'case.readAll') || can(p, 'report.read'),
};
