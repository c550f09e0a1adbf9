import { boolean, date, foreignKey, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { caseSubjects } from './cases.ts';
import { forceColumn, idColumn, timestampNow } from './columns.ts';

export const criminalEventKinds = [
  'arrest',
  'bail',
  'released_under_investigation',
  'charge',
  'court_outcome',
  'no_further_action',
] as const;

/** Criminal proceedings alongside the conduct case; a sub judice period pauses the clocks the law pauses. */
export const criminalProceedings = pgTable(
  'criminal_proceedings',
  {
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind', { enum: criminalEventKinds }).notNull(),
    occurredOn: date('occurred_on').notNull(),
    details: text('details').notNull().default(''),
    /** A court outcome that is a conviction for an indictable-only offence (gross misconduct from 2025, SI 2025/558). */
    indictableOnlyConviction: boolean('indictable_only_conviction').notNull().default(false),
    subJudiceFrom: date('sub_judice_from'),
    subJudiceTo: date('sub_judice_to'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestampNow('recorded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('criminal_proceedings_case_idx').on(t.forceId, t.caseId),
    index('criminal_proceedings_subject_idx').on(t.forceId, t.subjectId),
  ],
);
