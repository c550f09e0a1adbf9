import { can, type Principal } from '../../kernel/access/principal.ts';

/** Who may do what in the inspection recommendation tracker: the force's side and the commissioner's. */
export const recommendationPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'recommendation.read'),
  /** The force's side: owners, actions, evidence, self-assessment. */
  manage: (p: Principal | null | undefined) => can(p, 'recommendation.manage'),
  /** The commissioner's side: reports, verified status, the published response. */
  verify: (p: Principal | null | undefined) => can(p, 'recommendation.verify'),
  signoff: (p: Principal | null | undefined) => can(p, 'recommendation.signoff'),
};
