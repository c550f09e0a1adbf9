import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** PostgreSQL bytea as a Node Buffer (both drivers return binary columns as bytes). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
import { forces } from './organisation.ts';
import { users } from './accounts.ts';

export const caseSources = [
  'internal_report',
  'public_complaint',
  'anonymous_report',
  'criminal_investigation',
  'vetting',
  'data_check',
  'other',
] as const;
export const caseTypes = ['conduct_matter', 'recordable_conduct_matter', 'complaint_special_procedures'] as const;
export const confidentialities = ['normal', 'restricted'] as const;
export const partyRoles = ['complainant', 'victim', 'witness', 'reporter'] as const;

/**
 * The allegation taxonomy (IOPC 2020 categories and sub-categories, legacy letter codes kept as a mapping).
 * Configuration shared by all forces: a reference table under Citus.
 */
export const allegationCategories = pgTable('allegation_categories', {
  code: text('code').primaryKey(),
  parentCode: text('parent_code'),
  label: text('label').notNull(),
  legacyCodes: text('legacy_codes').array().notNull().default([]),
  serious: boolean('serious').notNull().default(false),
  confidence: text('confidence', { enum: ['V', 'R'] }).notNull(),
  active: boolean('active').notNull().default(true),
});

/** A conduct case: one matter, many subjects, many allegations each on its own track. */
export const cases = pgTable(
  'cases',
  {
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    id: uuid('id').notNull().defaultRandom(),
    reference: text('reference').notNull(),
    source: text('source', { enum: caseSources }).notNull(),
    caseType: text('case_type', { enum: caseTypes }).notNull(),
    /** The day the matter came to the appropriate authority's attention: fixes the regime and the 12-month clock. */
    cameToAttentionOn: date('came_to_attention_on').notNull(),
    regimeVersion: text('regime_version').notNull(),
    /** The earlier matter this one is connected to (its came-to-attention date) and why: fixes the regime (SI 2025/558 reg 64(1)). */
    connectedMatterOn: date('connected_matter_on'),
    connectedMatterReason: text('connected_matter_reason'),
    /** An IOPC re-investigation (PRA 2002 s.13B) or a s.28A direction: the 2025 amendments apply (SI 2025/558 reg 64(2)). */
    iopcReinvestigation: boolean('iopc_reinvestigation').notNull().default(false),
    confidentiality: text('confidentiality', { enum: confidentialities }).notNull().default('normal'),
    owningUnitId: uuid('owning_unit_id'),
    summary: text('summary').notNull(),
    leadInvestigatorId: uuid('lead_investigator_id'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closedOn: date('closed_on'),
    sourceKey: text('source_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('cases_reference_unique').on(t.forceId, t.reference),
    index('cases_lead_idx').on(t.forceId, t.leadInvestigatorId, t.status),
    // The case list and its count (list order, then every column the need-to-know rule reads): both are
    // answered from the index alone. Also any filter by status.
    index('cases_list_idx').on(
      t.forceId,
      t.status,
      t.cameToAttentionOn.desc().nullsFirst(),
      t.reference,
      t.id,
      t.confidentiality,
      t.leadInvestigatorId,
      t.owningUnitId,
    ),
    // Oversight figures by period: cases finalised in it (and open on a day: closed_on null or later), or received in it.
    index('cases_closed_idx').on(t.forceId, t.closedOn),
    index('cases_received_idx').on(t.forceId, t.cameToAttentionOn),
    // An imported case keeps its source key: importing the same rows again finds it (features/imports).
    unique('cases_source_key_unique').on(t.forceId, t.sourceKey),
  ],
);

/** For a restricted case: the only users who may see it. */
export const caseAccess = pgTable(
  'case_access',
  {
    forceId: text('force_id').notNull(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.caseId, t.userId] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    // Only real accounts can be named (open-case.ts checks force, status and ability; this is the backstop).
    foreignKey({ columns: [t.userId], foreignColumns: [users.id] }),
    // The cases a user is named on (the need-to-know rule for restricted cases, in every list and count).
    index('case_access_user_idx').on(t.userId, t.forceId, t.caseId),
  ],
);

/** A person the case is about. `left_on` records resignation or retirement while under investigation. */
export const caseSubjects = pgTable(
  'case_subjects',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    personId: uuid('person_id').notNull(),
    leftOn: date('left_on'),
    /**
     * A subject named by mistake whose allegations had already been decided on: kept (the decisions stay
     * on the record) but marked, with the reason, the day and who said so. One with nothing decided is
     * removed instead (features/misconduct/remove-subject.ts).
     */
    recordedInErrorOn: date('recorded_in_error_on'),
    recordedInErrorReason: text('recorded_in_error_reason'),
    recordedInErrorBy: uuid('recorded_in_error_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    unique('case_subjects_person_unique').on(t.forceId, t.caseId, t.personId),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('case_subjects_person_idx').on(t.forceId, t.personId),
  ],
);

/** Complainants, victims, witnesses and reporters: parties never see the case. */
export const caseParties = pgTable(
  'case_parties',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    role: text('role', { enum: partyRoles }).notNull(),
    personId: uuid('person_id'),
    name: text('name'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('case_parties_person_idx').on(t.forceId, t.personId),
  ],
);

/** One allegation against one subject, moving on its own track (state machine in misconduct/rules). */
export const allegations = pgTable(
  'allegations',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    categoryCode: text('category_code').notNull(),
    standards: text('standards').array().notNull(),
    description: text('description').notNull(),
    state: text('state').notNull(),
    /** Facts the track has recorded so far (severity, referral, notice, report, decision, finding, sanction …). */
    facts: jsonb('facts').notNull().default({}),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set on imported allegations: importing the same row again finds it (features/imports). */
    sourceKey: text('source_key'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    unique('allegations_source_key_unique').on(t.forceId, t.sourceKey),
    index('allegations_case_idx').on(t.forceId, t.caseId),
    index('allegations_subject_idx').on(t.forceId, t.subjectId),
    index('allegations_state_idx').on(t.forceId, t.state),
  ],
);

/** Every action taken on an allegation: the track's history and the case timeline. */
export const allegationEvents = pgTable(
  'allegation_events',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    allegationId: uuid('allegation_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    details: jsonb('details').notNull().default({}),
    actorUserId: uuid('actor_user_id'),
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.allegationId], foreignColumns: [allegations.forceId, allegations.id] }),
    index('allegation_events_case_idx').on(t.forceId, t.caseId, t.recordedAt),
    // One allegation's history (the flag's gross-misconduct date, whether it went to reflective practice).
    index('allegation_events_allegation_idx').on(t.forceId, t.allegationId, t.toState),
    // Allegations finalised in a period, found through their closing events (oversight figures).
    index('allegation_events_closed_idx')
      .on(t.forceId, t.occurredOn, t.allegationId)
      .where(sql`to_state = 'closed'`),
    // Allegations that went to reflective practice (oversight figures), and the day each was assessed as gross
    // misconduct (the suspension flag's trigger): small, read without visiting the table.
    index('allegation_events_rprp_idx')
      .on(t.forceId, t.allegationId)
      .where(sql`to_state = 'rprp'`),
    index('allegation_events_gross_idx')
      .on(t.forceId, t.allegationId, t.occurredOn)
      .where(sql`action = 'assess_severity' and (details->>'severity') = 'gross_misconduct'`),
  ],
);

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
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
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
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('criminal_proceedings_case_idx').on(t.forceId, t.caseId),
    index('criminal_proceedings_subject_idx').on(t.forceId, t.subjectId),
  ],
);

/** Barred and advisory list returns to the College of Policing, generated from outcomes. */
export const listReturns = pgTable(
  'list_returns',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    allegationId: uuid('allegation_id'),
    list: text('list', { enum: ['barred', 'advisory'] }).notNull(),
    /**
     * 'initial': the first report (Barred List Regs 2017 reg 3, reg 12); 'further': a further report when the
     * first one becomes wrong, e.g. a dismissal overturned on appeal (Police Act 1996 s.88F, reg 5) — its own
     * return with its own clock.
     */
    kind: text('kind', { enum: ['initial', 'further'] })
      .notNull()
      .default('initial'),
    document: jsonb('document').notNull(),
    triggeredOn: date('triggered_on').notNull(),
    submittedOn: date('submitted_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.subjectId], foreignColumns: [caseSubjects.forceId, caseSubjects.id] }),
    index('list_returns_case_idx').on(t.forceId, t.caseId),
  ],
);

/** Two cases linked (same incident, same subject, a complaint converted into a conduct case …), stored once per direction. */
export const caseLinks = pgTable(
  'case_links',
  {
    forceId: text('force_id').notNull(),
    caseId: uuid('case_id').notNull(),
    linkedCaseId: uuid('linked_case_id').notNull(),
    reason: text('reason').notNull(),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.caseId, t.linkedCaseId] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    foreignKey({ columns: [t.forceId, t.linkedCaseId], foreignColumns: [cases.forceId, cases.id] }),
  ],
);

/**
 * Evidence files, stored in the database so that backups, need-to-know and audit cover them with the
 * rest of the case. Only what the user chose to describe is kept: no upload metadata beyond name, type and size.
 */
export const caseEvidence = pgTable(
  'case_evidence',
  {
    forceId: text('force_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    description: text('description').notNull().default(''),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('case_evidence_case_idx').on(t.forceId, t.caseId),
  ],
);
