import { AppError } from '../../src/kernel/errors.ts';

/** The AppError a call throws (a test of a refusal reads its message and fields); any other error is rethrown. */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

/** The AppError an async call rejects with; any other error is rethrown. */
export async function refusedAsync(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}
