import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { PersonType } from './rules/subject-standing.ts';
import { REFERRAL_NOTICE_ACTIONS, TRANCHE_TWO_IN_FORCE } from './rules/transitional.ts';
import { allegations, caseAccess, caseParties, caseSubjects, cases, users } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

export type CaseRow = typeof cases.$inferSelect;
export type AllegationRow = typeof allegations.$inferSelect;

// Moved to their own repositories; exported from here too for the callers that import them from this module.
export {
  allegationsAgainstPerson,
  listCases,
  type CaseListFilter,
  type CaseListOrder,
  type CaseListRow,
  type PersonAllegationRow,
} from './case-list.repository.ts';
export {
  criminalEventsOf,
  indictableOnlyConvictionOn,
  insertCriminalEvent,
} from './criminal-proceedings.repository.ts';
export {
  allegationStepsOf,
  findAllegationForUpdate,
  insertAllegationEvent,
  timelineOf,
  updateAllegation,
  type TimelineEntry,
} from './allegation-steps.repository.ts';
export {
  countFurtherListReturns,
  existingListReturn,
  insertListReturn,
  listReturnsOf,
  subjectDossier,
  type SubjectDossier,
} from './list-returns.repository.ts';

/** The next reference of the force for a year, e.g. WESTSHIRE-2026-0042. The force row is locked so two cases never share one. */
export async function nextCaseReference(tx: Db, forceId: string, year: number): Promise<string> {
  await rawRows(tx, sql`select id from forces where id = ${forceId} for update`);
  const prefix = `${forceId.toUpperCase()}-${year}-`;
  const [row] = await rawRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from cases where force_id = ${forceId} and reference like ${`${prefix}%`}`,
  );
  return `${prefix}${String((row?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function insertCase(tx: Db, values: typeof cases.$inferInsert): Promise<CaseRow> {
  const [row] = await tx.insert(cases).values(values).returning();
  if (!row) throw new Error('insert cases returned nothing');
  return row;
}

export async function insertSubject(tx: Db, values: typeof caseSubjects.$inferInsert) {
  const [row] = await tx.insert(caseSubjects).values(values).returning();
  if (!row) throw new Error('insert case_subjects returned nothing');
  return row;
}

export async function insertAllegation(tx: Db, values: typeof allegations.$inferInsert): Promise<AllegationRow> {
  const [row] = await tx.insert(allegations).values(values).returning();
  if (!row) throw new Error('insert allegations returned nothing');
  return row;
}

/** Of `ids`, the accounts of the force with their role and status (to check who may be named on a case). */
export async function usersOfForceByIds(tx: Db, forceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: users.id, role: users.role, status: users.status })
    .from(users)
    .where(and(eq(users.forceId, forceId), inArray(users.id, ids)));
}

export async function insertAccess(
  tx: Db,
  forceId: string,
  caseId: string,
  userIds: string[],
  grantedBy: string,
): Promise<void> {
  if (userIds.length === 0) return;
  await tx
    .insert(caseAccess)
    .values(userIds.map((userId) => ({ forceId, caseId, userId, grantedBy })))
    .onConflictDoNothing();
}

export async function insertParty(tx: Db, values: typeof caseParties.$inferInsert): Promise<void> {
  await tx.insert(caseParties).values(values);
}

/** A case the principal may see (optionally locked), or undefined: refused and missing look the same. */
export async function findVisibleCase(
  db: Db,
  principal: Principal,
  id: string,
  lock = false,
): Promise<CaseRow | undefined> {
  const found = await rawRows<{ id: string }>(
    db,
    sql`select c.id from cases c where c.id = ${id}::uuid and ${visibleCasesSql(principal)} ${lock ? sql`for update of c` : sql``}`,
  );
  if (found.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.forceId, principal.forceId), eq(cases.id, id)));
  return row;
}

export async function updateCase(
  tx: Db,
  forceId: string,
  id: string,
  values: Partial<typeof cases.$inferInsert>,
): Promise<void> {
  await tx
    .update(cases)
    .set(values)
    .where(and(eq(cases.forceId, forceId), eq(cases.id, id)));
}

export type SubjectView = {
  id: string;
  personId: string;
  givenName: string;
  familyName: string;
  leftOn: string | null;
  status: string;
  version: number;
  /** Set when the subject was named by mistake after something was decided (remove-subject.ts). */
  recordedInErrorOn: string | null;
  recordedInErrorReason: string | null;
  /** From the person record: officer, special, staff or volunteer. */
  personType: PersonType;
  /** The rank of the posting held on the date asked for (today unless a step's date is given), if any. */
  rank: string | null;
};

/** The rank of person `p`'s posting held on the date (without a date: the latest posting). */
const rankOn = (onDate: string | undefined) =>
  sql`(select pp.rank from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id
      ${onDate ? sql`and pp.valid_from <= ${onDate}::date and (pp.valid_to is null or pp.valid_to >= ${onDate}::date)` : sql``}
      order by pp.valid_from desc limit 1)`;

/** What a step on an allegation needs from the records besides the allegation itself. */
export type StepStanding = {
  personType: PersonType;
  rank: string | null;
  alreadyReducedInRank: boolean;
  /** A notice of referral to proceedings was given on this allegation before 28 May 2025 (SI 2025/558 reg 64(3)). */
  referralNoticeBeforeCommencement: boolean;
};

/**
 * One subject's standing for a step on `onDate` of allegation `exceptAllegationId`: person type, the rank then
 * held, whether another of their allegations on this case already ended in a reduction in rank (Conduct Regs
 * reg 62(6)–(7)), and whether this allegation's referral notice came before SI 2025/558 (reg 64(3)).
 */
export async function subjectStandingOf(
  db: Db,
  forceId: string,
  caseId: string,
  subjectId: string,
  onDate: string,
  exceptAllegationId: string,
): Promise<StepStanding | undefined> {
  const [row] = await rawRows<StepStanding>(
    db,
    sql`select p.person_type as "personType", ${rankOn(onDate)} as rank,
        exists (select 1 from allegations a where a.force_id = s.force_id and a.case_id = s.case_id
          and a.subject_id = s.id and a.id <> ${exceptAllegationId}::uuid
          and a.facts -> 'track' ->> 'sanction' = 'reduction_in_rank') as "alreadyReducedInRank",
        exists (select 1 from allegation_events e where e.force_id = s.force_id
          and e.allegation_id = ${exceptAllegationId}::uuid
          and e.action in (${sql.join(
            REFERRAL_NOTICE_ACTIONS.map((a) => sql`${a}`),
            sql`, `,
          )})
          and e.occurred_on < ${TRANCHE_TWO_IN_FORCE}::date) as "referralNoticeBeforeCommencement"
      from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id
      where s.force_id = ${forceId} and s.case_id = ${caseId}::uuid and s.id = ${subjectId}::uuid`,
  );
  return row;
}

/** The case's subjects, with each one's person type and the rank held on `onDate` (Conduct Regs reg 62(6)). */
export async function subjectsOf(db: Db, forceId: string, caseId: string, onDate?: string): Promise<SubjectView[]> {
  return rawRows<SubjectView>(
    db,
    sql`select s.id, s.person_id as "personId", p.given_name as "givenName", p.family_name as "familyName", s.left_on::text as "leftOn", p.status, s.version,
        s.recorded_in_error_on::text as "recordedInErrorOn", s.recorded_in_error_reason as "recordedInErrorReason",
        p.person_type as "personType",
        ${rankOn(onDate)} as rank
      from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id
      where s.force_id = ${forceId} and s.case_id = ${caseId}::uuid order by p.family_name, p.given_name`,
  );
}

export async function allegationsOf(db: Db, forceId: string, caseId: string): Promise<AllegationRow[]> {
  return db
    .select()
    .from(allegations)
    .where(and(eq(allegations.forceId, forceId), eq(allegations.caseId, caseId)))
    .orderBy(allegations.subjectId, allegations.id);
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  const rows = await rawRows(db, sql`select 1 from allegation_categories where code = ${code} and active`);
  return rows.length > 0;
}

export async function listCategories(db: Db) {
  return rawRows<{ code: string; label: string; parent_code: string | null }>(
    db,
    sql`select code, label, parent_code from allegation_categories where active order by code`,
  );
}

export async function setSubjectLeft(
  tx: Db,
  forceId: string,
  subjectId: string,
  leftOn: string,
  version: number,
): Promise<void> {
  await tx
    .update(caseSubjects)
    .set({ leftOn, version: version + 1 })
    .where(and(eq(caseSubjects.forceId, forceId), eq(caseSubjects.id, subjectId)));
}

export async function findSubjectForUpdate(tx: Db, forceId: string, caseId: string, subjectId: string) {
  const [row] = await tx
    .select()
    .from(caseSubjects)
    .where(and(eq(caseSubjects.forceId, forceId), eq(caseSubjects.caseId, caseId), eq(caseSubjects.id, subjectId)))
    .for('update');
  return row;
}

/** Whether a person is a subject or a party of a case. */
export async function personIsInvolved(db: Db, forceId: string, caseId: string, personId: string): Promise<boolean> {
  const rows = await rawRows(
    db,
    sql`select 1 from case_subjects s where s.force_id = ${forceId} and s.case_id = ${caseId}::uuid and s.person_id = ${personId}::uuid
      union all select 1 from case_parties p where p.force_id = ${forceId} and p.case_id = ${caseId}::uuid and p.person_id = ${personId}::uuid`,
  );
  return rows.length > 0;
}
