import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { findForce } from '../organisation/index.ts';
import { masterKeyOf } from './report-crypto.ts';

/** The force whose reporting page this is: 404 for no such force, 503 while the channel has no key. */
export async function reportingForce(deps: Deps, forceId: string): Promise<{ id: string; name: string }> {
  masterKeyOf(deps.config.reporting);
  const force = /^[a-z0-9_-]{1,40}$/.test(forceId) ? await findForce(deps.db, forceId) : undefined;
  if (!force) throw notFound('page');
  return { id: force.id, name: force.name };
}
