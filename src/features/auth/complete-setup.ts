import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { sha256Hex } from '../../kernel/crypto.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { isRole, requiresSecondFactor } from '../../kernel/access/roles.ts';
import { findUserById, findUsableSetupToken, markSetupTokenUsed, updateUser } from './accounts.repository.ts';
import { hashPassword, passwordProblem } from './credentials.ts';
import { actorFor } from './sign-in.ts';
import { startSession, type SessionStage } from './sessions.ts';

export const setupInput = z.object({
  password: z.string().max(1024),
  confirmPassword: z.string().max(1024),
});

export async function describeSetupToken(deps: Deps, token: string): Promise<{ email: string } | null> {
  const row = await findUsableSetupToken(deps.db, sha256Hex(token), deps.now());
  if (!row) return null;
  const user = await findUserById(deps.db, row.userId);
  return user && user.status !== 'disabled' ? { email: user.email } : null;
}

/**
 * Sets the password through a one-time link and signs the user in. The link is consumed in the same
 * transaction, so it works once. Staff accounts go on to enrol a second factor.
 */
export async function completeSetup(
  deps: Deps,
  token: string,
  input: z.infer<typeof setupInput>,
  requestId: string | null,
): Promise<{ sessionToken: string; stage: SessionStage }> {
  const tokenHash = sha256Hex(token);
  const probe = await describeSetupToken(deps, token);
  if (!probe)
    throw new AppError(
      'not_found',
      'This set-up link has expired or has already been used. Ask your administrator for a new one.',
    );
  const fields: FieldErrors = {};
  const problem = passwordProblem(input.password, probe.email);
  if (problem) fields['password'] = problem;
  else if (input.password !== input.confirmPassword) fields['confirmPassword'] = 'The passwords do not match';
  if (Object.keys(fields).length > 0) throw new AppError('validation', 'Check the password', fields);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const row = await findUsableSetupToken(tx, tokenHash, deps.now());
    const user = row && (await findUserById(tx, row.userId, true));
    if (!row || !user) throw new AppError('not_found', 'This set-up link has expired or has already been used.');
    await markSetupTokenUsed(tx, tokenHash, deps.now());
    await updateUser(tx, user.id, {
      passwordHash,
      status: 'active',
      failedSignIns: 0,
      lockedUntil: null,
      version: user.version + 1,
    });
    await recordAudit(
      tx,
      actorFor(user, requestId),
      { type: 'user', id: user.id },
      { type: 'user.password_set', userId: user.id },
    );
    const needsFactor = isRole(user.role) && requiresSecondFactor(user.role);
    const stage: SessionStage = needsFactor ? (user.totpEnabledAt ? 'password' : 'totp_enrol') : 'full';
    return { sessionToken: await startSession(tx, deps, user.id, stage), stage };
  });
}
