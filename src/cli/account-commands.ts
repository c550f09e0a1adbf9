import { createUser } from '../features/auth/create-user.ts';
import { createApiToken } from '../features/auth/api-tokens.ts';
import { findUserByEmail } from '../features/auth/accounts.repository.ts';
import { currentTotpCode } from '../features/auth/credentials.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { demoAccounts, demoTotpSecret } from '../features/organisation/demo-accounts.ts';
import { AppError } from '../kernel/errors.ts';
import { openContext } from './context.ts';

export async function createUserCommand(o: {
  email: string;
  role: string;
  force: string;
  name?: string;
  person?: string;
}): Promise<void> {
  const ctx = await openContext('probity user create');
  try {
    const created = await createUser(ctx.deps, systemActor('probity user create'), {
      email: o.email,
      role: o.role as never,
      forceId: o.force,
      displayName: o.name,
      personId: o.person ?? null,
    });
    console.log(`Created ${created.user.email} (${created.user.role}, ${created.user.forceId}).`);
    console.log(`One-time set-up link (valid ${ctx.config.setupLinkHours} hours):\n${created.setupLink}`);
    console.log(
      ctx.config.mail.smtpUrl
        ? 'It is also e-mailed to the account (by the running server, or the next `probity clocks sweep`).'
        : 'It is also queued as e-mail, which waits in the outbox until PROBITY_SMTP_URL is set.',
    );
  } finally {
    await ctx.close();
  }
}

export async function createTokenCommand(o: { user: string; name: string }): Promise<void> {
  const ctx = await openContext('probity token create');
  try {
    const user = await findUserByEmail(ctx.deps.db, o.user);
    if (!user) throw new AppError('not_found', `No account ${o.user}`);
    const created = await createApiToken(
      ctx.deps,
      { ...systemActor('probity token create', user.forceId) },
      user.id,
      o.name,
    );
    console.log(created.token);
  } finally {
    await ctx.close();
  }
}

/** Demo accounts only: their TOTP keys are derived from the email and printed at start-up anyway. */
export async function demoCodeCommand(email: string): Promise<void> {
  const account = demoAccounts.find((a) => a.email === email.trim().toLowerCase());
  if (!account)
    throw new AppError('not_found', `${email} is not a demo account. Real accounts use their own authenticator app.`);
  console.log(await currentTotpCode(demoTotpSecret(account.email)));
}
