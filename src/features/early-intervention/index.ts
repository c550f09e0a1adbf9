/**
 * Early intervention (docs/early-intervention.md): the one public module other features and the CLI import.
 */
export { registerEarlyInterventionRoutes } from './ei.routes.ts';
export { runEarlyIntervention, runEarlyInterventionForAll, runNow, type RunSummary } from './run-early-intervention.ts';
export { saveRule, switchRule } from './save-rule.ts';
export { moveAlert } from './move-alert.ts';
export { planIntervention, recordFollowUp } from './interventions.ts';
export { importSignals } from './import-signals.ts';
export { BUILT_IN_KINDS } from './signals.repository.ts';
export { importSignalFile } from './import-signal-file.ts';
export { seedDemoEarlyIntervention } from './demo-early-intervention.ts';
