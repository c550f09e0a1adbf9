/** The misconduct feature's public module: what other features may use. Everything else is private. */
export { actionAbility, toWorkflowAction, type AllegationActionInput } from './allegation-action-input.ts';
export { refreshAllegationFigures } from './allegation-figures.repository.ts';
export { factsOf, regimeOf } from './case-context.ts';
export { caseDeadlineSource } from './case-deadlines.repository.ts';
export { caseTypeLabels } from './case-form-fields.ts';
export { casePageModel } from './case-page-model.ts';
export { casePolicy } from './case.policy.ts';
export { warningsOfPeople, type PersonWarning } from './person-warnings.ts';
export {
  allegationsAgainstPerson,
  allegationsOf,
  findSubjectForUpdate,
  findVisibleCase,
  listReturnsOf,
  subjectsOf,
  timelineOf,
  type CaseRow,
} from './cases.repository.ts';
export { type Profile } from './demo/action-choice.ts';
export { GROUP_THEMES, THEMES, type Source, type Theme } from './demo/case-templates.ts';
export { makeRng, toDay, toIso } from './demo/days-and-chance.ts';
export { type Memos } from './demo/state-coverage.ts';
export { planAllegation } from './demo/track-planner.ts';
export { categoryChoices } from './open-case-options.ts';
export { openCase } from './open-case.ts';
export { recordCriminalEvent } from './record-criminal-event.ts';
export { resolveSubjectReferences } from './resolve-subjects.ts';
export { STATUS_LABELS } from './rules/allegation-table.ts';
export {
  SANCTIONS,
  type AllegationContext,
  type AllegationState,
  type AllegationStatus,
  type ProceedingsForm,
  type Sanction,
  type WorkflowEffect,
} from './rules/allegation-types.ts';
export { initialAllegationState, onSubjectLeftDuringInvestigation, transition } from './rules/allegation-workflow.ts';
export { defaultTaxonomy, standardsOfProfessionalBehaviour, type TaxonomyEntry } from './taxonomy.ts';
export { caseWorkQueue } from './work-queue.ts';
