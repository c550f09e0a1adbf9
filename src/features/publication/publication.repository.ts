import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { hearingPublications } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/**
 * Hearing notices: the force's publication records and the hearings they are made from. Reads for staff go
 * through {@link visibleCasesSql}; the public page reads only rows whose status is 'published'.
 */

export type PublicationRow = typeof hearingPublications.$inferSelect;

export type HearingChoice = {
  allegation_id: string;
  subject_id: string;
  given_name: string;
  family_name: string;
  rank: string | null;
  form: 'hearing' | 'accelerated_hearing';
  category: string;
  hearing_on: IsoDate | null;
  in_public: boolean;
  published_id: string | null;
};

/** A case the user may see, by reference. */
export async function findVisibleCaseByReference(
  db: Db,
  principal: Principal,
  reference: string,
): Promise<{ id: string; reference: string; summary: string } | undefined> {
  const [row] = await rawRows<{ id: string; reference: string; summary: string }>(
    db,
    sql`select c.id, c.reference, c.summary from cases c where upper(c.reference) = upper(${reference.trim()}) and ${visibleCasesSql(principal)}`,
  );
  return row;
}

export async function findVisibleCaseById(
  db: Db,
  principal: Principal,
  id: string,
): Promise<{ id: string; reference: string; summary: string } | undefined> {
  const [row] = await rawRows<{ id: string; reference: string; summary: string }>(
    db,
    sql`select c.id, c.reference, c.summary from cases c where c.id = ${id}::uuid and ${visibleCasesSql(principal)}`,
  );
  return row;
}

/**
 * The hearings of a case: allegations referred to a misconduct hearing or an accelerated hearing, with the
 * date and the public/private choice recorded when it was arranged, and any live notice already made of it.
 */
export async function hearingsOfCase(db: Db, forceId: string, caseId: string): Promise<HearingChoice[]> {
  return rawRows<HearingChoice>(
    db,
    sql`select a.id as allegation_id, a.subject_id, p.given_name, p.family_name,
        (select pp.rank from person_postings pp where pp.force_id = p.force_id and pp.person_id = p.id and pp.valid_to is null order by pp.valid_from desc limit 1) as rank,
        a.facts->'track'->>'form' as form, coalesce(cat.label, a.category_code) as category,
        (select e.details->>'date' from allegation_events e where e.force_id = a.force_id and e.case_id = a.case_id and e.allegation_id = a.id
           and e.action in ('schedule_hearing', 'schedule_accelerated_hearing') order by e.recorded_at desc limit 1) as hearing_on,
        coalesce((select (e.details->>'inPublic')::boolean from allegation_events e where e.force_id = a.force_id and e.case_id = a.case_id and e.allegation_id = a.id
           and e.action = 'schedule_hearing' order by e.recorded_at desc limit 1), true) as in_public,
        (select h.id from hearing_publications h where h.force_id = a.force_id and h.allegation_id = a.id and h.status <> 'withdrawn' limit 1) as published_id
      from allegations a
        join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
        join people p on p.force_id = s.force_id and p.id = s.person_id
        left join allegation_categories cat on cat.code = a.category_code
      where a.force_id = ${forceId} and a.case_id = ${caseId}::uuid and a.facts->'track'->>'form' in ('hearing', 'accelerated_hearing')
      order by p.family_name, p.given_name`,
  );
}

export async function insertPublication(
  tx: Db,
  values: typeof hearingPublications.$inferInsert,
): Promise<PublicationRow> {
  const [row] = await tx.insert(hearingPublications).values(values).returning();
  if (!row) throw new Error('insert hearing_publications returned nothing');
  return row;
}

/** A publication of a case the user may see, locked for a change. */
export async function findVisiblePublicationForUpdate(
  tx: Db,
  principal: Principal,
  id: string,
): Promise<PublicationRow | undefined> {
  const found = await rawRows<{ id: string }>(
    tx,
    sql`select h.id from hearing_publications h join cases c on c.force_id = h.force_id and c.id = h.case_id
      where h.force_id = ${principal.forceId} and h.id = ${id}::uuid and ${visibleCasesSql(principal)} for update of h`,
  );
  if (found.length === 0) return undefined;
  const [row] = await tx
    .select()
    .from(hearingPublications)
    .where(and(eq(hearingPublications.forceId, principal.forceId), eq(hearingPublications.id, id)));
  return row;
}

export async function updatePublication(
  tx: Db,
  row: PublicationRow,
  values: Partial<typeof hearingPublications.$inferInsert>,
): Promise<void> {
  await tx
    .update(hearingPublications)
    .set({ ...values, version: row.version + 1 })
    .where(and(eq(hearingPublications.forceId, row.forceId), eq(hearingPublications.id, row.id)));
}

export type PublicationListRow = {
  id: string;
  reference: string;
  officerName: string;
  officerRank: string;
  form: string;
  hearingOn: IsoDate;
  status: string;
  outcome: string | null;
};

/** The force's notices on cases the user may see, soonest hearing first. */
export async function listVisiblePublications(db: Db, principal: Principal): Promise<PublicationListRow[]> {
  return rawRows<PublicationListRow>(
    db,
    sql`select h.id, c.reference, h.officer_name as "officerName", h.officer_rank as "officerRank", h.form, h.hearing_on::text as "hearingOn", h.status, h.outcome
      from hearing_publications h join cases c on c.force_id = h.force_id and c.id = h.case_id
      where h.force_id = ${principal.forceId} and ${visibleCasesSql(principal)}
      order by h.hearing_on, h.created_at`,
  );
}

/** One notice of a case the user may see. */
export async function findVisiblePublication(
  db: Db,
  principal: Principal,
  id: string,
): Promise<(PublicationRow & { reference: string }) | undefined> {
  const [found] = await rawRows<{ reference: string }>(
    db,
    sql`select c.reference from hearing_publications h join cases c on c.force_id = h.force_id and c.id = h.case_id
      where h.force_id = ${principal.forceId} and h.id = ${id}::uuid and ${visibleCasesSql(principal)}`,
  );
  if (!found) return undefined;
  const [row] = await db
    .select()
    .from(hearingPublications)
    .where(and(eq(hearingPublications.forceId, principal.forceId), eq(hearingPublications.id, id)));
  return row ? { ...row, reference: found.reference } : undefined;
}

export type PublicNotice = {
  officer_name: string;
  officer_rank: string;
  form: string;
  hearing_on: IsoDate;
  venue: string;
  allegation_summary: string;
  outcome: string | null;
  outcome_on: IsoDate | null;
};

/** What the public may see: published notices of the force, and nothing else. */
export async function publishedNotices(db: Db, forceId: string): Promise<PublicNotice[]> {
  return rawRows<PublicNotice>(
    db,
    sql`select officer_name, officer_rank, form, hearing_on::text as hearing_on, venue, allegation_summary, outcome, outcome_on::text as outcome_on
      from hearing_publications where force_id = ${forceId} and status = 'published' order by hearing_on, created_at`,
  );
}
