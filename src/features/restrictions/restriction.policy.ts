import { can, type Principal } from '../../kernel/access/principal.ts';

/**
 * Who may do what with a duty restriction (suspension and its alternatives) on a case the user may see.
 * Which cases that is stays the case need-to-know (cases-scope.ts).
 */
export const restrictionPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'restriction.read'),
  decide: (p: Principal | null | undefined) => can(p, 'restriction.decide'),
  /** The senior officer's rationale that answers the suspension flag, and a renewed one at a review. */
  seniorRationale: (p: Principal | null | undefined) => can(p, 'restriction.seniorRationale'),
};
