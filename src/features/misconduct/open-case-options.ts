import type { Deps } from '../../kernel/deps.ts';
import { authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { listUsersOfForce } from '../auth/index.ts';
import { casePolicy } from './case.policy.ts';
import { listCategories } from './cases.repository.ts';

/**
 * What the "open a case" form offers: the allegation categories in their groups, and the users who may be
 * named on a restricted case (case.policy.ts, the same rule `openCase` enforces), never the opener, who is
 * named anyway.
 */
export async function openCaseOptions(deps: Deps, principal: Principal | null) {
  authorizeBy(principal, casePolicy.create, 'page');
  const categoryGroups = await categoryChoices(deps);
  const nameable = (await listUsersOfForce(deps.db, principal.forceId)).filter(
    (u) => u.id !== principal.userId && casePolicy.mayBeNamed(u),
  );
  return { categoryGroups, nameable };
}

/** The allegation categories as a form offers them: each group with its sub-categories (or itself alone). */
export async function categoryChoices(deps: Deps) {
  const categories = await listCategories(deps.db);
  return categories
    .filter((c) => !c.parent_code)
    .map((g) => {
      const children = categories.filter((c) => c.parent_code === g.code);
      return {
        label: g.label,
        options: (children.length ? children : [g]).map((c) => ({ code: c.code, label: c.label })),
      };
    });
}
