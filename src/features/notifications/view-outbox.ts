import type { Deps } from '../../kernel/deps.ts';
import { authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { outboxPolicy } from './outbox.policy.ts';
import { countOutboxByStatus, listOutbox } from './notifications.repository.ts';

/**
 * The force's outbox for administrators (user.manage): recipients, subjects, states, attempts and the last
 * error, so that failed or waiting e-mail is visible. Bodies are not shown (they hold set-up links), and the
 * subjects carry only references.
 */
export async function viewOutbox(deps: Deps, principal: Principal | null) {
  authorizeBy(principal, outboxPolicy.read);
  return {
    smtpConfigured: deps.config.mail.smtpUrl !== null,
    counts: await countOutboxByStatus(deps.db, principal.forceId),
    items: await listOutbox(deps.db, { forceId: principal.forceId, limit: 200 }),
  };
}
