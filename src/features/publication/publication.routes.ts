import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerPublicationPages } from './publication.pages.ts';
import { registerPublicPages } from './public.pages.ts';

/** Publication: the appropriate authority's hearing notices, and the force's public page (no sign-in). */
export function registerPublicationRoutes(app: FastifyInstance, deps: Deps): void {
  registerPublicationPages(app, deps);
  registerPublicPages(app, deps);
}
