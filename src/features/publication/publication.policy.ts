import { can, type Principal } from '../../kernel/access/principal.ts';

/** Who may decide what the force publishes on its public page (hearing notices and outcomes). */
export const publicationPolicy = {
  manage: (p: Principal | null | undefined) => can(p, 'publication.manage'),
  /**
   * A member of the public signed in holds no ability at all: their start page offers the force's public
   * page of hearings instead (which anyone may read without signing in).
   */
  offerPublicPage: (p: Principal | null | undefined) => p?.role === 'public',
};
