import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { registerCaseDetailRoutes } from './case-details.pages.ts';
import { registerCaseCorrectionPages } from './case-corrections.pages.ts';
import { registerCaseCorrectionsApi } from './case-corrections.api.ts';
import { registerHearingPages } from './hearings.pages.ts';
import { registerHearingsApi } from './hearings.api.ts';
import { registerCaseFormPages } from './case-forms.pages.ts';
import { registerCasePages } from './cases.pages.ts';
import type { CasePanels } from './case-page-model.ts';
import { registerCasesApi } from './cases.api.ts';
import { registerCriminalPages } from './criminal.pages.ts';
import { registerEvidenceRoutes } from './evidence.pages.ts';
import { registerCaseLetterRoutes } from './letters/case-letters.routes.ts';
import { registerReg17NoticeRoutes } from './letters/reg17-notice.routes.ts';
import { registerClockActionPages } from './clock-actions.pages.ts';
import { registerClockActionApi } from './clock-actions.api.ts';

/**
 * Conduct cases: the list, the case page, the forms that change a case, its clocks' actions, and the JSON API.
 * `panels` are what features above this one add to the case page (src/app/routes.ts gives them).
 */
export function registerCaseRoutes(app: FastifyInstance, deps: Deps, panels: CasePanels): void {
  registerCasePages(app, deps, panels);
  registerCaseFormPages(app, deps);
  registerCriminalPages(app, deps);
  registerCasesApi(app, deps);
  registerCaseDetailRoutes(app, deps);
  registerEvidenceRoutes(app, deps);
  registerCaseCorrectionPages(app, deps);
  registerCaseCorrectionsApi(app, deps);
  registerHearingPages(app, deps);
  registerHearingsApi(app, deps);
  registerCaseLetterRoutes(app, deps);
  registerReg17NoticeRoutes(app, deps);
  // A case's clock: its page and the actions on it (extend, pause, resume, stop, mark done).
  registerClockActionPages(app, deps);
  registerClockActionApi(app, deps);
}
