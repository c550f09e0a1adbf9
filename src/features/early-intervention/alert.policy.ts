import { can, type Principal } from '../../kernel/access/principal.ts';
import type { Ability } from '../../kernel/access/roles.ts';

/** Who may do what with early-intervention alerts (never one about the user themself: ei-scope.ts). */
export const alertPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'ei.read'),
  assess: (p: Principal | null | undefined) => can(p, 'ei.assess'),
  /** Rules, interventions and closing alerts. */
  manage: (p: Principal | null | undefined) => can(p, 'ei.manage'),
  /** Whether a move of the workflow table, which names the ability it needs, is open to the user. */
  move: (p: Principal | null | undefined, move: { ability: Ability }) => can(p, move.ability),
};
