import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerEarlyInterventionApi } from './ei.api.ts';
import { registerEarlyInterventionPages } from './ei.pages.ts';
import { registerEarlyInterventionSettingsApi } from './ei-settings.api.ts';
import { registerEarlyInterventionSettingsPages } from './ei-settings.pages.ts';

/** Early intervention: pages and the JSON API over the same use cases. */
export function registerEarlyInterventionRoutes(app: FastifyInstance, deps: Deps): void {
  registerEarlyInterventionPages(app, deps);
  registerEarlyInterventionApi(app, deps);
  registerEarlyInterventionSettingsPages(app, deps);
  registerEarlyInterventionSettingsApi(app, deps);
}
