import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerReporterPages } from './reporter.pages.ts';
import { registerTeamPages } from './team.pages.ts';
import { registerOpenCaseFromReportPages } from './open-case-from-report.pages.ts';
import { registerReportsApi } from './reports.api.ts';
import { registerReportsProtectionApi } from './reports-protection.api.ts';

/** Anonymous internal reporting: the reporter's pages (no account) and the confidential unit's. */
export function registerReportingRoutes(app: FastifyInstance, deps: Deps): void {
  registerReporterPages(app, deps);
  registerTeamPages(app, deps);
  registerOpenCaseFromReportPages(app, deps);
  registerReportsApi(app, deps);
  registerReportsProtectionApi(app, deps);
}
