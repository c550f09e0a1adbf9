import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.ts';
import { registerReporterPages } from './reporter.pages.ts';

/** Anonymous internal reporting: the reporter's pages (no account) and the confidential unit's. */
export function registerReportingRoutes(app: FastifyInstance, deps: Deps): void {
  registerReporterPages(app, deps);
}
