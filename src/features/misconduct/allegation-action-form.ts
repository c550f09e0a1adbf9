import { z } from 'zod';
import type { FieldErrors } from '../../kernel/errors.ts';
import type { ActionType } from './rules/allegation-types.ts';
import { allegationActionSchema } from './allegation-action-input.ts';
import { CONTROL_SPECS } from './allegation-action-controls.ts';
import { all, dateFromParts, first, type FormBody } from '../../kernel/forms.ts';

/**
 * The form of each allegation action, built from its zod schema: exactly the schema's fields (checked by
 * case-form-fields.test.ts), the enum values as radio choices, and the words for each
 * (allegation-action-controls.ts). A form post is turned back into the action's details for the use case to
 * validate.
 */

export type Choice = { value: string; text: string; hint?: string };

type Common = { name: string; hint?: string; message?: string };
/** One control of an action form. `message` replaces a schema message that is not written for people. */
export type ActionControl =
  | (Common & { kind: 'radios'; legend: string; choices: Choice[]; optional: boolean })
  | (Common & { kind: 'yesNo'; legend: string })
  | (Common & { kind: 'checkbox'; legend: string; text: string; checkedByDefault: boolean })
  | (Common & { kind: 'checkboxes'; legend: string; choices: Choice[] })
  | (Common & { kind: 'date'; legend: string; optional: boolean })
  | (Common & { kind: 'textarea'; label: string; optional: boolean })
  | (Common & { kind: 'text'; label: string });

const schemas = new Map(allegationActionSchema.options.map((o) => [o.shape.type.value, o]));

/** The schema of one field without its optional/default wrappers. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean; defaultValue: unknown } {
  let inner = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    if (inner instanceof z.ZodOptional) {
      optional = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodDefault) {
      optional = true;
      defaultValue = inner.def.defaultValue;
      inner = inner.unwrap() as z.ZodType;
    } else return { inner, optional, defaultValue };
  }
}

/** The schema's own fields of an action, apart from its `type`. */
export function actionSchemaFields(type: ActionType): Record<string, z.ZodType> {
  const schema = schemas.get(type);
  if (!schema) throw new RangeError(`No schema for ${type}`);
  return Object.fromEntries(
    Object.entries(schema.shape as Record<string, z.ZodType>).filter(([name]) => name !== 'type'),
  );
}

/** The controls of an action's form, in the order of its schema; choices come from the schema's enums. */
export function actionControls(type: ActionType): ActionControl[] {
  const specs = CONTROL_SPECS[type];
  return Object.entries(actionSchemaFields(type)).map(([name, schema]): ActionControl => {
    const spec = specs[name];
    if (!spec) throw new Error(`No control for ${type}.${name}`);
    const { inner, optional, defaultValue } = unwrap(schema);
    switch (spec.kind) {
      case 'radios': {
        const values = inner instanceof z.ZodEnum ? (inner.options as string[]) : [];
        const choices: Choice[] = values.map((value) => {
          const label = spec.labels[value] ?? value;
          return typeof label === 'string' ? { value, text: label } : { value, ...label };
        });
        if (spec.none) choices.push({ value: '', text: spec.none });
        return { ...spec, name, choices, optional };
      }
      case 'checkboxes':
        return { ...spec, name, choices: Object.entries(spec.labels).map(([value, text]) => ({ value, text })) };
      case 'checkbox':
        return { ...spec, name, checkedByDefault: defaultValue === true };
      case 'date':
      case 'textarea':
        return { ...spec, name, optional };
      case 'yesNo':
      case 'text':
        return { ...spec, name };
      default: {
        const unknownSpec: never = spec;
        throw new Error(`unknown control ${JSON.stringify(unknownSpec)}`);
      }
    }
  });
}

/** The action's details from a form post; date errors are returned separately, named by control. */
export function actionFromBody(
  type: ActionType,
  body: FormBody,
): { action: Record<string, unknown>; errors: FieldErrors } {
  const action: Record<string, unknown> = { type };
  const errors: FieldErrors = {};
  for (const control of actionControls(type)) {
    const raw = body[control.name];
    switch (control.kind) {
      case 'radios':
        if (first(raw)) action[control.name] = first(raw);
        break;
      case 'yesNo':
        if (first(raw) === 'yes' || first(raw) === 'no') action[control.name] = first(raw) === 'yes';
        break;
      case 'checkbox':
        action[control.name] = first(raw) === 'yes';
        break;
      case 'checkboxes':
        action[control.name] = all(raw);
        break;
      case 'date': {
        const date = dateFromParts(body, control.name, control.legend.replace(/ \(optional\)$/, ''));
        if (date.error) errors[control.name] = date.error;
        else if (date.iso) action[control.name] = date.iso;
        break;
      }
      case 'textarea':
      case 'text':
        action[control.name] = first(raw);
        break;
      default: {
        const unknownControl: never = control;
        throw new Error(`unknown control ${JSON.stringify(unknownControl)}`);
      }
    }
  }
  return { action, errors };
}
