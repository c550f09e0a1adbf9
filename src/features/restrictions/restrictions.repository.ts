import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { clocks, dutyRestrictions, restrictionDecisions, suspensionFlagRationales } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { ACTIVE_CLOCK_STATES, type ClockRow } from '../clocks/index.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/**
 * The only SQL for a restriction and its decisions, rationales and clocks. Every read on behalf of a user
 * joins `cases c` and applies {@link visibleCasesSql}; reads keyed by a case are made only after the use
 * case found that case through the same scope in the same transaction.
 */

export type RestrictionRow = typeof dutyRestrictions.$inferSelect;
export type DecisionRow = typeof restrictionDecisions.$inferSelect;
export type RationaleRow = typeof suspensionFlagRationales.$inferSelect;

/** A restriction on a case the principal may see (its case id, to lock the case next), or undefined. */
export async function findVisibleRestrictionCase(
  db: Db,
  principal: Principal,
  restrictionId: string,
): Promise<string | undefined> {
  const [row] = await rawRows<{ case_id: string }>(
    db,
    sql`select r.case_id from duty_restrictions r join cases c on c.force_id = r.force_id and c.id = r.case_id
      where r.force_id = ${principal.forceId} and r.id = ${restrictionId}::uuid and ${visibleCasesSql(principal)}`,
  );
  return row?.case_id;
}

export async function findRestrictionForUpdate(
  tx: Db,
  forceId: string,
  caseId: string,
  id: string,
): Promise<RestrictionRow | undefined> {
  const [row] = await tx
    .select()
    .from(dutyRestrictions)
    .where(and(eq(dutyRestrictions.forceId, forceId), eq(dutyRestrictions.caseId, caseId), eq(dutyRestrictions.id, id)))
    .for('update');
  return row;
}

/** Every restriction of a subject (of one case) in force now: several may run at once, one of each kind. */
export async function findInForceOfSubject(tx: Db, forceId: string, subjectId: string): Promise<RestrictionRow[]> {
  return tx
    .select()
    .from(dutyRestrictions)
    .where(
      and(
        eq(dutyRestrictions.forceId, forceId),
        eq(dutyRestrictions.subjectId, subjectId),
        eq(dutyRestrictions.status, 'in_force'),
      ),
    )
    .orderBy(asc(dutyRestrictions.decidedOn), asc(dutyRestrictions.createdAt));
}

export async function insertRestriction(tx: Db, values: typeof dutyRestrictions.$inferInsert): Promise<RestrictionRow> {
  const [row] = await tx.insert(dutyRestrictions).values(values).returning();
  if (!row) throw new Error('insert duty_restrictions returned nothing');
  return row;
}

/** Updates a locked restriction and moves its version on. */
export async function updateRestriction(
  tx: Db,
  row: RestrictionRow,
  values: Partial<typeof dutyRestrictions.$inferInsert>,
): Promise<number> {
  const version = row.version + 1;
  await tx
    .update(dutyRestrictions)
    .set({ ...values, version })
    .where(and(eq(dutyRestrictions.forceId, row.forceId), eq(dutyRestrictions.id, row.id)));
  return version;
}

export async function insertDecision(tx: Db, values: typeof restrictionDecisions.$inferInsert): Promise<DecisionRow> {
  const [row] = await tx.insert(restrictionDecisions).values(values).returning();
  if (!row) throw new Error('insert restriction_decisions returned nothing');
  return row;
}

/** The decisions on a restriction, oldest first. */
export async function decisionsOf(db: Db, forceId: string, restrictionIds: string[]): Promise<DecisionRow[]> {
  if (restrictionIds.length === 0) return [];
  return db
    .select()
    .from(restrictionDecisions)
    .where(and(eq(restrictionDecisions.forceId, forceId), inArray(restrictionDecisions.restrictionId, restrictionIds)))
    .orderBy(asc(restrictionDecisions.decidedOn), asc(restrictionDecisions.recordedAt));
}

export async function insertRationale(
  tx: Db,
  values: typeof suspensionFlagRationales.$inferInsert,
): Promise<RationaleRow> {
  const [row] = await tx.insert(suspensionFlagRationales).values(values).returning();
  if (!row) throw new Error('insert suspension_flag_rationales returned nothing');
  return row;
}

/** Every restriction of a case (all statuses), oldest first. Keyed by a case the caller found through the scope. */
export async function restrictionsOfCase(db: Db, forceId: string, caseId: string): Promise<RestrictionRow[]> {
  return db
    .select()
    .from(dutyRestrictions)
    .where(and(eq(dutyRestrictions.forceId, forceId), eq(dutyRestrictions.caseId, caseId)))
    .orderBy(asc(dutyRestrictions.decidedOn), asc(dutyRestrictions.createdAt));
}

/** The senior rationales recorded for the subjects of a case, newest first. Keyed by a case found through the scope. */
export async function rationalesOfCase(db: Db, forceId: string, caseId: string): Promise<RationaleRow[]> {
  return db
    .select()
    .from(suspensionFlagRationales)
    .where(and(eq(suspensionFlagRationales.forceId, forceId), eq(suspensionFlagRationales.caseId, caseId)))
    .orderBy(sql`${suspensionFlagRationales.decidedOn} desc, ${suspensionFlagRationales.recordedAt} desc`);
}

/** Display names of users (decision makers), by id. */
export async function userNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await rawRows<{ id: string; display_name: string }>(
    db,
    sql`select id, display_name from users where id in (${sql.join(
      unique.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/**
 * The live clocks of one restriction (notice and review periods), locked. A restriction's clocks have no
 * allegation and carry its id (`restriction_id`): a subject may have several restrictions in force at once.
 */
export async function lockLiveRestrictionClocks(
  tx: Db,
  forceId: string,
  caseId: string,
  restrictionId: string,
  periods: readonly string[],
): Promise<ClockRow[]> {
  const rows = await tx
    .select()
    .from(clocks)
    .where(
      and(
        eq(clocks.forceId, forceId),
        eq(clocks.ownerKind, 'case'),
        eq(clocks.caseId, caseId),
        eq(clocks.restrictionId, restrictionId),
        sql`${clocks.allegationId} is null`,
        inArray(clocks.period, [...periods]),
        inArray(clocks.state, [...ACTIVE_CLOCK_STATES]),
      ),
    )
    .orderBy(clocks.dueOn, clocks.id)
    .for('update');
  return rows as ClockRow[];
}

export async function endClock(
  tx: Db,
  forceId: string,
  id: string,
  state: 'met' | 'cancelled',
  on: IsoDate,
): Promise<void> {
  await tx
    .update(clocks)
    .set({ state, metOn: state === 'met' ? on : null })
    .where(and(eq(clocks.forceId, forceId), eq(clocks.id, id)));
}

export type DemoCandidate = {
  case_id: string;
  reference: string;
  came_to_attention_on: IsoDate;
  subject_id: string;
  category_code: string;
  state: string;
  severity: string | null;
  triggered: boolean;
};

/**
 * For the demo seed only (no user scope: it runs as the system before anyone signs in): serving subjects of
 * the force's open cases with no restriction yet, one row per subject with its first allegation, oldest case
 * first, then by name (the demo's names are seeded; its row ids are not). `triggered` is true when they have
 * been arrested or charged.
 */
export async function demoRestrictionCandidates(db: Db, forceId: string): Promise<DemoCandidate[]> {
  return rawRows<DemoCandidate>(
    db,
    sql`select distinct on (c.came_to_attention_on, c.reference, p.family_name, p.given_name, s.id) c.id as case_id, c.reference, c.came_to_attention_on::text as came_to_attention_on,
        s.id as subject_id, a.category_code, a.state, a.facts->'track'->>'severity' as severity,
        exists (select 1 from criminal_proceedings cp where cp.force_id = s.force_id and cp.subject_id = s.id and cp.kind in ('arrest', 'charge')) as triggered
      from cases c
        join case_subjects s on s.force_id = c.force_id and s.case_id = c.id
        join people p on p.force_id = s.force_id and p.id = s.person_id
        join allegations a on a.force_id = s.force_id and a.subject_id = s.id
      where c.force_id = ${forceId} and c.status = 'open' and s.left_on is null
        and not exists (select 1 from duty_restrictions r where r.force_id = s.force_id and r.subject_id = s.id)
      order by c.came_to_attention_on, c.reference, p.family_name, p.given_name, s.id, a.category_code, a.id`,
  );
}

/**
 * The current rank of the person record a user's account is linked to (`users.person_id`): the rank of its
 * posting in force on `asOf` (the open-ended one, or one not yet ended), or null without a person or posting.
 * Read for the user's OWN authority to record a senior rationale, not about anyone else, so it is keyed by the
 * principal's own person id rather than the people need-to-know scope (which never shows a user their own record).
 */
export async function currentRankOfPerson(
  db: Db,
  forceId: string,
  personId: string | null,
  asOf: IsoDate,
): Promise<string | null> {
  if (!personId) return null;
  const [row] = await rawRows<{ rank: string }>(
    db,
    sql`select pp.rank from person_postings pp
      where pp.force_id = ${forceId} and pp.person_id = ${personId}::uuid
        and pp.valid_from <= ${asOf}::date and (pp.valid_to is null or pp.valid_to >= ${asOf}::date)
      order by pp.valid_to is null desc, pp.valid_from desc limit 1`,
  );
  return row?.rank ?? null;
}
