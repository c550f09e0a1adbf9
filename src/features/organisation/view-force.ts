import type { Deps } from '../../kernel/deps.ts';
import { findForce } from './forces.repository.ts';

/** What a force's id may look like in an address: anything else is no force, without asking the database. */
const FORCE_ID = /^[a-z0-9_-]{1,40}$/;

/** A force by its id (from a public address or the signed-in user), or undefined when there is none. */
export async function viewForce(deps: Deps, forceId: string) {
  return FORCE_ID.test(forceId) ? findForce(deps.db, forceId) : undefined;
}
