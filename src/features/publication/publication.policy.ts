import { can, type Principal } from '../access/principal.ts';

/** Who may decide what the force publishes on its public page (hearing notices and outcomes). */
export const publicationPolicy = {
  manage: (p: Principal | null | undefined) => can(p, 'publication.manage'),
};
