import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { bytea, forceColumn, idColumn, timestampNow } from './columns.ts';

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

/** A conduct case: one matter, many subjects, many allegations each on its own track. */
export const cases = pgTable(
  'cases',
  {
    forceId: forceColumn({ referencesForces: true }),
    id: idColumn(),
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
    createdAt: timestampNow('created_at'),
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
    forceId: forceColumn(),
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    grantedBy: uuid('granted_by'),
    grantedAt: timestampNow('granted_at'),
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
    forceId: forceColumn(),
    id: idColumn(),
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
    forceId: forceColumn(),
    id: idColumn(),
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

/** Two cases linked (same incident, same subject, a complaint converted into a conduct case …), stored once per direction. */
export const caseLinks = pgTable(
  'case_links',
  {
    forceId: forceColumn(),
    caseId: uuid('case_id').notNull(),
    linkedCaseId: uuid('linked_case_id').notNull(),
    reason: text('reason').notNull(),
    linkedBy: uuid('linked_by'),
    linkedAt: timestampNow('linked_at'),
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
    forceId: forceColumn(),
    id: idColumn(),
    caseId: uuid('case_id').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    description: text('description').notNull().default(''),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestampNow('uploaded_at'),
  },
  (t) => [
    primaryKey({ columns: [t.forceId, t.id] }),
    foreignKey({ columns: [t.forceId, t.caseId], foreignColumns: [cases.forceId, cases.id] }),
    index('case_evidence_case_idx').on(t.forceId, t.caseId),
  ],
);
