import { z } from 'zod';

/**
 * The parts a mapping file's entries are built from (docs/import.md): where a value comes from (a template
 * over columns, a value map, a date column) and the strict objects that name the settings they know.
 */

export const oneOf = (values: readonly string[]) => ({ message: `must be one of: ${values.join(', ')}` });

/**
 * An object that refuses keys it does not know, saying which keys it does know: a misspelt setting is
 * reported with the right spelling beside it.
 */
export function strict<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unrecognized key(s): ${issue.keys.join(', ')} (the settings here are: ${known})`
        : undefined,
  });
}

/**
 * The transforms a placeholder may name after a bar: `{officer_id|number}`, `{unit|trim|upper}`,
 * `{badge|stripSuffix:.0}`. Names of the mapping's own `transforms:` (regular-expression replacements) may
 * be used the same way.
 */
export const BUILT_IN_TRANSFORMS = [
  'trim',
  'upper',
  'lower',
  'title',
  'number',
  'stripPrefix',
  'stripSuffix',
  'stripLeadingZeros',
] as const;

export const templateText = z
  .string({ message: 'must be text (use {column} to take a value from a column)' })
  .refine((t) => t.replace(/\{[^{}]+\}/g, '').search(/[{}]/) === -1, 'has an unmatched { or }: write {column}');

export const templatePart = z.union([templateText, strict({ template: templateText, emptyIfAnyEmpty: z.boolean() })], {
  message: 'must be text with {column} placeholders, or { template, emptyIfAnyEmpty }',
});

/**
 * Text with `{column}` placeholders; text without braces is a constant. The long form
 * `{ template, emptyIfAnyEmpty: true }` is empty when any of its placeholders is empty, so that constant text
 * around an empty column ('CPD unit {unit}') never makes a value of its own. A list of such parts is joined,
 * so that one optional part drops out alone: `['{kind}', { template: ' (district {district})', emptyIfAnyEmpty: true }]`.
 */
export const templateSchema = z.union([templatePart, z.array(templatePart).min(1, 'needs at least one part')], {
  message: 'must be text with {column} placeholders, { template, emptyIfAnyEmpty }, or a list of those',
});
export type TemplateSpec = z.infer<typeof templateSchema>;

/** Tokens YYYY, MM, M, DD, D and literal separators; a format without DD means the first day of the month. */
export const dateFormatSchema = z
  .string()
  .regex(
    /^(YYYY|YY|MM?|DD?|[^A-Za-z])+$/,
    'must be a date format made of YYYY (or YY), MM, M, DD, D and separators (e.g. DD/MM/YYYY)',
  )
  .refine((f) => f.includes('YY'), 'must contain YYYY (or YY: 00–68 are 2000–2068, 69–99 are 1969–1999)');

export const columnsFields = {
  column: z.string().min(1).optional(),
  columns: z.array(z.string().min(1)).min(1).optional(),
  /** Compare the source's values without regard to letter case (" Physical abuse" = "PHYSICAL ABUSE" once trimmed). */
  ignoreCase: z.boolean().default(false),
};

/**
 * A value map: the values of one or more columns (joined by "|") to a target. A key's segment may use `*`
 * as a wildcard ("Substantiated (*) | Guilty*"); exact keys win, then patterns in the order written.
 * `otherwise` says what an unmapped value becomes: 'reject' (the row goes to the rejects file) or a target.
 * Unmapped values are counted and reported either way.
 */
export function valueMapShape<T extends z.ZodType>(target: T) {
  return {
    ...columnsFields,
    values: z.record(z.string(), target),
    otherwise: z.union([z.literal('reject'), target]).default('reject'),
  };
}
export const oneColumnSource = [
  (m: { column?: string | undefined; columns?: string[] | undefined }) => !!m.column !== !!m.columns,
  'give either column or columns',
] as const;

export function valueMapSchema<T extends z.ZodType>(target: T) {
  return strict(valueMapShape(target)).refine(...oneColumnSource);
}

/** A constant word or a value map onto the same words; a wrong constant is told the words there are. */
export const constantOr = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values, oneOf(values)), valueMapSchema(z.enum(values, oneOf(values)))], {
    error: (issue) =>
      typeof issue.input === 'string' || issue.input === undefined || issue.input === null
        ? `must be one of: ${values.join(', ')} (or a value map: { column, values, otherwise })`
        : undefined,
  });

export const dateSpecSchema = strict({
  column: z.string().min(1),
  formats: z.array(dateFormatSchema).min(1).optional(),
  /** When the column is empty: reject the row, or take a coarser date from another column by a pattern. */
  fallback: strict({ column: z.string().min(1), pattern: z.string().min(1), format: dateFormatSchema }).optional(),
});

/** A date that may be missing: an empty column means "not recorded" (null); a value that is not a date rejects. */
export const optionalDateSchema = strict({
  column: z.string().min(1),
  formats: z.array(dateFormatSchema).min(1).optional(),
});

export type ValueMapSpec<T> = {
  column?: string | undefined;
  columns?: string[] | undefined;
  ignoreCase?: boolean | undefined;
  values: Record<string, T>;
  otherwise: 'reject' | T;
};
export type DateSpec = z.infer<typeof dateSpecSchema>;
export type OptionalDateSpec = z.infer<typeof optionalDateSchema>;
