import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../access/principal.ts';
import { AppError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set only for a fully signed-in user (password and, where required, second factor). */
    principal: Principal | null;
  }
}

/**
 * The route guards every feature declares: who must be signed in. They never decide what the caller may see;
 * policies and scoped repositories do. The caller is identified once per request by features/auth.
 */

/** preHandler for pages: a visitor who is not signed in is sent to sign in and brought back afterwards. */
export async function requireSignedInPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.principal) return;
  const next = encodeURIComponent(request.url);
  await reply.redirect(`/sign-in?next=${next}`, 303);
}

/** preHandler for the API: 401 without a valid bearer token. */
export async function requireApiPrincipal(request: FastifyRequest): Promise<void> {
  if (!request.principal) throw new AppError('unauthenticated', 'Send a valid API token as "Authorization: Bearer …".');
}

/** The principal of a request that has passed requireSignedInPage / requireApiPrincipal. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.principal;
}
