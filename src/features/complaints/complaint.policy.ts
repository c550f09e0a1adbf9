import { accountHolds, can, type AccountLike, type Principal } from '../../kernel/access/principal.ts';

/**
 * Who may do what with a public complaint. Which complaints a user sees is complaints-scope.ts (by the
 * appropriate authority the user acts for: the force's chief officer, or the local policing body for a
 * complaint about the chief officer — complaint.localPolicingBody — and need-to-know given on one complaint).
 */
export const complaintPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'complaint.read'),
  log: (p: Principal | null | undefined) => can(p, 'complaint.log'),
  decide: (p: Principal | null | undefined) => can(p, 'complaint.decide'),
  /** Reviews whose review body is the local policing body (C&M Regs 2020 reg 32). */
  review: (p: Principal | null | undefined) => can(p, 'complaint.review'),
  /** Give someone need-to-know of a complaint the user handles (its appropriate authority's function). */
  grantAccess: (p: Principal | null | undefined) => can(p, 'complaint.decide'),
  /** Whom need-to-know may be given: an active account that may read complaints. */
  mayBeGivenAccess: (account: AccountLike | null | undefined) => accountHolds(account, 'complaint.read'),
  /** Whether the user logs complaints about the chief officer (the local policing body's function). */
  actsForLocalPolicingBody: (p: Principal | null | undefined) => can(p, 'complaint.localPolicingBody'),
};
