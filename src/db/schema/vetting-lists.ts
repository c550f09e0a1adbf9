import { date, foreignKey, index, pgTable, primaryKey, real, text, unique, uuid } from 'drizzle-orm/pg-core';
import { forceColumn, idColumn, timestampNow } from './columns.ts';
import { vettingApplications } from './vetting.ts';

export const listKinds = ['barred', 'advisory'] as const;
export const matchDecisions = ['pending', 'confirmed_match', 'not_a_match'] as const;

/**
 * Barred and advisory list entries a force knows of: its own returns and rows imported from the national
 * lists (CSV). Recruitment applications are checked against them.
 */
export const listEntries = pgTable(
  'list_entries',
  {
    forceId: forceColumn(),
    id: idColumn(),
    list: text('list', { enum: listKinds }).notNull(),
    origin: text('origin', { enum: ['own_return', 'national_import'] }).notNull(),
    listReturnId: uuid('list_return_id'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    formerForce: text('former_force').notNull().default(''),
    rank: text('rank').notNull().default(''),
    identifiers: text('identifiers').array().notNull().default([]),
    reason: text('reason').notNull().default(''),
    listedOn: date('listed_on'),
    /** For imported rows: a stable key so a re-import changes nothing. */
    sourceKey: text('source_key').notNull(),
    importedAt: timestampNow('imported_at'),
    /**
     * The day a later national file no longer had this entry: it was taken off the list. Kept, never deleted
     * (decisions made against it refer to it), but it no longer matches or blocks a decision.
     */
    removedOn: date('removed_on'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('list_entries_source_unique').on(t.forceId, t.sourceKey),
    index('list_entries_name_idx').on(t.forceId, t.familyName),
    index('list_entries_dob_idx').on(t.forceId, t.dateOfBirth),
  ],
);

/** A likely match between an application and a list entry, for a human to decide. Never acted on automatically. */
export const listMatches = pgTable(
  'list_matches',
  {
    forceId: forceColumn(),
    id: idColumn(),
    applicationId: uuid('application_id').notNull(),
    entryId: uuid('entry_id').notNull(),
    score: real('score').notNull(),
    reasons: text('reasons').array().notNull(),
    decision: text('decision', { enum: matchDecisions }).notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('list_matches_pair_unique').on(t.forceId, t.applicationId, t.entryId),
    foreignKey({
      columns: [t.forceId, t.applicationId],
      foreignColumns: [vettingApplications.forceId, vettingApplications.id],
    }),
    foreignKey({ columns: [t.forceId, t.entryId], foreignColumns: [listEntries.forceId, listEntries.id] }),
  ],
);
