import { can, type Principal } from '../../kernel/access/principal.ts';
import type { Ability } from '../../kernel/access/roles.ts';

/** Who may do what with early-intervention alerts (never one about the user themself: ei-scope.ts). */
export const alertPolicy = {
  /** The force's alerts (PSD). */
  read: (p: Principal | null | undefined) => can(p, 'ei.read'),
  /**
   * A supervisor's read-only view of their own units' alerts; which alerts, and whether the force has turned
   * it on at all, is need-to-know (ei-scope.ts, ei_settings).
   */
  readOwnUnits: (p: Principal | null | undefined) => can(p, 'ei.unitAlerts'),
  /** Either door to the alert list and an alert's page. */
  readAny: (p: Principal | null | undefined) => can(p, 'ei.read') || can(p, 'ei.unitAlerts'),
  assess: (p: Principal | null | undefined) => can(p, 'ei.assess'),
  /** Rules, interventions, closing alerts and the force's early-intervention settings. */
  manage: (p: Principal | null | undefined) => can(p, 'ei.manage'),
  /** Whether a move of the workflow table, which names the ability it needs, is open to the user. */
  move: (p: Principal | null | undefined, move: { ability: Ability }) => can(p, move.ability),
};
