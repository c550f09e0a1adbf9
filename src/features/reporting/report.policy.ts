import { can, type Principal } from '../../kernel/access/principal.ts';
import { rolesHolding } from '../../kernel/access/roles.ts';

/**
 * Who may do what with an anonymous report. Only the confidential unit holds these abilities; which
 * reports a member sees is the reports repository's scope.
 */
export const reportPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'report.read'),
  manage: (p: Principal | null | undefined) => can(p, 'report.manage'),
  custodian: (p: Principal | null | undefined) => can(p, 'report.custodian'),

  /** A request to reveal an identity is decided by a custodian other than the member who asked. */
  decideReveal: (p: Principal | null | undefined, request: { requestedBy: string }) =>
    can(p, 'report.custodian') && p?.userId !== request.requestedBy,

  /** The roles whose members a report may be assigned to: those that manage reports. */
  assigneeRoles: () => rolesHolding('report.manage'),
};
