import type { Deps } from '../../kernel/deps.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { findUserByEmail } from './accounts.repository.ts';
import { principalOf } from './sessions.ts';

/** The principal of a demo account, for the demo seeds that write through the real use cases. */
export async function accountOf(deps: Deps, email: string): Promise<Principal> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new Error(`demo data: no account ${email}; seed the demo accounts first`);
  return principalOf(user);
}
