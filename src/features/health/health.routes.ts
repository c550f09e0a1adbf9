import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Deps } from '../../app/deps.ts';
import { sweepStatus } from '../scheduler/sweep-status.ts';

/** Liveness and database reachability, for load balancers and monitoring. No sign-in, no data. */
export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const started = performance.now();
    try {
      await deps.db.execute(sql`select 1`);
      return {
        status: 'ok',
        database: deps.config.database.engine,
        databaseMs: Math.round(performance.now() - started),
        // The last clock sweep, whichever instance ran it (features/scheduler).
        sweep: await sweepStatus(deps),
      };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: deps.config.database.engine });
    }
  });
}
