import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { caseLinks, caseParties, type partyRoles } from '../../db/schema/index.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/**
 * The SQL of a case's details: its parties, its links to other cases, its owning team and the caseload.
 * Every read of ANOTHER case (a link target, the caseload) goes through {@link visibleCasesSql}; reads
 * of the parties of one case take a case already found through it.
 */

export type PartyRole = (typeof partyRoles)[number];
export type PartyRow = typeof caseParties.$inferSelect;
export type PartyView = { id: string; role: PartyRole; personId: string | null; name: string };

export async function partiesOf(db: Db, forceId: string, caseId: string): Promise<PartyView[]> {
  return rawRows<PartyView>(
    db,
    sql`select pt.id, pt.role, pt.person_id as "personId",
        coalesce(p.given_name || ' ' || p.family_name, pt.name, '') as name
      from case_parties pt left join people p on p.force_id = pt.force_id and p.id = pt.person_id
      where pt.force_id = ${forceId} and pt.case_id = ${caseId}::uuid
      order by array_position(array['complainant', 'victim', 'witness', 'reporter'], pt.role), name, pt.id`,
  );
}

export async function findParty(
  tx: Db,
  forceId: string,
  caseId: string,
  partyId: string,
): Promise<PartyRow | undefined> {
  const [row] = await tx
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.forceId, forceId), eq(caseParties.caseId, caseId), eq(caseParties.id, partyId)));
  return row;
}

export async function partyExists(
  tx: Db,
  forceId: string,
  caseId: string,
  role: PartyRole,
  personId: string,
): Promise<boolean> {
  const rows = await tx
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(
      and(
        eq(caseParties.forceId, forceId),
        eq(caseParties.caseId, caseId),
        eq(caseParties.role, role),
        eq(caseParties.personId, personId),
      ),
    );
  return rows.length > 0;
}

export async function insertCaseParty(tx: Db, values: typeof caseParties.$inferInsert): Promise<PartyRow> {
  const [row] = await tx.insert(caseParties).values(values).returning();
  if (!row) throw new Error('insert case_parties returned nothing');
  return row;
}

export async function deleteParty(tx: Db, forceId: string, partyId: string): Promise<void> {
  await tx.delete(caseParties).where(and(eq(caseParties.forceId, forceId), eq(caseParties.id, partyId)));
}

/** A case the principal may see, by its reference (any case): refused and missing look the same. */
export async function findVisibleCaseByReference(
  db: Db,
  principal: Principal,
  reference: string,
): Promise<{ id: string; reference: string } | undefined> {
  const [row] = await rawRows<{ id: string; reference: string }>(
    db,
    sql`select c.id, c.reference from cases c where upper(c.reference) = upper(${reference.trim()}) and ${visibleCasesSql(principal)}`,
  );
  return row;
}

/** Locks the rows of cases in id order, so that two links made at once between the same cases queue rather than deadlock. */
export async function lockCases(tx: Db, forceId: string, ids: string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  await rawRows(
    tx,
    sql`select id from cases where force_id = ${forceId} and id in (${sql.join(
      sorted.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by id for update`,
  );
}

export type LinkedCaseView = {
  id: string;
  reference: string;
  summary: string;
  status: string;
  reason: string;
  linkedAt: Date;
  linkedBy: string | null;
};

/** The cases linked to this one that the principal may see; a link to a case they may not see is not shown. */
export async function linkedCasesOf(db: Db, principal: Principal, caseId: string): Promise<LinkedCaseView[]> {
  return rawRows<LinkedCaseView>(
    db,
    sql`select c.id, c.reference, c.summary, c.status, l.reason, l.linked_at as "linkedAt", u.display_name as "linkedBy"
      from case_links l
      join cases c on c.force_id = l.force_id and c.id = l.linked_case_id
      left join users u on u.id = l.linked_by
      where l.force_id = ${principal.forceId} and l.case_id = ${caseId}::uuid and ${visibleCasesSql(principal)}
      order by c.reference`,
  );
}

export async function linkExists(tx: Db, forceId: string, caseId: string, linkedCaseId: string): Promise<boolean> {
  const rows = await tx
    .select({ caseId: caseLinks.caseId })
    .from(caseLinks)
    .where(and(eq(caseLinks.forceId, forceId), eq(caseLinks.caseId, caseId), eq(caseLinks.linkedCaseId, linkedCaseId)));
  return rows.length > 0;
}

/** Stores the link once per direction, with the same reason. */
export async function insertLinkBothWays(
  tx: Db,
  values: { forceId: string; caseId: string; linkedCaseId: string; reason: string; linkedBy: string },
): Promise<void> {
  const { caseId, linkedCaseId, ...rest } = values;
  await tx
    .insert(caseLinks)
    .values([
      { ...rest, caseId, linkedCaseId },
      { ...rest, caseId: linkedCaseId, linkedCaseId: caseId },
    ])
    .onConflictDoNothing();
}

export async function deleteLinkBothWays(tx: Db, forceId: string, caseId: string, linkedCaseId: string): Promise<void> {
  await tx
    .delete(caseLinks)
    .where(
      and(
        eq(caseLinks.forceId, forceId),
        or(
          and(eq(caseLinks.caseId, caseId), eq(caseLinks.linkedCaseId, linkedCaseId)),
          and(eq(caseLinks.caseId, linkedCaseId), eq(caseLinks.linkedCaseId, caseId)),
        ),
      ),
    );
}

export async function unitName(db: Db, forceId: string, unitId: string | null): Promise<string | null> {
  if (!unitId) return null;
  const [row] = await rawRows<{ name: string }>(
    db,
    sql`select name from units where force_id = ${forceId} and id = ${unitId}::uuid`,
  );
  return row?.name ?? null;
}

export type CaseloadRow = {
  leadId: string | null;
  leadName: string | null;
  leadEmail: string | null;
  cases: number;
  allegations: number;
};

/**
 * Per lead investigator (null: not allocated): open cases and their allegations not yet closed. Open visible
 * cases only: the counts never include a case the principal could not open. (Overdue time limits are counted
 * by clocks.repository.ts countVisibleDeadlines, the one definition of "overdue".)
 */
export async function caseloadRows(db: Db, principal: Principal): Promise<CaseloadRow[]> {
  return rawRows<CaseloadRow>(
    db,
    sql`select g.lead_id as "leadId", u.display_name as "leadName", u.email as "leadEmail", g.cases, g.allegations
      from (
        select c.lead_investigator_id as lead_id, count(*)::int as cases, coalesce(sum(a.n), 0)::int as allegations
        from cases c
        left join lateral (select count(*)::int as n from allegations a where a.force_id = c.force_id and a.case_id = c.id and a.state <> 'closed') a on true
        where c.status = 'open' and ${visibleCasesSql(principal)}
        group by c.lead_investigator_id
      ) g left join users u on u.id = g.lead_id
      order by u.display_name nulls first, u.email`,
  );
}
