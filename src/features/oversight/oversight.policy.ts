import { can, type Principal } from '../../kernel/access/principal.ts';

/** Who may see the force's aggregate figures, and whether without small-cell suppression. */
export const oversightPolicy = {
  dashboard: (p: Principal | null | undefined) => can(p, 'oversight.dashboard'),
  unsuppressed: (p: Principal | null | undefined) => can(p, 'oversight.unsuppressed'),
};
