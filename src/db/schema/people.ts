import { sql } from 'drizzle-orm';
import {
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { forces, units } from './organisation.ts';

export const personTypes = ['officer', 'special', 'staff', 'volunteer'] as const;
export const personStatuses = ['current', 'former'] as const;
export const sexes = ['female', 'male', 'not_stated'] as const;
/** 2021 Census top-level ethnic groups, as the Home Office workforce tables use them. */
export const ethnicities = ['asian', 'black', 'mixed', 'white', 'other', 'not_stated'] as const;
export const ageBands = ['under_26', '26_40', '41_55', 'over_55'] as const;
export const identifierKinds = ['collar', 'warrant', 'staff'] as const;

/**
 * A person the force employs or has employed. Protected characteristics are optional and readable only
 * by roles with `person.readProtected`. A merged duplicate keeps its own rows and points at the survivor
 * through `merged_into_id`, so an undo restores exactly what was there.
 */
export const people = pgTable(
  'people',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    personType: text('person_type', { enum: personTypes }).notNull(),
    status: text('status', { enum: personStatuses }).notNull().default('current'),
    serviceStart: date('service_start'),
    serviceEnd: date('service_end'),
    dateOfBirth: date('date_of_birth'),
    sex: text('sex', { enum: sexes }),
    ethnicity: text('ethnicity', { enum: ethnicities }),
    ageBand: text('age_band', { enum: ageBands }),
    mergedIntoId: uuid('merged_into_id'),
    /** Lower-cased "given family" for prefix and substring search. */
    searchName: text('search_name')
      .notNull()
      .default(sql`''`),
    sourceKey: text('source_key'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.mergedIntoId], foreignColumns: [t.forceId, t.id] }),
    index('people_family_name_idx').on(t.forceId, t.familyName, t.givenName),
    index('people_search_name_idx').on(t.forceId, t.searchName),
    // The directory's name search matches any part of a name (`search_name like '%word%'`): trigrams find it
    // without reading every person of the force (migration 0017 creates the pg_trgm extension first).
    index('people_search_trgm_idx').using('gin', t.searchName.op('gin_trgm_ops')),
    index('people_merged_into_idx').on(t.forceId, t.mergedIntoId),
    // An imported person keeps its source key: importing the same row again finds it (features/imports).
    unique('people_source_key_unique').on(t.forceId, t.sourceKey),
  ],
);

/**
 * Collar, warrant and staff numbers with the period each was held: numbers change on promotion and a
 * released number can be issued to someone else later, so a number alone never identifies a person.
 */
export const personIdentifiers = pgTable(
  'person_identifiers',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind', { enum: identifierKinds }).notNull(),
    value: text('value').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    index('person_identifiers_value_idx').on(t.forceId, t.value),
    index('person_identifiers_person_idx').on(t.forceId, t.personId),
    // The directory's number search matches the upper-cased number: equal (a btree on the force and the
    // expression) or containing what was typed (trigrams), so neither reads every identifier of the force.
    index('person_identifiers_upper_value_idx').on(t.forceId, sql`upper(${t.value})`),
    index('person_identifiers_upper_value_trgm_idx').using('gin', sql`upper(${t.value}) gin_trgm_ops`),
  ],
);

/** Rank, role and unit over time; the open-ended row (valid_to null) is the current posting. */
export const personPostings = pgTable(
  'person_postings',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    rank: text('rank').notNull(),
    role: text('role').notNull(),
    unitId: uuid('unit_id').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    foreignKey({ columns: [t.forceId, t.unitId], foreignColumns: [units.forceId, units.id] }),
    index('person_postings_person_idx').on(t.forceId, t.personId),
    index('person_postings_unit_idx').on(t.forceId, t.unitId, t.validTo),
  ],
);

/** Each merge of a duplicate into a survivor, and its undo. */
export const personMerges = pgTable(
  'person_merges',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    survivorId: uuid('survivor_id').notNull(),
    mergedId: uuid('merged_id').notNull(),
    reason: text('reason').notNull(),
    mergedBy: uuid('merged_by').notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    undoneBy: uuid('undone_by'),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoReason: text('undo_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.survivorId], foreignColumns: [people.forceId, people.id] }),
    foreignKey({ columns: [t.forceId, t.mergedId], foreignColumns: [people.forceId, people.id] }),
    index('person_merges_survivor_idx').on(t.forceId, t.survivorId),
  ],
);

/**
 * A career break of an officer (Police Regulations 2003 reg 33 scheme): a warning's time in force does not run
 * during it (Police (Conduct) Regulations 2020 reg 42(11), reg 62(5)). `endsOn` null: the break is still open.
 */
export const personCareerBreaks = pgTable(
  'person_career_breaks',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    note: text('note').notNull().default(''),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.personId], foreignColumns: [people.forceId, people.id] }),
    index('person_career_breaks_person_idx').on(t.forceId, t.personId),
  ],
);
