import { can, type Principal } from '../../kernel/access/principal.ts';
import { rolesHolding } from '../../kernel/access/roles.ts';

/** Who may do what with a vetting file (never one's own: vetting-scope.ts). */
export const vettingFilePolicy = {
  read: (p: Principal | null | undefined) => can(p, 'vetting.read'),
  decide: (p: Principal | null | undefined) => can(p, 'vetting.decide'),
  lists: (p: Principal | null | undefined) => can(p, 'vetting.lists'),
  declare: (p: Principal | null | undefined) => can(p, 'vetting.declare'),
  /** A change of circumstances is declared about one's own person record, so only by a user linked to one. */
  declareOwn: (p: Principal | null | undefined) => can(p, 'vetting.declare') && !!p?.personId,
  /** The roles whose holders a review may be assigned to: those that can read vetting files. */
  reviewerRoles: () => rolesHolding('vetting.read'),
};
