import type { Deps } from '../../kernel/deps.ts';
import { pingDatabase } from './health.repository.ts';

/** Whether the database answers, and how fast: the one check behind /health (JSON) and /status (a page). */
export async function checkHealth(deps: Deps) {
  const started = performance.now();
  try {
    await pingDatabase(deps.db);
    return {
      status: 'ok' as const,
      database: deps.config.database.engine,
      databaseMs: Math.round(performance.now() - started),
    };
  } catch {
    return { status: 'unavailable' as const, database: deps.config.database.engine };
  }
}
