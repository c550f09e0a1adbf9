import { can, type Principal } from '../../kernel/access/principal.ts';

/**
 * Who may administer accounts. Only the administrator's own force is ever reached (the repository narrows
 * every read to it); this module answers whether the user may administer accounts at all.
 */
export const userPolicy = {
  manage: (p: Principal | null | undefined) => can(p, 'user.manage'),
};
