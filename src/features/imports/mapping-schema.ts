import { isoDateString } from '../../kernel/validation.ts';
import { z } from 'zod';
import {
  caseSources,
  caseTypes,
  ethnicities,
  identifierKinds,
  personStatuses,
  personTypes,
  sexes,
  unitKinds,
} from '../../db/schema/index.ts';
import { REGIME_VERSIONS } from '../../kernel/time/regime.ts';
import { SANCTIONS } from '../misconduct/index.ts';
import { standardsOfProfessionalBehaviour } from '../misconduct/index.ts';
import { IMPORT_OUTCOMES, PROCEEDINGS_FORMS } from './import-outcomes.ts';
import { complainantSchema, complaintSchema } from './mapping-complaint-schema.ts';
import { signalSchema } from './mapping-signal-schema.ts';
import {
  constantOr,
  dateFormatSchema,
  dateSpecSchema,
  oneColumnSource,
  oneOf,
  optionalDateSchema,
  strict,
  templateSchema,
  valueMapSchema,
  valueMapShape,
} from './mapping-value-schemas.ts';

/**
 * The declarative mapping file (YAML or JSON; docs/import.md): how the columns of a source's CSV files become
 * people, identifiers, postings, cases, subjects and allegations. A new source is a new mapping file.
 * Every message here names the offending value in words a mapping author can act on.
 */

const standardCodes = standardsOfProfessionalBehaviour.map((s) => s.code) as [string, ...string[]];
const sanctionOrNone = [...SANCTIONS, 'none'] as const;

const categoryTarget = z.union(
  [
    z.string().min(1),
    strict({ code: z.string().min(1), standards: z.array(z.enum(standardCodes, oneOf(standardCodes))).min(1) }),
  ],
  {
    message: 'must be a taxonomy code or { code, standards }',
  },
);

const outcomeTarget = z.union(
  [
    z.enum(IMPORT_OUTCOMES, oneOf(IMPORT_OUTCOMES)),
    strict({
      outcome: z.enum(IMPORT_OUTCOMES, oneOf(IMPORT_OUTCOMES)),
      form: z.enum(PROCEEDINGS_FORMS, oneOf(PROCEEDINGS_FORMS)).optional(),
      sanction: z.enum(sanctionOrNone, oneOf(sanctionOrNone)).optional(),
    }),
  ],
  { message: `must be an outcome (${IMPORT_OUTCOMES.join(', ')}) or { outcome, form, sanction }` },
);

const identifierSchema = strict({
  kind: z.enum(identifierKinds, oneOf(identifierKinds)),
  value: templateSchema,
  /** Values that mean "no number" (e.g. 00000 for ranks without a shield number). */
  ignore: z.array(z.string()).default(['']),
  validFrom: templateSchema.optional(),
  validTo: templateSchema.optional(),
});

const postingFields = {
  rank: templateSchema,
  role: templateSchema.optional(),
  unit: templateSchema,
  unitKind: z.enum(unitKinds, oneOf(unitKinds)).default('team'),
  validFrom: templateSchema.optional(),
  validTo: templateSchema.optional(),
};

const personSchema = strict({
  key: templateSchema,
  givenName: templateSchema,
  familyName: templateSchema,
  personType: constantOr(personTypes).default('officer'),
  status: constantOr(personStatuses).default('current'),
  /** Protected characteristics and service dates; left empty ("not recorded") unless the mapping gives them. */
  sex: constantOr(sexes).optional(),
  ethnicity: constantOr(ethnicities).optional(),
  /** A year alone (format YYYY) means 1 January of that year, as every date without a month. */
  dateOfBirth: optionalDateSchema.optional(),
  serviceStart: optionalDateSchema.optional(),
  serviceEnd: optionalDateSchema.optional(),
  identifiers: z.array(identifierSchema).default([]),
  posting: strict(postingFields).optional(),
});

/**
 * A history row for a person imported before (or earlier in the same run): a posting (unit, rank, from, to)
 * or a number held over a period. Added to existing people; each row is imported, a duplicate of the same
 * record, or rejected with its reason (no such person, bad dates).
 */
const historySchema = strict({
  person: templateSchema,
  posting: strict(postingFields).optional(),
  identifier: identifierSchema.optional(),
}).refine((h) => !!h.posting !== !!h.identifier, 'give either posting or identifier');

const caseSchema = strict({
  key: templateSchema,
  reference: templateSchema,
  cameToAttention: dateSpecSchema,
  source: constantOr(caseSources).default('other'),
  caseType: constantOr(caseTypes).default('conduct_matter'),
  summary: templateSchema,
  /**
   * The regime the imported history is recorded under: `by_date` (default) as openCase does from the date
   * (regimeFor), or one regime version for every case of this source.
   */
  regimeVersion: z.enum(['by_date', ...REGIME_VERSIONS], oneOf(['by_date', ...REGIME_VERSIONS])).default('by_date'),
  /** The day the case was finalised; without it a closed case takes its allegations' latest closing date. */
  closedOn: optionalDateSchema.optional(),
});

const outcomeSchema = strict({
  ...valueMapShape(outcomeTarget),
  /** The form of proceedings recorded with a finding when the value map does not say. */
  form: z.enum(PROCEEDINGS_FORMS, oneOf(PROCEEDINGS_FORMS)).default('hearing'),
  /** Consulted for the outcomes misconduct and gross_misconduct when the value map gives no sanction. */
  sanction: valueMapSchema(z.enum(sanctionOrNone, oneOf(sanctionOrNone))).optional(),
}).refine(...oneColumnSource);

const allegationSchema = strict({
  key: templateSchema,
  /** The subject's person key, in the same words as the people file's `person.key`. */
  person: templateSchema,
  case: caseSchema,
  description: templateSchema,
  /** Value map to a taxonomy code (or { code, standards }); `standards` is the default list of standards breached. */
  category: strict({
    ...valueMapShape(categoryTarget),
    standards: z.array(z.enum(standardCodes, oneOf(standardCodes))).min(1),
  }).refine(...oneColumnSource),
  outcome: outcomeSchema,
  /** The day the allegation was finalised (closed); an empty value leaves it unknown. */
  closedOn: optionalDateSchema.optional(),
  /**
   * The source's own words for the outcome, shown on the case page beside Probity's mapped outcome
   * (e.g. "Sustained Finding / 20 Day Suspension"). Stored in facts.imported.sourceOutcome.
   */
  sourceOutcome: templateSchema.optional(),
  /** Source columns kept word for word in the allegation's facts (nothing the mapping interprets is lost). */
  keep: z.array(z.string().min(1)).default([]),
});

/**
 * A file read only to look columns up by key from the rows of other files (a join): the file of
 * complaints that holds each complaint's date, for the file of accused officers. It is held in memory as
 * key → the columns used, so give the smaller file here. Its columns are written `{lookup.column}`.
 */
const lookupSchema = strict({
  /** Which file: a pattern on the file's name, as `files[].match`. */
  match: z.string().min(1),
  /** The key in the lookup file (a template over its columns). The first row with a key wins. */
  key: templateSchema,
  /** What a row of another file gives as the key (a template over that file's columns). */
  from: templateSchema,
  /** When no lookup row has the key: reject the row (default), or read the lookup's columns as empty. */
  missing: z.enum(['reject', 'empty'], oneOf(['reject', 'empty'])).default('reject'),
});

const fileSchema = strict({
  /** Which files this entry reads: a pattern on the file's name (`*` and `?`). */
  match: z.string().min(1),
  description: z.string().optional(),
  person: personSchema.optional(),
  allegation: allegationSchema.optional(),
  history: historySchema.optional(),
  complaint: complaintSchema.optional(),
  complainant: complainantSchema.optional(),
  /** Early-intervention signals of one named kind (mapping-signal-schema.ts). */
  signal: signalSchema.optional(),
}).refine(
  (f) =>
    [!!(f.person || f.allegation), !!f.history, !!f.complaint, !!f.complainant, !!f.signal].filter(Boolean).length ===
    1,
  'a file entry needs person, allegation or both; or history, complaint, complainant or signal alone',
);

/** A declared transform: a regular-expression replacement, used as `{column|name}`. */
const transformSchema = strict({
  pattern: z.string().min(1),
  replace: z.string(),
  flags: z
    .string()
    .regex(/^[imsu]*$/, 'flags may be i, m, s, u')
    .default(''),
});

export const mappingSchema = strict({
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
  /** Named regular-expression replacements, used in placeholders as `{column|name}`. */
  transforms: z.record(z.string().regex(/^[A-Za-z][\w-]*$/, 'a transform name is a word'), transformSchema).default({}),
  /** Files read only to look columns up by key (joins), named for use as `{name.column}`. */
  lookups: z.record(z.string().regex(/^[A-Za-z][\w-]*$/, 'a lookup name is a word'), lookupSchema).default({}),
  files: z.array(fileSchema).min(1, 'list at least one file'),
});

export type Mapping = z.infer<typeof mappingSchema>;
export type FileSpec = Mapping['files'][number];
export type PersonSpec = NonNullable<FileSpec['person']>;
export type AllegationSpec = NonNullable<FileSpec['allegation']>;
export type CategoryTarget = z.infer<typeof categoryTarget>;
export type OutcomeTarget = z.infer<typeof outcomeTarget>;
export type SanctionOrNone = (typeof sanctionOrNone)[number];
export type HistorySpec = NonNullable<FileSpec['history']>;
export type ComplaintSpec = NonNullable<FileSpec['complaint']>;
export type ComplainantSpec = NonNullable<FileSpec['complainant']>;
export type SignalSpec = NonNullable<FileSpec['signal']>;
export type LookupSpec = Mapping['lookups'][string];
export type TransformSpec = Mapping['transforms'][string];
