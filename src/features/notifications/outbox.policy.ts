import { can, type Principal } from '../../kernel/access/principal.ts';

/**
 * Who may read the e-mail outbox. It holds account e-mails (set-up links, reminders), so those who administer
 * accounts read it, and no one else.
 */
export const outboxPolicy = {
  read: (p: Principal | null | undefined) => can(p, 'user.manage'),
};
