import type { Deps } from '../../../kernel/deps.ts';
import { type Principal } from '../../../kernel/access/principal.ts';
import { designatedPostsOf } from './compliance.repository.ts';
import { currentPostingRoles, unitsForChoice } from './designated-posts.repository.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

/**
 * The designated-post register (§4.6): posts that need more than the minimum clearance (MV for sensitive
 * roles, NPPV or national security levels), matched to people by the role of their current posting and,
 * optionally, its unit (that unit and every unit beneath it). Active posts first. Not a vetting file: no
 * person is named, so the read is not audited.
 */
export async function listDesignatedPosts(deps: Deps, principal: Principal | null) {
  authorizeVettingRead(principal, 'page');
  const posts = await designatedPostsOf(deps.db, principal.forceId, false);
  const roles = await currentPostingRoles(deps.db, principal.forceId);
  const units = await unitsForChoice(deps.db, principal.forceId);
  return { posts, roles, units, canChange: vettingFilePolicy.decide(principal) };
}
