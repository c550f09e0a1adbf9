import { CopyTable } from './copy-text.ts';
import { integrityTables, type IntegrityTables } from './synthetic-integrity.ts';

/** The COPY tables a generated case is written into (synthetic-case-rows.ts), with their columns. */

export type CaseTables = IntegrityTables & {
  cases: CopyTable;
  caseAccess: CopyTable;
  caseSubjects: CopyTable;
  caseParties: CopyTable;
  allegations: CopyTable;
  allegationEvents: CopyTable;
  clocks: CopyTable;
  listReturns: CopyTable;
};

/** The tables in the order their foreign keys need. */
export function caseTables(): CaseTables {
  return {
    cases: new CopyTable('cases', [
      'force_id',
      'id',
      'reference',
      'source',
      'case_type',
      'came_to_attention_on',
      'regime_version',
      'confidentiality',
      'owning_unit_id',
      'summary',
      'lead_investigator_id',
      'status',
      'closed_on',
      'version',
      'created_by',
      'created_at',
    ]),
    caseAccess: new CopyTable('case_access', ['force_id', 'case_id', 'user_id', 'granted_by', 'granted_at']),
    caseSubjects: new CopyTable('case_subjects', ['force_id', 'id', 'case_id', 'person_id', 'left_on', 'version']),
    caseParties: new CopyTable('case_parties', ['force_id', 'id', 'case_id', 'role', 'person_id', 'name']),
    allegations: new CopyTable('allegations', [
      'force_id',
      'id',
      'case_id',
      'subject_id',
      'category_code',
      'standards',
      'description',
      'state',
      'facts',
      'version',
      'updated_at',
    ]),
    allegationEvents: new CopyTable('allegation_events', [
      'force_id',
      'id',
      'case_id',
      'allegation_id',
      'action',
      'from_state',
      'to_state',
      'details',
      'actor_user_id',
      'occurred_on',
      'recorded_at',
    ]),
    clocks: new CopyTable('clocks', [
      'force_id',
      'id',
      'case_id',
      'allegation_id',
      'subject_id',
      'period',
      'sequence',
      'regime_version',
      'started_on',
      'due_on',
      'owner_user_id',
      'state',
      'paused_days',
      'met_on',
      'due_notified_at',
      'overdue_notified_at',
    ]),
    listReturns: new CopyTable('list_returns', [
      'force_id',
      'id',
      'case_id',
      'subject_id',
      'allegation_id',
      'list',
      'document',
      'triggered_on',
      'submitted_on',
      'created_at',
    ]),
    ...integrityTables(),
  };
}

export function tablesInOrder(t: CaseTables): CopyTable[] {
  return [
    t.cases,
    t.caseAccess,
    t.caseSubjects,
    t.caseParties,
    t.allegations,
    t.allegationEvents,
    t.clocks,
    t.listReturns,
    t.dutyRestrictions,
    t.restrictionDecisions,
  ];
}
