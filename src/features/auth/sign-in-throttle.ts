import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { randomToken, sha256Hex } from '../../kernel/crypto.ts';
import { afterFailure, secondsToWait, type ThrottlePolicy } from './sign-in-throttle-rules.ts';
import {
  clearThrottles,
  findDevice,
  insertDevice,
  lockThrottle,
  readThrottles,
  saveThrottle,
} from './sign-in-throttle.repository.ts';

/** Who is trying to sign in, as far as the request tells: its address and the browser's device token, if any. */
export type SignInClient = { address: string; deviceToken: string | undefined };

/**
 * The keys an attempt is counted under: the account (by its e-mail address, known or not) — or, for a
 * browser that has completed sign-in for that account before, that browser instead — and the client
 * address. A stranger's failures therefore slow down the stranger's own address and the account for
 * browsers it has never trusted, never the holder's own browser ("device cookies", OWASP), and every
 * wait ends (sign-in-throttle-rules.ts): there is no lock a stranger can hold.
 */
export type SignInThrottle = {
  entries: { key: string; policy: ThrottlePolicy }[];
  /** The account's keys, cleared by a completed sign-in (the address's count runs out with its window). */
  accountKeys: string[];
  /** True when the browser already holds a live device token for this account. */
  trustedDevice: boolean;
};

export async function throttleFor(
  deps: Deps,
  email: string,
  userId: string | undefined,
  client: SignInClient,
): Promise<SignInThrottle> {
  const c = deps.config.signInThrottle;
  const policy = (allowed: number): ThrottlePolicy => ({
    allowed,
    windowMinutes: c.windowMinutes,
    delaySeconds: c.delaySeconds,
    maxDelaySeconds: c.maxDelaySeconds,
  });
  const accountKey = `account:${sha256Hex(email.trim().toLowerCase())}`;
  let deviceKey: string | null = null;
  if (client.deviceToken && userId) {
    const hash = sha256Hex(client.deviceToken);
    const device = await findDevice(deps.db, hash);
    const live = device && device.createdAt.getTime() + c.deviceDays * 86_400_000 > deps.now().getTime();
    if (device?.userId === userId && live) deviceKey = `device:${hash}`;
  }
  return {
    entries: [
      { key: deviceKey ?? accountKey, policy: policy(c.accountFailures) },
      { key: `address:${sha256Hex(client.address)}`, policy: policy(c.addressFailures) },
    ],
    accountKeys: deviceKey ? [accountKey, deviceKey] : [accountKey],
    trustedDevice: deviceKey !== null,
  };
}

/** Seconds before this attempt may be checked at all (0: now). */
export async function secondsBeforeAttempt(deps: Deps, throttle: SignInThrottle): Promise<number> {
  const states = await readThrottles(
    deps.db,
    throttle.entries.map((e) => e.key),
  );
  const now = deps.now();
  return Math.max(0, ...throttle.entries.map((e) => secondsToWait(states.get(e.key), now)));
}

/** Counts a failed attempt under every key of the attempt, in the caller's transaction. */
export async function recordSignInFailure(tx: Db, deps: Deps, throttle: SignInThrottle): Promise<void> {
  for (const { key, policy } of throttle.entries) {
    const state = await lockThrottle(tx, key);
    await saveThrottle(tx, key, afterFailure(state, policy, deps.now()));
  }
}

/**
 * A completed sign-in: the account's count starts again, and a browser not yet trusted for the account is
 * given a device token (returned, for the cookie; only its hash is stored).
 */
export async function recordSignInSuccess(
  tx: Db,
  deps: Deps,
  throttle: SignInThrottle,
  userId: string,
): Promise<string | null> {
  await clearThrottles(tx, throttle.accountKeys);
  if (throttle.trustedDevice) return null;
  const token = randomToken();
  await insertDevice(tx, { tokenHash: sha256Hex(token), userId, createdAt: deps.now() });
  return token;
}

/** The same words whichever account, known or not, and whichever key asked for the wait. */
export function waitMessage(seconds: number): string {
  const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed attempts to sign in. Wait ${wait}, then try again.`;
}
