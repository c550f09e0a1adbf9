import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { cases, dipSampleCases, dipSampleReads, dipSamples } from '../../db/schema/index.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

/** Dip samples: grants, their cases and their reads. Case lookups go through visibleCasesSql. */

export type SampleRow = typeof dipSamples.$inferSelect;

/** Cases the granting user may see, by reference (case-insensitive). */
export async function visibleCasesByReference(
  db: Db,
  principal: Principal,
  references: string[],
): Promise<{ id: string; reference: string }[]> {
  if (references.length === 0) return [];
  return rawRows(
    db,
    sql`select c.id, c.reference from cases c
      where upper(c.reference) in (${sql.join(
        references.map((r) => sql`${r.toUpperCase()}`),
        sql`, `,
      )}) and ${visibleCasesSql(principal)}`,
  );
}

export async function insertSample(
  tx: Db,
  values: typeof dipSamples.$inferInsert,
  caseIds: string[],
): Promise<SampleRow> {
  const [row] = await tx.insert(dipSamples).values(values).returning();
  if (!row) throw new Error('insert dip_samples returned nothing');
  await tx.insert(dipSampleCases).values(caseIds.map((caseId) => ({ forceId: row.forceId, sampleId: row.id, caseId })));
  return row;
}

export async function findSampleForUpdate(tx: Db, forceId: string, id: string): Promise<SampleRow | undefined> {
  const [row] = await tx
    .select()
    .from(dipSamples)
    .where(and(eq(dipSamples.forceId, forceId), eq(dipSamples.id, id)))
    .for('update');
  return row;
}

export async function revokeSample(tx: Db, row: SampleRow, by: string, at: Date): Promise<void> {
  await tx
    .update(dipSamples)
    .set({ revokedAt: at, revokedBy: by, version: row.version + 1 })
    .where(and(eq(dipSamples.forceId, row.forceId), eq(dipSamples.id, row.id)));
}

/**
 * The current sample through which the grantee may read a case today: the case must be in scope for them
 * ({@link visibleCasesSql} with today's date, i.e. a current sample of theirs holds it) and the sample is
 * theirs. Undefined when not granted, expired, revoked or not yet begun: "not found" to the caller.
 */
export async function currentSampleOfCase(
  db: Db,
  principal: Principal,
  caseId: string,
  today: IsoDate,
): Promise<{ sample_id: string } | undefined> {
  const [row] = await rawRows<{ sample_id: string }>(
    db,
    sql`select ds.id as sample_id
      from cases c
        join dip_sample_cases dc on dc.force_id = c.force_id and dc.case_id = c.id
        join dip_samples ds on ds.force_id = dc.force_id and ds.id = dc.sample_id
      where c.id = ${caseId}::uuid and ${visibleCasesSql(principal, today)}
        and ds.grantee_user_id = ${principal.userId}::uuid and ds.revoked_at is null and ${today}::date between ds.starts_on and ds.ends_on
      order by ds.ends_on desc limit 1`,
  );
  return row;
}

export async function insertRead(tx: Db, values: typeof dipSampleReads.$inferInsert): Promise<void> {
  await tx.insert(dipSampleReads).values(values);
}

export type SampleListRow = {
  id: string;
  grantee_user_id: string;
  grantee: string;
  granted_by: string;
  starts_on: IsoDate;
  ends_on: IsoDate;
  purpose: string;
  granted_at: Date;
  revoked_at: Date | null;
  version: number;
  cases: { id: string; reference: string }[];
  reads: { at: string; reference: string; by: string }[];
};

/** Samples of a force (or of one grantee), newest first, with their cases and every read. */
export async function listSamples(db: Db, forceId: string, granteeUserId: string | null): Promise<SampleListRow[]> {
  return rawRows<SampleListRow>(
    db,
    sql`select ds.id, ds.grantee_user_id, gu.display_name as grantee, bu.display_name as granted_by, ds.starts_on::text as starts_on,
        ds.ends_on::text as ends_on, ds.purpose, ds.granted_at, ds.revoked_at, ds.version,
        coalesce((select json_agg(json_build_object('id', c.id, 'reference', c.reference) order by c.reference)
          from dip_sample_cases dc join cases c on c.force_id = dc.force_id and c.id = dc.case_id
          where dc.force_id = ds.force_id and dc.sample_id = ds.id), '[]') as cases,
        coalesce((select json_agg(json_build_object('at', r.read_at, 'reference', c.reference, 'by', ru.display_name) order by r.read_at desc)
          from dip_sample_reads r join cases c on c.force_id = r.force_id and c.id = r.case_id left join users ru on ru.id = r.user_id
          where r.force_id = ds.force_id and r.sample_id = ds.id), '[]') as reads
      from dip_samples ds left join users gu on gu.id = ds.grantee_user_id left join users bu on bu.id = ds.granted_by
      where ds.force_id = ${forceId} ${granteeUserId ? sql`and ds.grantee_user_id = ${granteeUserId}::uuid` : sql``}
      order by ds.granted_at desc, ds.id`,
  );
}

/**
 * The case record of a sampled case. Only for a case whose current sample the caller holds (checked first
 * by currentSampleOfCase): the sample, not need-to-know, is what lets an oversight user read it.
 */
export async function sampledCase(db: Db, forceId: string, caseId: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.forceId, forceId), eq(cases.id, caseId)));
  return row;
}
