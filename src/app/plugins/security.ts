import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config.ts';
import { projectRoot } from '../../lib/project-root.ts';

const root = projectRoot;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Why a form post needs no CSRF token: only for a form that no session stands behind (the anonymous
     * report and the receipt form, which must set no cookie before the reporter opens a report).
     */
    noSessionForm?: string;
  }
}

/** Security headers (a strict CSP with no inline script), cookies, CSRF for every form, rate limiting, assets. */
export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: config.cookieSecure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(csrf, {
    cookieKey: 'probity_csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, signed: false },
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?.['_csrf'] ??
      (req.headers['x-csrf-token'] as string | undefined),
  });
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: [
      path.join(root, 'public'),
      path.join(root, 'node_modules/govuk-frontend/dist/govuk'),
      path.join(root, 'node_modules/govuk-frontend/dist/govuk/assets'),
      path.join(root, 'node_modules/@ministryofjustice/frontend/moj'),
    ],
    prefix: '/assets/',
    // Only what pages link to is served, not whole package folders.
    allowedPath: (pathName) =>
      /^\/(app\.js|probity\.css|govuk-frontend\.min\.(css|js)|moj-frontend\.min\.css|(images|fonts)\/[\w.-]+|manifest\.json)$/.test(
        pathName,
      ),
    maxAge: '1h',
  });

  // Every form post (not the bearer-token API) must carry the CSRF token of the session.
  app.addHook('preHandler', (request, reply, done) => {
    const exempt = request.routeOptions.config.noSessionForm !== undefined;
    if (request.method !== 'GET' && request.method !== 'HEAD' && !request.url.startsWith('/api/') && !exempt) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
}
