import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Config } from '../../kernel/config/config.ts';
import { projectRoot } from '../../kernel/project-root.ts';
import { sha256Hex } from '../../kernel/crypto.ts';
import { cookieNames } from '../../kernel/http/cookie-names.ts';

const root = projectRoot;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Why a form post needs no CSRF token: only for a form that no session stands behind (the anonymous
     * report and the receipt form, which must set no cookie before the reporter opens a report).
     */
    noSessionForm?: string;
    /**
     * The form needs its CSRF token only while a session stands behind it: signing out of a session that has
     * already expired does nothing but clear the cookie, so a page left open past its session can still sign out.
     */
    csrfOnlyWithSession?: boolean;
  }
}

/**
 * What binds a CSRF token to its session: a digest of the session's own token, which only the browser holding
 * the session has (the database keeps a different digest of it). A token made for one session is refused in
 * any other, and one made before sign-in is refused after it; a page outside a session binds to 'no session'.
 */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.sessionToken ? sha256Hex(`csrf:${request.sessionToken}`) : 'no session';
}

/**
 * The HMAC key of the token. It need not be secret: forging a token takes the browser's CSRF secret (an
 * httpOnly cookie) and its session token, neither of which an attacker has; the key only separates
 * Probity's tokens from other uses of the same construction.
 */
const CSRF_HMAC_KEY = 'probity csrf token v1';

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
    cookieKey: cookieNames(config).csrf,
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, signed: false },
    getToken: (req) =>
      (req.body as Record<string, string> | undefined)?.['_csrf'] ??
      (req.headers['x-csrf-token'] as string | undefined),
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey: CSRF_HMAC_KEY, userInfo: true },
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
    const config = request.routeOptions.config;
    const exempt = config.noSessionForm !== undefined || (config.csrfOnlyWithSession === true && !request.sessionToken);
    if (request.method !== 'GET' && request.method !== 'HEAD' && !request.url.startsWith('/api/') && !exempt) {
      app.csrfProtection(request, reply, done);
      return;
    }
    done();
  });
}
