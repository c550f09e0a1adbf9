import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { userPolicy } from './user.policy.ts';
import { roles } from '../../kernel/access/roles.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findForce } from '../organisation/index.ts';
import { deleteSessionsOfUser, updateUser } from '../auth/index.ts';
import { createUser, emailSetupLink, issueSetupLink } from '../auth/index.ts';
import { findAccountOfForce, listAccountsOfForce } from './admin-accounts.repository.ts';

export type { AdminAccountRow } from './admin-accounts.repository.ts';

/**
 * Account administration behind `user.manage`: the administrator's own force only (another force's account
 * answers 404), every change audited in its transaction, nothing about cases.
 */

export async function listAccounts(deps: Deps, principal: Principal | null) {
  authorizeBy(principal, userPolicy.manage);
  return listAccountsOfForce(deps.db, principal.forceId);
}

export async function viewAccount(deps: Deps, principal: Principal | null, id: string) {
  authorizeBy(principal, userPolicy.manage);
  const parsed = z.string().uuid().safeParse(id);
  const account = parsed.success ? await findAccountOfForce(deps.db, principal.forceId, parsed.data) : undefined;
  if (!account) throw notFound('account');
  return account;
}

export const adminCreateInput = z.object({
  email: z.string(),
  displayName: z.string().trim().min(1, 'Enter the name').max(200, 'The name must be 200 characters or fewer'),
  role: z.string(),
});

/** Creates an account in the administrator's force; the set-up link goes by e-mail (the outbox). */
export async function createAccountAsAdmin(
  deps: Deps,
  principal: Principal | null,
  raw: unknown,
  requestId: string | null,
) {
  authorizeBy(principal, userPolicy.manage);
  const input = parseInput(adminCreateInput, raw, 'Check the new account');
  const created = await createUser(deps, actorOf(principal, requestId), {
    email: input.email,
    displayName: input.displayName,
    role: input.role as (typeof roles)[number],
    forceId: principal.forceId,
  });
  return created.user;
}

export const adminUpdateInput = z.object({
  version: z.coerce.number().int().min(1, 'The version is missing'),
  displayName: z.string().trim().min(1, 'Enter the name').max(200),
  role: z.enum(roles, { message: `Role must be one of: ${roles.join(', ')}` }),
  forceId: z.string().trim().min(1, 'Choose the force'),
});

/** Changes an account's name, role or force (moving it to another force hands it to that force's administrators). */
export async function updateAccount(
  deps: Deps,
  principal: Principal | null,
  id: string,
  raw: unknown,
  requestId: string | null,
) {
  authorizeBy(principal, userPolicy.manage);
  const input = parseInput(adminUpdateInput, raw, 'Check the account');
  return deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, principal, id);
    if (account.version !== input.version) throw staleVersion();
    if (account.id === principal.userId && (input.role !== account.role || input.forceId !== account.forceId))
      throw new AppError('validation', 'Check the account', {
        role: 'You cannot change your own role or force: ask another administrator',
      });
    const force = await findForce(tx, input.forceId);
    if (!force) throw new AppError('validation', 'Check the account', { forceId: `No force "${input.forceId}"` });
    const changes: Record<string, { from: string | null; to: string | null }> = {};
    if (input.displayName !== account.displayName)
      changes['displayName'] = { from: account.displayName, to: input.displayName };
    if (input.role !== account.role) changes['role'] = { from: account.role, to: input.role };
    if (input.forceId !== account.forceId) changes['forceId'] = { from: account.forceId, to: input.forceId };
    if (Object.keys(changes).length === 0) return { version: account.version };
    await updateUser(tx, account.id, {
      displayName: input.displayName,
      role: input.role,
      forceId: input.forceId,
      version: account.version + 1,
    });
    // A new role or force takes effect at once: the account's sessions end and it signs in again.
    if (changes['role'] || changes['forceId']) await deleteSessionsOfUser(tx, account.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'user', id: account.id },
      {
        type: 'user.updated',
        userId: account.id,
        changes,
      },
    );
    return { version: account.version + 1 };
  });
}

export const statusInput = z.object({
  status: z.enum(['disabled', 'active'], { message: 'Status must be "disabled" or "active"' }),
});

/** Disables an account (its sessions end at once) or enables it again. An administrator cannot disable themself. */
export async function setAccountStatus(
  deps: Deps,
  principal: Principal | null,
  id: string,
  raw: unknown,
  requestId: string | null,
) {
  authorizeBy(principal, userPolicy.manage);
  const input = parseInput(statusInput, raw);
  return deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, principal, id);
    if (account.id === principal.userId)
      throw new AppError('validation', 'You cannot disable your own account', { status: 'Ask another administrator' });
    const actor = actorOf(principal, requestId);
    if (input.status === 'disabled' && account.status !== 'disabled') {
      await updateUser(tx, account.id, { status: 'disabled', version: account.version + 1 });
      const sessionsEnded = await deleteSessionsOfUser(tx, account.id);
      await recordAudit(
        tx,
        actor,
        { type: 'user', id: account.id },
        { type: 'user.disabled', userId: account.id, sessionsEnded },
      );
    } else if (input.status === 'active' && account.status === 'disabled') {
      // An account that never finished set-up goes back to pending: it has no password to sign in with.
      const next = account.hasPassword ? 'active' : 'pending';
      await updateUser(tx, account.id, {
        status: next,
        failedSignIns: 0,
        lockedUntil: null,
        version: account.version + 1,
      });
      await recordAudit(tx, actor, { type: 'user', id: account.id }, { type: 'user.enabled', userId: account.id });
    }
  });
}

/**
 * Resets the second factor: the authenticator is forgotten, every session ends, and a new set-up link is
 * e-mailed, through which the holder sets a password and enrols again.
 */
export async function resetSecondFactor(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorizeBy(principal, userPolicy.manage);
  return deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, principal, id);
    if (account.status === 'disabled')
      throw new AppError('validation', 'Enable the account before resetting its second factor', { form: 'Disabled' });
    const actor = actorOf(principal, requestId);
    await updateUser(tx, account.id, { totpSecret: null, totpEnabledAt: null, version: account.version + 1 });
    const sessionsEnded = await deleteSessionsOfUser(tx, account.id);
    await recordAudit(
      tx,
      actor,
      { type: 'user', id: account.id },
      {
        type: 'user.second_factor_reset',
        userId: account.id,
        sessionsEnded,
      },
    );
    const link = await issueSetupLink(tx, deps, actor, account.id);
    await emailSetupLink(tx, deps, { ...account, purpose: 'reset' }, link);
  });
}

async function lockAccount(tx: Deps['db'], principal: Principal, id: string) {
  const parsed = z.string().uuid().safeParse(id);
  const account = parsed.success ? await findAccountOfForce(tx, principal.forceId, parsed.data, true) : undefined;
  if (!account) throw notFound('account');
  return account;
}
