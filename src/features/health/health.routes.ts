import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../app/deps.ts';

/** Whether the database answers, and how fast: the one check behind /health (JSON) and /status (a page). */
export async function checkHealth(deps: Deps) {
  const started = performance.now();
  try {
    await deps.db.execute(sql`select 1`);
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
    return health.status === 'ok' ? health : reply.code(503).send(health);
  });
}
