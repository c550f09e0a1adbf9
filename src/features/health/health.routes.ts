import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { sweepStatus } from '../scheduler/index.ts';
import { checkHealth } from './check-health.ts';

/** Liveness and database reachability, for load balancers and monitoring. No sign-in, no data. */
export function registerHealthRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    const health = await checkHealth(deps);
    // The last clock sweep, whichever instance ran it (features/scheduler).
    return health.status === 'ok' ? { ...health, sweep: await sweepStatus(deps) } : reply.code(503).send(health);
  });
}
