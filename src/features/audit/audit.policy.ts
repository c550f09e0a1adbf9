import { can, type Principal } from '../../kernel/access/principal.ts';

/**
 * Who may see the audit log. Kept apart from the use case so that pages and navigation can ask the same
 * question the use case enforces, without duplicating the rule. Reading is always limited to the reader's
 * own force; that narrowing is done by the use case, not here, because it is not a yes/no question.
 */
export const auditPolicy = {
  read: (principal: Principal | null | undefined): boolean => can(principal, 'audit.read'),
};
