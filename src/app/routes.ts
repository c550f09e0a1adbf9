import type { FastifyInstance } from 'fastify';
import type { Deps } from '../kernel/deps.ts';
import { registerHealthRoutes } from '../features/health/health.routes.ts';
import { registerHomePage } from '../features/health/home.routes.ts';
import { registerSignInPages } from '../features/auth/sign-in.routes.ts';
import { registerAccountPages } from '../features/auth/account.routes.ts';
import { registerPeopleRoutes } from '../features/people/people.routes.ts';
import { registerAuditRoutes } from '../features/audit/audit.routes.ts';
import { registerCaseRoutes } from '../features/misconduct/cases.routes.ts';
import { registerDeadlineRoutes } from '../features/deadlines/deadlines.routes.ts';
import { registerRecommendationRoutes } from '../features/recommendations/recommendations.routes.ts';
import { registerComplaintRoutes } from '../features/complaints/complaints.routes.ts';
import { registerRestrictionRoutes } from '../features/restrictions/restrictions.routes.ts';
import { registerReviewRoutes } from '../features/vetting/reviews.routes.ts';
import { registerVettingRoutes } from '../features/vetting/vetting.routes.ts';
import { registerOversightRoutes } from '../features/oversight/oversight.routes.ts';
import { registerPublicationRoutes } from '../features/publication/publication.routes.ts';
import { registerSchedulerMetrics } from '../features/scheduler/scheduler.routes.ts';
import { registerNotificationRoutes } from '../features/notifications/notifications.routes.ts';
import { registerAdminRoutes } from '../features/admin/admin.routes.ts';
import { registerSitePages } from '../features/health/site-pages.routes.ts';
import { registerReportingRoutes } from '../features/reporting/index.ts';
import { registerEarlyInterventionRoutes } from '../features/early-intervention/index.ts';
import { caseRestrictionBanner } from '../features/restrictions/restriction-summary.ts';
import { vettingFilePolicy } from '../features/vetting/index.ts';
import { publicationPolicy } from '../features/publication/index.ts';

/** Every feature's routes, in one list: adding a feature is adding a line here. */
export const featureRoutes: ((app: FastifyInstance, deps: Deps) => Promise<void> | void)[] = [
  registerHealthRoutes,
  registerHomePage,
  registerSignInPages,
  (app, deps) => registerAccountPages(app, deps, { declareOwn: vettingFilePolicy.declareOwn }),
  registerPeopleRoutes,
  registerAuditRoutes,
  (app, deps) => registerCaseRoutes(app, deps, { restrictionBanner: caseRestrictionBanner }),
  registerDeadlineRoutes,
  registerRecommendationRoutes,
  registerRestrictionRoutes,
  registerComplaintRoutes,
  registerReviewRoutes,
  registerVettingRoutes,
  (app, deps) => registerOversightRoutes(app, deps, { publish: publicationPolicy.manage }),
  registerPublicationRoutes,
  registerSchedulerMetrics,
  registerNotificationRoutes,
  registerAdminRoutes,
  registerReportingRoutes,
  registerEarlyInterventionRoutes,
  registerSitePages,
];
