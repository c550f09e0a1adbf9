import { accountHolds, can, type AccountLike, type Principal } from '../../kernel/access/principal.ts';
import { actionAbility } from './allegation-action-input.ts';
import type { ActionType } from './rules/allegation-types.ts';

/**
 * Who may do what to a conduct case. Which cases a user may see at all is need-to-know (cases-scope.ts);
 * this module answers the yes/no questions the use cases enforce and the pages show, so that a page never
 * decides from a role itself.
 */
export const casePolicy = {
  read: (p: Principal | null | undefined) => can(p, 'case.read'),
  create: (p: Principal | null | undefined) => can(p, 'case.create'),
  allocate: (p: Principal | null | undefined) => can(p, 'case.allocate'),
  progress: (p: Principal | null | undefined) => can(p, 'allegation.progress'),
  decide: (p: Principal | null | undefined) => can(p, 'allegation.decide'),

  /** Whether the user may take this action on an allegation (each action names the ability it needs). */
  act: (p: Principal | null | undefined, action: ActionType) => can(p, 'case.read') && can(p, actionAbility[action]),

  /** Who may be named on a restricted case: an active account whose role may read cases. */
  mayBeNamed: (account: AccountLike | null | undefined) => accountHolds(account, 'case.read'),

  /** Who may lead an investigation: an active account whose role may progress allegations. */
  mayLead: (account: AccountLike | null | undefined) => accountHolds(account, 'allegation.progress'),

  /** What this user may do to this case now: the case page's `can`. */
  on(p: Principal | null | undefined, theCase: { status: string }) {
    const open = theCase.status === 'open';
    return {
      allocate: can(p, 'case.allocate'),
      correct: can(p, 'allegation.progress') && open,
      removeSubjects: can(p, 'allegation.decide') && open,
      recordSubjectLeft: can(p, 'allegation.decide'),
      arrangeHearings: can(p, 'allegation.decide'),
    };
  },
};
