import type { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { progressAllegation, type progressAllegationInput } from './progress-allegation.ts';

type OneInput = z.input<typeof progressAllegationInput>;

/** The errors a step on one allegation may refuse with, which stop the run and are reported to the user. */
const REFUSALS = ['validation', 'invalid_state', 'conflict'];

export type ProgressRun = {
  /** The allegations the action was done for, in order. */
  done: string[];
  /** The allegation it was refused for, and why; the allegations after it were not tried. */
  refused?: { allegationId: string; index: number; error: AppError };
};

/**
 * One action on several allegations of a case (say, the same severity assessment for every subject of a
 * group allegation): `progressAllegation` for each in turn, each its own transaction. The first refusal stops
 * the run and is returned with what was done before it; any other error is thrown.
 */
export async function progressAllegations(
  deps: Deps,
  principal: Principal | null,
  base: Omit<OneInput, 'allegationId' | 'version'>,
  targets: { id: string; version: number }[],
  requestId: string | null,
): Promise<ProgressRun> {
  const done: string[] = [];
  for (const [index, target] of targets.entries()) {
    try {
      await progressAllegation(
        deps,
        principal,
        { ...base, allegationId: target.id, version: target.version },
        requestId,
      );
      done.push(target.id);
    } catch (err) {
      if (!(err instanceof AppError) || !REFUSALS.includes(err.code)) throw err;
      return { done, refused: { allegationId: target.id, index, error: err } };
    }
  }
  return { done };
}
