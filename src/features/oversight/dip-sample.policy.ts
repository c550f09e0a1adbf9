import { accountHolds, can, type AccountLike, type Principal } from '../../kernel/access/principal.ts';

/** Who may grant a dip sample, and who a sample may be granted to. */
export const dipSamplePolicy = {
  grant: (p: Principal | null | undefined) => can(p, 'dipsample.grant'),

  /**
   * A sample is for an active oversight user (the commissioner's office) who cannot read cases otherwise;
   * a user who already reads cases needs no sample.
   */
  mayBeGrantee: (account: AccountLike | null | undefined) =>
    accountHolds(account, 'oversight.dashboard') && !accountHolds(account, 'case.read'),
};
