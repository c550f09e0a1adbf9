import { AppError } from '../../kernel/errors.ts';
import { all, first, type FormBody } from '../../kernel/forms.ts';
import { INTERVENTION_LABELS, OUTCOME_LABELS } from './interventions.ts';
import { STATE_LABELS } from './rules/workflow.ts';
import { kindLabel } from './view-alert.ts';

/**
 * What the early intervention pages share: their request shapes, the banner after a change, the labels every
 * page template uses, a refusal's field errors and a rule read from its form.
 */

export type Body = { Body: FormBody };
export type Id = { Params: { id: string; interventionId?: string } };
export type Q = { Querystring: Record<string, string | undefined> };

export const FLASH: Record<string, string> = {
  moved: 'Alert updated',
  planned: 'Intervention planned',
  followed: 'Follow-up recorded',
  saved: 'Rule saved as a new version',
  created: 'Rule created. It is switched off: preview it, then switch it on',
  on: 'Rule switched on: the next run will alert on it',
  off: 'Rule switched off',
  run: 'Run finished',
};

export function validationFields(err: unknown): Record<string, string> {
  if (err instanceof AppError && err.code === 'validation' && err.fields) return err.fields;
  throw err;
}

export const ruleFromForm = (b: FormBody) => ({
  name: first(b['name']),
  description: first(b['description']),
  signalKinds: all(b['signalKinds']),
  categoryPrefix: first(b['categoryPrefix']),
  unitId: first(b['unitId']),
  windowDays: first(b['windowDays']),
  warningLevel: first(b['warningLevel']),
  criticalLevel: first(b['criticalLevel']),
});

export const common = {
  stateLabels: STATE_LABELS,
  kindLabel,
  interventionLabels: INTERVENTION_LABELS,
  outcomeLabels: OUTCOME_LABELS,
};
