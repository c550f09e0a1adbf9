import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { resolveSession, type ResolvedSession } from './sessions.ts';
import { resolveApiToken } from './api-tokens.ts';
import { AppError } from '../../kernel/errors.ts';
import { cookieNames } from '../../kernel/http/cookie-names.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session behind the cookie at any stage, for the sign-in steps. */
    session: ResolvedSession | null;
    sessionToken: string | undefined;
  }
}

/**
 * Identifies the caller once per request: a bearer token for /api, the session cookie for pages.
 * It never decides what the caller may see; policies and scoped repositories do.
 */
export function registerAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', undefined);
  const names = cookieNames(deps.config);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.principal = await resolveApiToken(deps, auth.slice('Bearer '.length).trim());
    } else if (!request.url.startsWith('/api/')) {
      // The JSON API authenticates by bearer token only: a session cookie, which a browser sends on its
      // own with a request another site made it send, never identifies an API caller (no CSRF on the API).
      const token = request.cookies[names.session];
      if (token) {
        const session = await resolveSession(deps, token);
        request.session = session;
        request.sessionToken = session ? token : undefined;
        request.principal = session?.principal ?? null;
      }
    }
    // The API answers 401 before anything else (body validation included) for a caller it cannot identify;
    // each route's own requireApiPrincipal stays as the declared policy.
    if (!request.principal && isPrivateApi(request.url))
      throw new AppError('unauthenticated', 'Send a valid API token as "Authorization: Bearer …".');
  });
}

/** Every /api/v1 route needs a caller, except the OpenAPI description. */
function isPrivateApi(url: string): boolean {
  return url.startsWith('/api/v1/') && !url.startsWith('/api/v1/openapi.json');
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(cookieNames(deps.config).session, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    maxAge: deps.config.session.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(cookieNames(deps.config).session, { path: '/', secure: deps.config.cookieSecure });
}

/**
 * The browser's device token (features/auth/sign-in-throttle.ts), kept for the longest time a browser stays
 * trusted; it proves only that this browser once completed sign-in, and grants nothing by itself.
 */
export function setDeviceCookie(reply: FastifyReply, deps: Deps, token: string): void {
  reply.setCookie(cookieNames(deps.config).device, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.cookieSecure,
    maxAge: deps.config.signInThrottle.deviceDays * 86_400,
  });
}
