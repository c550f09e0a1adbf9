import { can, type Principal } from '../../kernel/access/principal.ts';

/** Who may do what with a public complaint. Which complaints a user sees is complaints-scope.ts. */
export const complaintPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'complaint.read'),
  log: (p: Principal | null | undefined) => can(p, 'complaint.log'),
  decide: (p: Principal | null | undefined) => can(p, 'complaint.decide'),
  /** Reviews whose review body is the local policing body (C&M Regs 2020 reg 32). */
  review: (p: Principal | null | undefined) => can(p, 'complaint.review'),
};
