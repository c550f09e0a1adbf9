import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerItemEditPages } from './item-edit.pages.ts';
import { registerItemPages } from './item.pages.ts';
import { registerReportPages } from './reports.pages.ts';
import { registerResponsePages } from './response.pages.ts';
import { registerRecommendationsApi } from './recommendations.api.ts';
import { registerTrackerApi } from './tracker.api.ts';

/** The inspection recommendation tracker and the commissioner's published response: pages and /api/v1/recommendations. */
export function registerRecommendationRoutes(app: FastifyInstance, deps: Deps): void {
  registerReportPages(app, deps);
  registerItemPages(app, deps);
  registerItemEditPages(app, deps);
  registerResponsePages(app, deps);
  registerRecommendationsApi(app, deps);
  registerTrackerApi(app, deps);
}
