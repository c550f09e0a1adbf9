import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { sweepStatus } from '../scheduler/index.ts';
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

/** Liveness and database reachability, for load balancers and monitoring. No sign-in, no data. */
export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const health = await checkHealth(deps);
    // The last clock sweep, whichever instance ran it (features/scheduler).
    return health.status === 'ok' ? { ...health, sweep: await sweepStatus(deps) } : reply.code(503).send(health);
  });
}
