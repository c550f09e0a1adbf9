import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import client from 'prom-client';
import type { Config } from '../../kernel/config/config.ts';
import { AppError } from '../../kernel/errors.ts';
import { sha256Hex } from '../../kernel/crypto.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The registry /metrics serves, for features that report their own gauges (e.g. the scheduler). */
    metricsRegistry: client.Registry;
  }
}

/** True if the request carries `Authorization: Bearer <PROBITY_METRICS_TOKEN>` (compared in constant time). */
function hasMetricsToken(request: FastifyRequest, token: string): boolean {
  const given = request.headers.authorization?.startsWith('Bearer ') ? request.headers.authorization.slice(7) : '';
  return timingSafeEqual(Buffer.from(sha256Hex(given)), Buffer.from(sha256Hex(token)));
}

/**
 * Prometheus metrics at /metrics: process defaults plus request counts and durations by route. They reveal
 * per-route traffic and memory, so they answer only a scraper that sends PROBITY_METRICS_TOKEN as a bearer
 * token; without a token configured /metrics answers 404 (off by default).
 */
export function registerMetrics(app: FastifyInstance, config: Pick<Config, 'metricsToken'>): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  app.decorate('metricsRegistry', registry);
  const duration = new client.Histogram({
    name: 'probity_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  // SQL statements per request (transaction control not counted; src/db/request-scope.ts): a change that adds
  // round trips to a route shows here, and in the tests that pin the count (test/statement-counts.http.test.ts).
  const statements = new client.Histogram({
    name: 'probity_db_statements_per_request',
    help: 'SQL statements issued per HTTP request, by route',
    labelNames: ['method', 'route'],
    buckets: [0, 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100],
    registers: [registry],
  });
  app.addHook('onResponse', async (request) => {
    if (request.dbScope)
      statements.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched' },
        request.dbScope.statements,
      );
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    if (!config.metricsToken || !hasMetricsToken(request, config.metricsToken))
      throw new AppError('not_found', 'If you typed the web address, check it is correct.');
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
