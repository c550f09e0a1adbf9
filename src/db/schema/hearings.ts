import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { allegations } from './allegations.ts';
import { cases, caseSubjects } from './cases.ts';
import { bytea, forceColumn, idColumn, timestampNow } from './columns.ts';

export const hearingForms = ['meeting', 'hearing', 'accelerated_hearing'] as const;
export const panelRoles = ['chair', 'independent_member', 'lay_member', 'police_member'] as const;

/**
 * A misconduct meeting or hearing as an object (issue 17): one sitting for one or several subjects'
 * allegations (the ten officers may share one), its date and venue, panel, whether in public, and its
 * adjournments. A finding on an allegation it hears cannot be recorded before its date.
 */
export const hearings = pgTable(
  'hearings',
  {
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    form: text('form', { enum: hearingForms }).notNull(),
    /** The day it sits (moved on by an adjournment). */
    heldOn: date('held_on').notNull(),
    venue: text('venue').notNull(),
    inPublic: boolean('in_public').notNull(),
    /** [{ role, name }] — the roles the regime requires are checked by misconduct/rules/hearing-panel.ts. */
    panel: jsonb('panel').notNull().default([]),
    /** [{ from, to, reason, byUserId, recordedOn }] oldest first. */
    adjournments: jsonb('adjournments').notNull().default([]),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('hearings_case_idx').on(t.forceId, t.caseId),
  ],
);

/** The allegations a hearing hears (each allegation is heard at most once at a time). */
export const hearingAllegations = pgTable(
  'hearing_allegations',
  {
    forceId: forceColumn(),
    hearingId: uuid('hearing_id').notNull(),
    allegationId: uuid('allegation_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.hearingId, t.allegationId] }),
    foreignKey({ columns: [t.forceId, t.hearingId], foreignColumns: [hearings.forceId, hearings.id] }),
    foreignKey({ columns: [t.forceId, t.allegationId], foreignColumns: [allegations.forceId, allegations.id] }),
    index('hearing_allegations_allegation_idx').on(t.forceId, t.allegationId),
  ],
);

export const caseLetterKinds = ['hearing_notice', 'outcome', 'reg17_notice'] as const;
/** How a written notice was given (Conduct Regs 2020 reg 7, and e-mail from SI 2025/558 reg 8). */
export const noticeServiceMethods = [
  'in_person',
  'left_at_address',
  'recorded_delivery',
  'police_friend',
  'email',
  'agreed_manner',
] as const;

/**
 * A letter written to a subject officer of a conduct case (issue 17): the notice of a meeting or hearing
 * (Police (Conduct) Regulations 2020 reg 30), the outcome (findings, sanctions, right of appeal) or the written
 * notice of the investigation (Conduct Regs 2020 reg 17) with its service, kept as
 * the HTML and the PDF that were produced, like complaint_letters.
 */
export const caseLetters = pgTable(
  'case_letters',
  {
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The sitting a hearing notice is about (null for an outcome letter). */
    hearingId: uuid('hearing_id'),
    kind: text('kind', { enum: caseLetterKinds }).notNull(),
    writtenOn: date('written_on').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    pdf: bytea('pdf').notNull(),
    /** A regulation 17 notice only: how it was given, the day given or sent, and the day it is treated as served. */
    serviceMethod: text('service_method', { enum: noticeServiceMethods }),
    givenOn: date('given_on'),
    deemedServedOn: date('deemed_served_on'),
    /** A regulation 17 notice only: the last day for the officer's statement and documents (Conduct Regs reg 18). */
    representationsDueOn: date('representations_due_on'),
    createdBy: uuid('created_by'),
    createdAt: timestampNow('created_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('case_letters_case_idx').on(t.forceId, t.caseId, t.createdAt),
  ],
);
