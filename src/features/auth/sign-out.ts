import type { Deps } from '../../kernel/deps.ts';
import { sha256Hex } from '../../kernel/crypto.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { deleteSession, deleteSessionsOfUser, type UserRow } from './accounts.repository.ts';
import { actorFor } from './sign-in.ts';

/** Ends this session, or every session of the user ("sign out everywhere"). */
export async function signOut(
  deps: Deps,
  user: UserRow,
  token: string,
  everywhere: boolean,
  requestId: string | null,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    let ended = 1;
    if (everywhere) ended = await deleteSessionsOfUser(tx, user.id);
    else await deleteSession(tx, sha256Hex(token));
    await recordAudit(
      tx,
      actorFor(user, requestId),
      { type: 'user', id: user.id },
      { type: 'user.signed_out', userId: user.id, everywhere, sessionsEnded: ended },
    );
  });
}
