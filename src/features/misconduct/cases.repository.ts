import { and, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { PersonType } from './rules/subject-standing.ts';
import { REFERRAL_NOTICE_ACTIONS, TRANCHE_TWO_IN_FORCE } from './rules/transitional.ts';
import {
  allegationEvents,
  allegations,
  caseAccess,
  caseParties,
  caseSubjects,
  cases,
  criminalProceedings,
  listReturns,
  users,
} from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

export type CaseRow = typeof cases.$inferSelect;
export type AllegationRow = typeof allegations.$inferSelect;

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

export async function findAllegationForUpdate(
  tx: Db,
  forceId: string,
  caseId: string,
  allegationId: string,
): Promise<AllegationRow | undefined> {
  const [row] = await tx
    .select()
    .from(allegations)
    .where(and(eq(allegations.forceId, forceId), eq(allegations.caseId, caseId), eq(allegations.id, allegationId)))
    .for('update');
  return row;
}

export async function updateAllegation(
  tx: Db,
  row: AllegationRow,
  values: { state: string; facts: unknown },
): Promise<void> {
  await tx
    .update(allegations)
    .set({ state: values.state, facts: values.facts, version: row.version + 1, updatedAt: new Date() })
    .where(and(eq(allegations.forceId, row.forceId), eq(allegations.id, row.id)));
}

export async function insertAllegationEvent(tx: Db, values: typeof allegationEvents.$inferInsert): Promise<void> {
  await tx.insert(allegationEvents).values(values);
}

/** One allegation's recorded steps, latest event date first (the chronology check reads these). */
export async function allegationStepsOf(tx: Db, forceId: string, allegationId: string) {
  return tx
    .select({
      action: allegationEvents.action,
      occurredOn: allegationEvents.occurredOn,
      details: allegationEvents.details,
    })
    .from(allegationEvents)
    .where(and(eq(allegationEvents.forceId, forceId), eq(allegationEvents.allegationId, allegationId)))
    .orderBy(desc(allegationEvents.occurredOn), desc(allegationEvents.recordedAt));
}

export type TimelineEntry = {
  id: string;
  allegationId: string;
  action: string;
  fromState: string;
  toState: string;
  details: Record<string, unknown>;
  occurredOn: string;
  recordedAt: Date;
  actor: string | null;
};

export async function timelineOf(db: Db, forceId: string, caseId: string): Promise<TimelineEntry[]> {
  return rawRows<TimelineEntry>(
    db,
    sql`select e.id, e.allegation_id as "allegationId", e.action, e.from_state as "fromState", e.to_state as "toState", e.details,
        e.occurred_on::text as "occurredOn", e.recorded_at as "recordedAt", u.display_name as actor
      from allegation_events e left join users u on u.id = e.actor_user_id
      where e.force_id = ${forceId} and e.case_id = ${caseId}::uuid order by e.recorded_at desc, e.id`,
  );
}

export async function insertListReturn(tx: Db, values: typeof listReturns.$inferInsert) {
  const [row] = await tx.insert(listReturns).values(values).returning();
  if (!row) throw new Error('insert list_returns returned nothing');
  return row;
}

export async function listReturnsOf(db: Db, forceId: string, caseId: string) {
  return db
    .select()
    .from(listReturns)
    .where(and(eq(listReturns.forceId, forceId), eq(listReturns.caseId, caseId)))
    .orderBy(listReturns.createdAt);
}

/** The subject's first (initial) return to a list, if one was made. */
export async function existingListReturn(tx: Db, forceId: string, subjectId: string, list: 'barred' | 'advisory') {
  const [row] = await tx
    .select({ id: listReturns.id })
    .from(listReturns)
    .where(
      and(
        eq(listReturns.forceId, forceId),
        eq(listReturns.subjectId, subjectId),
        eq(listReturns.list, list),
        eq(listReturns.kind, 'initial'),
      ),
    );
  return row;
}

/** How many further reports (Police Act 1996 s.88F) were already made for the subject on a list. */
export async function countFurtherListReturns(tx: Db, forceId: string, subjectId: string, list: 'barred' | 'advisory') {
  const rows = await tx
    .select({ id: listReturns.id })
    .from(listReturns)
    .where(
      and(
        eq(listReturns.forceId, forceId),
        eq(listReturns.subjectId, subjectId),
        eq(listReturns.list, list),
        eq(listReturns.kind, 'further'),
      ),
    );
  return rows.length;
}

export type CaseListFilter = {
  view: 'mine' | 'unallocated' | 'all';
  status?: 'open' | 'closed' | undefined;
  /** A reference, words of the summary, a subject's name, or a number a subject holds or has held. */
  q?: string | undefined;
  /** An allegation category; a parent category also finds its sub-categories. */
  category?: string | undefined;
  /** Allegation stages (states of the track): a case with an allegation at any of them. */
  stage?: readonly string[] | undefined;
  /** A lead investigator's user id, or 'none' for unallocated. */
  lead?: string | undefined;
  source?: string | undefined;
  confidentiality?: string | undefined;
  /** Came to attention on or after / on or before (ISO dates). */
  from?: string | undefined;
  to?: string | undefined;
};
export type CaseListRow = {
  id: string;
  reference: string;
  summary: string;
  source: string;
  came_to_attention_on: string;
  confidentiality: string;
  status: string;
  lead: string | null;
  subjects: number;
  allegations: number;
};
export type CaseListOrder = {
  limit: number;
  offset: number;
  sort?: 'reference' | 'received' | 'lead' | 'subjects' | 'allegations';
  dir?: 'asc' | 'desc';
};

const likePattern = (text: string) => `%${text.replaceAll(/[\\%_]/g, (m) => `\\${m}`)}%`;

function caseListWhere(principal: Principal, f: CaseListFilter): SQL {
  const parts: SQL[] = [visibleCasesSql(principal)];
  if (f.view === 'mine') parts.push(sql`c.lead_investigator_id = ${principal.userId}::uuid`);
  if (f.view === 'unallocated') parts.push(sql`c.lead_investigator_id is null`);
  if (f.status) parts.push(sql`c.status = ${f.status}`);
  if (f.q) {
    const like = likePattern(f.q);
    // A subject is found by either name, the two together, or any number they hold or held (collar numbers
    // are re-issued: a past holder's case is found by the number they had).
    parts.push(sql`(c.reference ilike ${like} or c.summary ilike ${like}
      or exists (select 1 from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id
        where s.force_id = c.force_id and s.case_id = c.id
          and (p.family_name ilike ${like} or p.given_name ilike ${like} or (p.given_name || ' ' || p.family_name) ilike ${like}))
      or exists (select 1 from case_subjects s join person_identifiers i on i.force_id = s.force_id and i.person_id = s.person_id
        where s.force_id = c.force_id and s.case_id = c.id and upper(i.value) = upper(${f.q})))`);
  }
  if (f.category)
    parts.push(sql`exists (select 1 from allegations a where a.force_id = c.force_id and a.case_id = c.id
      and (a.category_code = ${f.category} or a.category_code like ${`${f.category}.%`}))`);
  if (f.stage?.length)
    parts.push(
      sql`exists (select 1 from allegations a where a.force_id = c.force_id and a.case_id = c.id and a.state in (${sql.join(
        f.stage.map((s) => sql`${s}`),
        sql`, `,
      )}))`,
    );
  if (f.lead === 'none') parts.push(sql`c.lead_investigator_id is null`);
  else if (f.lead) parts.push(sql`c.lead_investigator_id = ${f.lead}::uuid`);
  if (f.source) parts.push(sql`c.source = ${f.source}`);
  if (f.confidentiality) parts.push(sql`c.confidentiality = ${f.confidentiality}`);
  if (f.from) parts.push(sql`c.came_to_attention_on >= ${f.from}::date`);
  if (f.to) parts.push(sql`c.came_to_attention_on <= ${f.to}::date`);
  return sql.join(parts, sql` and `);
}

function caseListOrder(order: CaseListOrder): SQL {
  const dir = order.dir === 'asc' ? sql`asc` : sql`desc`;
  switch (order.sort ?? 'received') {
    case 'reference':
      return sql`c.reference ${dir}, c.id`;
    case 'received':
      return sql`c.came_to_attention_on ${dir}, c.reference, c.id`;
    case 'lead':
      return sql`(select u.display_name from users u where u.id = c.lead_investigator_id) ${dir} nulls last, c.came_to_attention_on desc, c.reference, c.id`;
    case 'subjects':
      return sql`(select count(*) from case_subjects s where s.force_id = c.force_id and s.case_id = c.id) ${dir}, c.came_to_attention_on desc, c.reference, c.id`;
    case 'allegations':
      return sql`(select count(*) from allegations a where a.force_id = c.force_id and a.case_id = c.id) ${dir}, c.came_to_attention_on desc, c.reference, c.id`;
  }
}

/**
 * A page of the list and the total, under one WHERE clause. For the default order the page's ids are chosen
 * from cases_list_idx alone (every column the need-to-know rule and the order read is in it, so neither the
 * count nor the page visits the table), then only those rows are read with their counts of subjects and
 * allegations, and put back in the chosen order.
 * The count stops at `countLimit` + 1: past the limit the caller says "more than" (list-cases.ts), so a
 * request never counts a large force's whole caseload.
 */
export async function listCases(
  db: Db,
  principal: Principal,
  f: CaseListFilter,
  page: CaseListOrder,
  countLimit: number,
) {
  const where = caseListWhere(principal, f);
  const [count] = await rawRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from (select 1 from cases c where ${where} limit ${countLimit + 1}) counted`,
  );
  const ids = (
    await rawRows<{ id: string }>(
      db,
      sql`select c.id from cases c where ${where} order by ${caseListOrder(page)} limit ${page.limit} offset ${page.offset}`,
    )
  ).map((r) => r.id);
  const found = ids.length
    ? await rawRows<CaseListRow>(
        db,
        sql`select c.id, c.reference, c.summary, c.source, c.came_to_attention_on::text as came_to_attention_on, c.confidentiality, c.status,
            u.display_name as lead,
            (select count(*)::int from case_subjects s where s.force_id = c.force_id and s.case_id = c.id) as subjects,
            (select count(*)::int from allegations a where a.force_id = c.force_id and a.case_id = c.id) as allegations
          from cases c left join users u on u.id = c.lead_investigator_id
          where c.force_id = ${principal.forceId} and c.id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
      )
    : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const n = count?.n ?? 0;
  return { total: Math.min(n, countLimit), moreThanTotal: n > countLimit, rows };
}

export type PersonAllegationRow = {
  case_id: string;
  reference: string;
  category_code: string;
  category: string;
  state: string;
  came_to_attention_on: string;
};

/** Every allegation against a person across all cases the principal may see (patterns missed one case at a time). */
export async function allegationsAgainstPerson(
  db: Db,
  principal: Principal,
  personId: string,
): Promise<PersonAllegationRow[]> {
  return rawRows<PersonAllegationRow>(
    db,
    sql`select c.id as case_id, c.reference, a.category_code, coalesce(cat.label, a.category_code) as category, a.state, c.came_to_attention_on::text as came_to_attention_on
      from allegations a
      join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
      join cases c on c.force_id = a.force_id and c.id = a.case_id
      left join allegation_categories cat on cat.code = a.category_code
      where s.person_id = ${personId}::uuid and ${visibleCasesSql(principal)}
      order by c.came_to_attention_on desc, c.reference`,
  );
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

export type SubjectDossier = {
  subject_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  person_type: string;
  left_on: string | null;
  rank: string | null;
  warrant: string | null;
  collar: string | null;
  staff_number: string | null;
};

/** What a barred or advisory list return needs about a subject (uk-domain.md §2.15). */
export async function subjectDossier(db: Db, forceId: string, subjectId: string): Promise<SubjectDossier | undefined> {
  const [row] = await rawRows<SubjectDossier>(
    db,
    sql`select s.id as subject_id, p.id as person_id, p.given_name, p.family_name, p.date_of_birth::text as date_of_birth, p.person_type,
        coalesce(s.left_on::text, p.service_end::text) as left_on,
        (select pp.rank from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id order by pp.valid_from desc limit 1) as rank,
        (select i.value from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id and i.kind = 'warrant' order by i.valid_from desc limit 1) as warrant,
        (select i.value from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id and i.kind = 'collar' order by i.valid_from desc limit 1) as collar,
        (select i.value from person_identifiers i where i.force_id = p.force_id and i.person_id = p.id and i.kind = 'staff' order by i.valid_from desc limit 1) as staff_number
      from case_subjects s join people p on p.force_id = s.force_id and p.id = s.person_id
      where s.force_id = ${forceId} and s.id = ${subjectId}::uuid`,
  );
  return row;
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

export async function insertCriminalEvent(tx: Db, values: typeof criminalProceedings.$inferInsert) {
  const [row] = await tx.insert(criminalProceedings).values(values).returning();
  if (!row) throw new Error('insert criminal_proceedings returned nothing');
  return row;
}

/** The first recorded conviction of the subject for an indictable-only offence on or before `on`, if any. */
export async function indictableOnlyConvictionOn(
  db: Db,
  forceId: string,
  caseId: string,
  subjectId: string,
  on: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ occurredOn: criminalProceedings.occurredOn })
    .from(criminalProceedings)
    .where(
      and(
        eq(criminalProceedings.forceId, forceId),
        eq(criminalProceedings.caseId, caseId),
        eq(criminalProceedings.subjectId, subjectId),
        eq(criminalProceedings.indictableOnlyConviction, true),
        lte(criminalProceedings.occurredOn, on),
      ),
    )
    .orderBy(criminalProceedings.occurredOn)
    .limit(1);
  return row?.occurredOn;
}

export async function criminalEventsOf(db: Db, forceId: string, caseId: string) {
  return db
    .select()
    .from(criminalProceedings)
    .where(and(eq(criminalProceedings.forceId, forceId), eq(criminalProceedings.caseId, caseId)))
    .orderBy(criminalProceedings.occurredOn);
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
