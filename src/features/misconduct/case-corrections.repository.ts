import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { allegationFigures, allegations, caseSubjects } from '../../db/schema/index.ts';

/**
 * What a subject has on the record beyond being named: an allegation that moved past "received", any step
 * on an allegation's track, a clock, a restriction or a senior rationale, criminal proceedings, a list
 * return or a hearing notice. A subject with any of these cannot be removed, only marked recorded in
 * error (remove-subject.ts).
 */
export async function subjectHasHistory(tx: Db, forceId: string, subjectId: string): Promise<boolean> {
  const [row] = await rawRows<{ yes: boolean }>(
    tx,
    sql`with mine as (select a.id, a.state from allegations a where a.force_id = ${forceId} and a.subject_id = ${subjectId}::uuid)
      select (exists (select 1 from mine where state <> 'received')
        or exists (select 1 from allegation_events e where e.force_id = ${forceId} and e.allegation_id in (select id from mine))
        or exists (select 1 from clocks k where k.force_id = ${forceId} and (k.subject_id = ${subjectId}::uuid or k.allegation_id in (select id from mine)))
        or exists (select 1 from duty_restrictions r where r.force_id = ${forceId} and r.subject_id = ${subjectId}::uuid)
        or exists (select 1 from suspension_flag_rationales f where f.force_id = ${forceId} and f.subject_id = ${subjectId}::uuid)
        or exists (select 1 from criminal_proceedings p where p.force_id = ${forceId} and p.subject_id = ${subjectId}::uuid)
        or exists (select 1 from list_returns l where l.force_id = ${forceId} and l.subject_id = ${subjectId}::uuid)
        or exists (select 1 from hearing_publications h where h.force_id = ${forceId} and h.subject_id = ${subjectId}::uuid)
      ) as yes`,
  );
  return row?.yes ?? false;
}

/** Deletes a subject named by mistake and its untouched allegations (with their rows of the figures table). */
export async function deleteSubject(tx: Db, forceId: string, subjectId: string): Promise<void> {
  const ids = (
    await tx
      .select({ id: allegations.id })
      .from(allegations)
      .where(and(eq(allegations.forceId, forceId), eq(allegations.subjectId, subjectId)))
  ).map((r) => r.id);
  for (const id of ids)
    await tx
      .delete(allegationFigures)
      .where(and(eq(allegationFigures.forceId, forceId), eq(allegationFigures.allegationId, id)));
  await tx.delete(allegations).where(and(eq(allegations.forceId, forceId), eq(allegations.subjectId, subjectId)));
  await tx.delete(caseSubjects).where(and(eq(caseSubjects.forceId, forceId), eq(caseSubjects.id, subjectId)));
}

export async function markSubjectInError(
  tx: Db,
  forceId: string,
  subjectId: string,
  values: { on: string; reason: string; by: string; version: number },
): Promise<void> {
  await tx
    .update(caseSubjects)
    .set({
      recordedInErrorOn: values.on,
      recordedInErrorReason: values.reason,
      recordedInErrorBy: values.by,
      version: values.version + 1,
    })
    .where(and(eq(caseSubjects.forceId, forceId), eq(caseSubjects.id, subjectId)));
}

/** Whether any allegation of the case has moved past "received" (its statutory clocks count from the date). */
export async function caseHasProgressed(tx: Db, forceId: string, caseId: string): Promise<boolean> {
  const rows = await rawRows(
    tx,
    sql`select 1 from allegations a where a.force_id = ${forceId} and a.case_id = ${caseId}::uuid and a.state <> 'received' limit 1`,
  );
  return rows.length > 0;
}
