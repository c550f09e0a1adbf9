import { sql } from 'drizzle-orm';
import {
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { forces, units } from './organisation.ts';

export const importRunStatuses = ['running', 'completed', 'failed'] as const;

/**
 * One run of `probity import`: which mapping and files (with checksums), how far it got and what it counted.
 * A batch's records, its audit row and the move of `file_index`/`file_row` commit together, so a run killed
 * at any moment resumes from exactly the first uncommitted batch. `identity` (force, mapping checksum and
 * file checksums) is how a rerun finds the unfinished run to resume.
 */
export const importRuns = pgTable(
  'import_runs',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    identity: text('identity').notNull(),
    mappingName: text('mapping_name').notNull(),
    mappingChecksum: text('mapping_checksum').notNull(),
    /** [{ name, sha256, bytes }] in the order they are imported (the mapping's order of file kinds). */
    files: jsonb('files').notNull(),
    batchSize: integer('batch_size').notNull(),
    status: text('status', { enum: importRunStatuses }).notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The last committed position: rows of files[file_index] consumed so far (earlier files are done). */
    fileIndex: integer('file_index').notNull().default(0),
    fileRow: integer('file_row').notNull().default(0),
    batches: integer('batches').notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsDuplicate: integer('rows_duplicate').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    /** Records created: { people, identifiers, postings, units, cases, subjects, allegations }. */
    created: jsonb('created').notNull().default({}),
    /** Source values no value map knew: { map: { value: rows } }. */
    unmapped: jsonb('unmapped').notNull().default({}),
    /** The process that runs it, so that a second process refuses to resume a run still in progress. */
    processId: integer('process_id'),
    host: text('host'),
    error: text('error'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('import_runs_identity_idx').on(t.forceId, t.identity, t.startedAt),
    // At most one unfinished run of the same import: two processes starting it at once cannot both run it.
    uniqueIndex('import_runs_unfinished_unique')
      .on(t.forceId, t.identity)
      .where(sql`status <> 'completed'`),
  ],
);

/** Rows a run rejected, with the reason: committed with their batch, written out as the rejects CSV. */
export const importRejects = pgTable(
  'import_rejects',
  {
    forceId: text('force_id').notNull(),
    runId: uuid('run_id').notNull(),
    fileIndex: integer('file_index').notNull(),
    line: integer('line').notNull(),
    fileName: text('file_name').notNull(),
    reason: text('reason').notNull(),
    /** The source line as read, so that it can be corrected and imported again. */
    raw: text('raw').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.runId, t.fileIndex, t.line] }),
    foreignKey({ columns: [t.forceId, t.runId], foreignColumns: [importRuns.forceId, importRuns.id] }),
  ],
);

/** Units an import created, by source key (units themselves have no source key), so that a rerun reuses them. */
export const importUnits = pgTable(
  'import_units',
  {
    forceId: text('force_id').notNull(),
    sourceKey: text('source_key').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.sourceKey] }),
    foreignKey({ columns: [t.forceId, t.unitId], foreignColumns: [units.forceId, units.id] }),
  ],
);
