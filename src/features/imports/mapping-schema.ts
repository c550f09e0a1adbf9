import { isoDateString } from '../../lib/validation.ts';
import { z } from 'zod';
import {
  caseSources,
  caseTypes,
  identifierKinds,
  personStatuses,
  personTypes,
  unitKinds,
} from '../../db/schema/index.ts';
import { SANCTIONS } from '../misconduct/rules/allegation-types.ts';
import { standardsOfProfessionalBehaviour } from '../misconduct/taxonomy.ts';
import { IMPORT_OUTCOMES, PROCEEDINGS_FORMS } from './import-outcomes.ts';

/**
 * The declarative mapping file (YAML or JSON; docs/import.md): how the columns of a source's CSV files become
 * people, identifiers, postings, cases, subjects and allegations. A new source is a new mapping file.
 * Every message here names the offending value in words a mapping author can act on.
 */

const oneOf = (values: readonly string[]) => ({ message: `must be one of: ${values.join(', ')}` });

/** Text with `{column}` placeholders; text without braces is a constant. */
export const templateSchema = z
  .string({ message: 'must be text (use {column} to take a value from a column)' })
  .refine((t) => t.replace(/\{[^{}]+\}/g, '').search(/[{}]/) === -1, 'has an unmatched { or }: write {column}');

/** Tokens YYYY, MM, M, DD, D and literal separators; a format without DD means the first day of the month. */
export const dateFormatSchema = z
  .string()
  .regex(
    /^(YYYY|MM?|DD?|[^A-Za-z])+$/,
    'must be a date format made of YYYY, MM, M, DD, D and separators (e.g. DD/MM/YYYY)',
  )
  .refine((f) => f.includes('YYYY'), 'must contain YYYY');

const columnsFields = {
  column: z.string().min(1).optional(),
  columns: z.array(z.string().min(1)).min(1).optional(),
};

/**
 * A value map: the values of one or more columns (joined by "|") to a target. A key's segment may use `*`
 * as a wildcard ("Substantiated (*) | Guilty*"); exact keys win, then patterns in the order written.
 * `otherwise` says what an unmapped value becomes: 'reject' (the row goes to the rejects file) or a target.
 * Unmapped values are counted and reported either way.
 */
function valueMapShape<T extends z.ZodType>(target: T) {
  return {
    ...columnsFields,
    values: z.record(z.string(), target),
    otherwise: z.union([z.literal('reject'), target]).default('reject'),
  };
}
const oneColumnSource = [
  (m: { column?: string | undefined; columns?: string[] | undefined }) => !!m.column !== !!m.columns,
  'give either column or columns',
] as const;

export function valueMapSchema<T extends z.ZodType>(target: T) {
  return z.strictObject(valueMapShape(target)).refine(...oneColumnSource);
}

const constantOr = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union([z.enum(values, oneOf(values)), valueMapSchema(z.enum(values, oneOf(values)))]);

const standardCodes = standardsOfProfessionalBehaviour.map((s) => s.code) as [string, ...string[]];
const sanctionOrNone = [...SANCTIONS, 'none'] as const;

const categoryTarget = z.union(
  [
    z.string().min(1),
    z.strictObject({ code: z.string().min(1), standards: z.array(z.enum(standardCodes, oneOf(standardCodes))).min(1) }),
  ],
  {
    message: 'must be a taxonomy code or { code, standards }',
  },
);

const outcomeTarget = z.union(
  [
    z.enum(IMPORT_OUTCOMES, oneOf(IMPORT_OUTCOMES)),
    z.strictObject({
      outcome: z.enum(IMPORT_OUTCOMES, oneOf(IMPORT_OUTCOMES)),
      form: z.enum(PROCEEDINGS_FORMS, oneOf(PROCEEDINGS_FORMS)).optional(),
      sanction: z.enum(sanctionOrNone, oneOf(sanctionOrNone)).optional(),
    }),
  ],
  { message: `must be an outcome (${IMPORT_OUTCOMES.join(', ')}) or { outcome, form, sanction }` },
);

const identifierSchema = z.strictObject({
  kind: z.enum(identifierKinds, oneOf(identifierKinds)),
  value: templateSchema,
  /** Values that mean "no number" (e.g. 00000 for ranks without a shield number). */
  ignore: z.array(z.string()).default(['']),
  validFrom: templateSchema.optional(),
  validTo: templateSchema.optional(),
});

const personSchema = z.strictObject({
  key: templateSchema,
  givenName: templateSchema,
  familyName: templateSchema,
  personType: constantOr(personTypes).default('officer'),
  status: constantOr(personStatuses).default('current'),
  identifiers: z.array(identifierSchema).default([]),
  posting: z
    .strictObject({
      rank: templateSchema,
      role: templateSchema.optional(),
      unit: templateSchema,
      unitKind: z.enum(unitKinds, oneOf(unitKinds)).default('team'),
      validFrom: templateSchema.optional(),
    })
    .optional(),
});

const dateSpecSchema = z.strictObject({
  column: z.string().min(1),
  formats: z.array(dateFormatSchema).min(1).optional(),
  /** When the column is empty: reject the row, or take a coarser date from another column by a pattern. */
  fallback: z
    .strictObject({ column: z.string().min(1), pattern: z.string().min(1), format: dateFormatSchema })
    .optional(),
});

const caseSchema = z.strictObject({
  key: templateSchema,
  reference: templateSchema,
  cameToAttention: dateSpecSchema,
  source: constantOr(caseSources).default('other'),
  caseType: constantOr(caseTypes).default('conduct_matter'),
  summary: templateSchema,
});

const outcomeSchema = z
  .strictObject({
    ...valueMapShape(outcomeTarget),
    /** The form of proceedings recorded with a finding when the value map does not say. */
    form: z.enum(PROCEEDINGS_FORMS, oneOf(PROCEEDINGS_FORMS)).default('hearing'),
    /** Consulted for the outcomes misconduct and gross_misconduct when the value map gives no sanction. */
    sanction: valueMapSchema(z.enum(sanctionOrNone, oneOf(sanctionOrNone))).optional(),
  })
  .refine(...oneColumnSource);

const allegationSchema = z.strictObject({
  key: templateSchema,
  /** The subject's person key, in the same words as the people file's `person.key`. */
  person: templateSchema,
  case: caseSchema,
  description: templateSchema,
  /** Value map to a taxonomy code (or { code, standards }); `standards` is the default list of standards breached. */
  category: z
    .strictObject({
      ...valueMapShape(categoryTarget),
      standards: z.array(z.enum(standardCodes, oneOf(standardCodes))).min(1),
    })
    .refine(...oneColumnSource),
  outcome: outcomeSchema,
  /** Source columns kept word for word in the allegation's facts (nothing the mapping interprets is lost). */
  keep: z.array(z.string().min(1)).default([]),
});

const fileSchema = z
  .strictObject({
    /** Which files this entry reads: a pattern on the file's name (`*` and `?`). */
    match: z.string().min(1),
    description: z.string().optional(),
    person: personSchema.optional(),
    allegation: allegationSchema.optional(),
  })
  .refine((f) => f.person || f.allegation, 'a file entry needs person, allegation or both');

export const mappingSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
  description: z.string().optional(),
  /** Prefix of every source key this mapping writes, so that two sources never collide. Defaults to the name. */
  source: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens')
    .optional(),
  batchSize: z.number().int().min(1).max(100_000).default(5000),
  /** Strip spaces around every value before it is used. */
  trim: z.boolean().default(true),
  dateFormats: z.array(dateFormatSchema).min(1).default(['YYYY-MM-DD']),
  /** The valid-from date given to numbers and postings whose start the source does not know. */
  unknownValidFrom: isoDateString('must be a date like 1900-01-01').default('1900-01-01'),
  /** Free space for YAML anchors reused below (ignored). */
  definitions: z.unknown().optional(),
  files: z.array(fileSchema).min(1, 'list at least one file'),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type FileSpec = Mapping['files'][number];
export type PersonSpec = NonNullable<FileSpec['person']>;
export type AllegationSpec = NonNullable<FileSpec['allegation']>;
export type ValueMapSpec<T> = {
  column?: string | undefined;
  columns?: string[] | undefined;
  values: Record<string, T>;
  otherwise: 'reject' | T;
};
export type CategoryTarget = z.infer<typeof categoryTarget>;
export type OutcomeTarget = z.infer<typeof outcomeTarget>;
export type SanctionOrNone = (typeof sanctionOrNone)[number];
export type DateSpec = z.infer<typeof dateSpecSchema>;
