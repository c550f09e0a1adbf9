import type { Deps } from '../../kernel/deps.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { countUnreadNotices, deliveryChoiceOf, listNoticesOfUser } from './notifications.repository.ts';

export type ShownNotice = {
  id: string;
  kind: string;
  reference: string;
  message: string;
  link: string | null;
  createdAt: Date;
  read: boolean;
};

/** How many of the signed-in user's own notices are unread (the count in the page header). */
export async function countUnread(deps: Deps, principal: Principal): Promise<number> {
  return countUnreadNotices(deps.db, principal.userId);
}

const WITHHELD = 'A notice about a record you can no longer see.';

/**
 * The signed-in user's own notices, unread first. A notice about a case the user may no longer see (they
 * were taken off it, or it became restricted) is shown without its reference, message or link: need-to-know
 * is checked now, in the same SQL scope as every case read (notifications.repository.ts).
 */
export async function listNotifications(deps: Deps, principal: Principal, o: { limit?: number } = {}) {
  const rows = await listNoticesOfUser(deps.db, principal, o.limit ?? 100);
  const items: ShownNotice[] = rows.map((r) =>
    r.visible
      ? {
          id: r.id,
          kind: r.kind,
          reference: r.reference,
          message: r.message,
          link: r.link,
          createdAt: r.created_at,
          read: r.read_at !== null,
        }
      : {
          id: r.id,
          kind: r.kind,
          reference: '—',
          message: WITHHELD,
          link: null,
          createdAt: r.created_at,
          read: r.read_at !== null,
        },
  );
  return {
    items,
    unread: await countUnreadNotices(deps.db, principal.userId),
    delivery: await deliveryChoiceOf(deps.db, principal.userId),
  };
}
