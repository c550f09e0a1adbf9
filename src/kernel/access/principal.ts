import { AppError, notFound } from '../errors.ts';
import type { AuditActor } from '../audit/audit-events.ts';
import { isRole, roleAbilities, type Ability, type Role } from './roles.ts';

/** The signed-in user as every use case sees it. */
export type Principal = {
  userId: string;
  forceId: string;
  role: Role;
  email: string;
  displayName: string;
  /** The person record of the user themself, if linked: never visible to them. */
  personId: string | null;
};

export function can(principal: Principal | null | undefined, ability: Ability): boolean {
  return !!principal && roleAbilities(principal.role).includes(ability);
}

/**
 * Throws unless the principal holds the ability. The refusal is a 404 so that a page or record the user
 * may not see looks exactly like one that does not exist.
 */
export function authorize(
  principal: Principal | null | undefined,
  ability: Ability,
  what = 'page',
): asserts principal is Principal {
  if (!principal) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (!can(principal, ability)) throw notFound(what);
}

/**
 * Throws unless a policy allows the principal (a policy module's question, such as `userPolicy.manage`).
 * As with `authorize`, the refusal is a 404.
 */
export function authorizeBy(
  principal: Principal | null | undefined,
  allowed: (principal: Principal) => boolean,
  what = 'page',
): asserts principal is Principal {
  if (!principal) throw new AppError('unauthenticated', 'Sign in to continue.');
  if (!allowed(principal)) throw notFound(what);
}

/** An account as stored (not signed in): what a policy asks of someone to be named, allocated or granted. */
export type AccountLike = { role: string; status: string };

/** Whether an account, signed in or not, is active and its role holds the ability. */
export function accountHolds(account: AccountLike | null | undefined, ability: Ability): boolean {
  return (
    !!account && account.status === 'active' && isRole(account.role) && roleAbilities(account.role).includes(ability)
  );
}

export function actorOf(principal: Principal, requestId: string | null): AuditActor {
  return { userId: principal.userId, label: principal.email, requestId, forceId: principal.forceId };
}
