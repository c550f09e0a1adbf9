import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../kernel/deps.ts';
import { registerSecurity } from './plugins/security.ts';
import { registerUploads } from '../kernel/http/uploads.ts';
import { registerHostileInputGuards } from './plugins/hostile-input.ts';
import { registerViews } from './plugins/views.ts';
import { registerAuthentication } from '../features/auth/authentication.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { registerMetrics } from './plugins/observability.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { registerRequestBudget } from './plugins/request-budget.ts';
import { featureRoutes } from './routes.ts';

export type BuildOptions = {
  logger?: boolean;
  /** Where the log goes instead of standard output (tests read it to prove what is not logged). */
  logStream?: NodeJS.WritableStream;
};

export type RegisteredRoute = { method: string; url: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the server registered (method and URL pattern), for the route-wide access tests. */
    registeredRoutes: RegisteredRoute[];
  }
}

/** Assembles the HTTP server: plugins first, then each feature's routes. Listening is the caller's job. */
export async function buildServer(deps: Deps, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { level: deps.config.logLevel, ...(options.logStream ? { stream: options.logStream } : {}) },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    // Only the configured proxies' X-Forwarded-For is believed; otherwise a client could choose its own
    // address and escape the per-address sign-in rate limit.
    trustProxy: deps.config.trustProxy.length > 0 ? deps.config.trustProxy : false,
  });
  const registeredRoutes: RegisteredRoute[] = [];
  app.decorate('registeredRoutes', registeredRoutes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') registeredRoutes.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers hold personal data: never stored by a browser or a shared cache (pages send the same).
    if (request.url.startsWith('/api/v1/') && !request.url.startsWith('/api/v1/openapi.json'))
      reply.header('cache-control', 'no-store');
  });

  // First: every later hook (authentication reads the database) runs inside the request's budget.
  registerRequestBudget(app, deps.config.requestBudget);
  await registerSecurity(app, deps.config);
  await registerUploads(app, deps.config);
  registerHostileInputGuards(app);
  await registerViews(app);
  registerAuthentication(app, deps);
  registerErrorHandling(app);
  registerMetrics(app, deps.config);
  await registerOpenApi(app);
  for (const register of featureRoutes) await register(app, deps);
  return app;
}
