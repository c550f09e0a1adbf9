import { describe, expect, it } from 'vitest';
import { afterFailure, secondsToWait, type ThrottleState } from './sign-in-throttle-rules.ts';

const policy = { allowed: 3, windowMinutes: 15, delaySeconds: 10, maxDelaySeconds: 60 };
const t0 = new Date('2026-12-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function failTimes(n: number, start = 0): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let i = 0; i < n; i++) state = afterFailure(state, policy, at(start + i));
  return state;
}

describe('sign-in slow-down rules', () => {
  it('lets the allowance of failures through without a wait', () => {
    const state = failTimes(2);
    expect(state?.failures).toBe(2);
    expect(secondsToWait(state, at(2))).toBe(0);
  });

  it('waits once the allowance is reached, doubling with each further failure up to the ceiling', () => {
    expect(secondsToWait(failTimes(3), at(2))).toBe(10);
    expect(secondsToWait(failTimes(4), at(3))).toBe(20);
    expect(secondsToWait(failTimes(5), at(4))).toBe(40);
    expect(secondsToWait(failTimes(6), at(5))).toBe(60);
    expect(secondsToWait(failTimes(60), at(59))).toBe(60);
  });

  it('always ends: after the wait an attempt is checked again', () => {
    const state = failTimes(10);
    expect(secondsToWait(state, at(9 + 60))).toBe(0);
  });

  it('forgets failures once the window has passed', () => {
    const state = afterFailure(failTimes(5), policy, at(15 * 60 + 1));
    expect(state.failures).toBe(1);
    expect(state.notBefore).toBeNull();
    expect(secondsToWait(undefined, t0)).toBe(0);
  });
});
