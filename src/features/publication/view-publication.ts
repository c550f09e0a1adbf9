import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { findVisiblePublication } from './publication.repository.ts';

/** One notice, for the appropriate authority to publish, give its outcome or withdraw. A notice of a case they cannot see is "not found". */
export async function viewPublication(deps: Deps, principal: Principal | null, id: string) {
  authorize(principal, 'publication.manage', 'notice');
  if (!z.string().uuid().safeParse(id).success) throw notFound('notice');
  const row = await deps.db.transaction((tx) => findVisiblePublication(tx, principal, id));
  if (!row) throw notFound('notice');
  return row;
}
