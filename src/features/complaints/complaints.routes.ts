import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerComplaintsApi } from './complaints.api.ts';
import { registerComplaintDecisionsApi } from './complaint-decisions.api.ts';
import { registerComplaintPages } from './complaints.pages.ts';
import { registerLetterRoutes } from './letters/letters.routes.ts';
import { registerPortalPages } from './portal/portal.pages.ts';
import { registerReviewRoutes } from './reviews/reviews.routes.ts';

/** Public complaints under Schedule 3: staff pages, the complainant's portal and the JSON API, over the same use cases. */
export function registerComplaintRoutes(app: FastifyInstance, deps: Deps): void {
  registerComplaintPages(app, deps);
  registerPortalPages(app, deps);
  registerLetterRoutes(app, deps);
  registerReviewRoutes(app, deps);
  registerComplaintsApi(app, deps);
  registerComplaintDecisionsApi(app, deps);
}
