import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerDeclarationPages } from './reviews/declarations.pages.ts';
import { registerDeclarationsApi } from './reviews/declarations.api.ts';
import { registerReviewFormPages } from './reviews/review-forms.pages.ts';
import { registerReviewPages } from './reviews/reviews.pages.ts';
import { registerReviewsApi } from './reviews/reviews.api.ts';
import { registerTransferInPages } from './reviews/transfer-in.pages.ts';
import { registerVettingDeadlineRoutes } from './vetting-deadlines.routes.ts';

/** The integrity loop's vetting side: reviews and their decisions, transfers in, declarations, vetting deadlines. */
export function registerReviewRoutes(app: FastifyInstance, deps: Deps): void {
  registerReviewPages(app, deps);
  registerReviewFormPages(app, deps);
  registerTransferInPages(app, deps);
  registerDeclarationPages(app, deps);
  registerVettingDeadlineRoutes(app, deps);
  registerReviewsApi(app, deps);
  registerDeclarationsApi(app, deps);
}
