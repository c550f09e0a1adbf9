import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerDipSamplePages } from './dip-samples.pages.ts';
import { registerOversightApi } from './oversight.api.ts';
import { registerOversightPages, type OversightPanels } from './oversight.pages.ts';

/** Oversight: the scrutiny dashboard, statistical returns, exports, dip sampling, and their JSON API. */
export function registerOversightRoutes(app: FastifyInstance, deps: Deps, panels: OversightPanels): void {
  registerOversightPages(app, deps, panels);
  registerDipSamplePages(app, deps);
  registerOversightApi(app, deps);
}
