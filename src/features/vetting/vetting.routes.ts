import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerDecisionRecordPages } from './decisions/appeal.pages.ts';
import { registerApplicationFormPages } from './applications/application-forms.pages.ts';
import { registerApplicationPages } from './applications/applications.pages.ts';
import { registerApplicationsApi } from './applications/applications.api.ts';
import { registerDecisionFormPages } from './decisions/decision.pages.ts';
import { registerDecisionsApi } from './decisions/decisions.api.ts';
import { registerWithdrawalAppealPages } from './decisions/withdrawal-appeal.pages.ts';
import { registerWithdrawalAppealsApi } from './decisions/withdrawal-appeals.api.ts';
import { registerListPages } from './lists/lists.pages.ts';
import { registerListsApi } from './lists/lists.api.ts';
import { registerPersonVettingPages } from './clearances/person.pages.ts';
import { registerVettingFilesApi } from './clearances/vetting-files.api.ts';
import { registerVettingHomePages } from './clearances/vetting-home.pages.ts';

/**
 * Vetting (clearances, designated posts, applications, decisions, appeals, barred and advisory lists): the
 * pages under /vetting and the JSON API under /api/v1/vetting. Reviews, declarations and vetting deadlines
 * register their own routes.
 */
export function registerVettingRoutes(app: FastifyInstance, deps: Deps): void {
  registerVettingHomePages(app, deps);
  registerPersonVettingPages(app, deps);
  registerApplicationPages(app, deps);
  registerApplicationFormPages(app, deps);
  registerDecisionFormPages(app, deps);
  registerDecisionRecordPages(app, deps);
  registerWithdrawalAppealPages(app, deps);
  registerListPages(app, deps);
  registerVettingFilesApi(app, deps);
  registerApplicationsApi(app, deps);
  registerDecisionsApi(app, deps);
  registerWithdrawalAppealsApi(app, deps);
  registerListsApi(app, deps);
}
