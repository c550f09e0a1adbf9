import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases.ts';
import { forces } from './organisation.ts';

/**
 * Dip sampling (features/oversight): the appropriate authority grants a named oversight user (the PCC's
 * office) read-only access to chosen cases for a period. While the sample is current (starts_on ≤ today ≤
 * ends_on, not revoked) the case scope (misconduct/cases-scope.ts) lets that user open those cases; every
 * read is kept in `dip_sample_reads` (and the audit log) so the force can see what was looked at.
 */
export const dipSamples = pgTable(
  'dip_samples',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    granteeUserId: uuid('grantee_user_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    purpose: text('purpose').notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    index('dip_samples_grantee_idx').on(t.forceId, t.granteeUserId, t.endsOn),
  ],
);

/** The cases of a sample. */
export const dipSampleCases = pgTable(
  'dip_sample_cases',
  {
    forceId: text('force_id').notNull(),
    sampleId: uuid('sample_id').notNull(),
    caseId: uuid('case_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.sampleId, t.caseId] }),
    foreignKey({ columns: [t.forceId, t.sampleId], foreignColumns: [dipSamples.forceId, dipSamples.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('dip_sample_cases_case_idx').on(t.forceId, t.caseId),
  ],
);

/** Each read of a sampled case by its grantee. */
export const dipSampleReads = pgTable(
  'dip_sample_reads',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sampleId: uuid('sample_id').notNull(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.sampleId], foreignColumns: [dipSamples.forceId, dipSamples.id] }),
    index('dip_sample_reads_sample_idx').on(t.forceId, t.sampleId, t.readAt),
  ],
);
