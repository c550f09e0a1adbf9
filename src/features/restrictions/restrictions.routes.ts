import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerRestrictionFormPages } from './restriction-forms.pages.ts';
import { registerRestrictionPages } from './restrictions.pages.ts';
import { registerRestrictionsApi } from './restrictions.api.ts';

/** Duty restrictions (suspension and its alternatives) and the suspension flag: pages, forms and the JSON API. */
export function registerRestrictionRoutes(app: FastifyInstance, deps: Deps): void {
  registerRestrictionPages(app, deps);
  registerRestrictionFormPages(app, deps);
  registerRestrictionsApi(app, deps);
}
