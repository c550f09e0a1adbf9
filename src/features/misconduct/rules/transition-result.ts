import type { AllegationState, TransitionResult, WorkflowEffect } from './allegation-types.ts';

/** A step taken, with the effects the caller carries out; or a refusal in words a user can act on. */
export const ok = (next: AllegationState, effects: WorkflowEffect[] = []): TransitionResult => ({
  ok: true,
  next,
  effects,
});
export const refuse = (reason: string): TransitionResult => ({ ok: false, reason });
