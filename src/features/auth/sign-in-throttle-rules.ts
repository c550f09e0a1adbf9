/**
 * The sign-in slow-down as pure rules. Each key (an account, a trusted browser, a client address) counts
 * its failed attempts within a window; once the count reaches the allowance, the next attempt under that
 * key is not checked before a wait that doubles with each further failure, up to a ceiling. A refused
 * attempt is not a failure and does not lengthen the wait, so the wait always ends.
 */

export type ThrottleState = { failures: number; windowStartedAt: Date; notBefore: Date | null };

export type ThrottlePolicy = {
  /** Failures allowed within the window before attempts wait. */
  allowed: number;
  windowMinutes: number;
  delaySeconds: number;
  maxDelaySeconds: number;
};

/** Whole seconds before an attempt under this key may be checked (0: now). */
export function secondsToWait(state: ThrottleState | undefined, now: Date): number {
  if (!state?.notBefore) return 0;
  const ms = state.notBefore.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The state after one more failed attempt. A window that has passed starts the count again. */
export function afterFailure(state: ThrottleState | undefined, policy: ThrottlePolicy, now: Date): ThrottleState {
  const windowOver = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMinutes * 60_000;
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver ? now : state.windowStartedAt;
  if (failures < policy.allowed) return { failures, windowStartedAt, notBefore: null };
  const doublings = Math.min(failures - policy.allowed, 30);
  const seconds = Math.min(policy.delaySeconds * 2 ** doublings, policy.maxDelaySeconds);
  return { failures, windowStartedAt, notBefore: new Date(now.getTime() + seconds * 1000) };
}
