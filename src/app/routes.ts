import type { FastifyInstance } from 'fastify';
import type { Deps } from './deps.ts';
import { registerHealthRoutes } from '../features/health/health.routes.ts';
import { registerHomePage } from '../features/health/home.routes.ts';
import { registerSignInPages } from '../features/auth/sign-in.routes.ts';
import { registerAccountPages } from '../features/auth/account.routes.ts';
import { registerPeopleRoutes } from '../features/people/people.routes.ts';
import { registerAuditRoutes } from '../features/audit/audit.routes.ts';
import { registerCaseRoutes } from '../features/misconduct/cases.routes.ts';
import { registerClockRoutes } from '../features/clocks/clocks.routes.ts';

/** Every feature's routes, in one list: adding a feature is adding a line here. */
export const featureRoutes: ((app: FastifyInstance, deps: Deps) => Promise<void> | void)[] = [
  registerHealthRoutes,
  registerHomePage,
  registerSignInPages,
  registerAccountPages,
  registerPeopleRoutes,
  registerAuditRoutes,
  registerCaseRoutes,
  registerClockRoutes,
];
