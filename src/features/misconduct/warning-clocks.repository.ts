import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';

export type WarningClockRow = {
  id: string;
  case_id: string;
  reference: string;
  allegation_id: string | null;
  period: 'written_warning_expiry' | 'final_written_warning_expiry';
  started_on: string;
  due_on: string;
  state: string;
};

/** A warning an appeal removed, or a clock recorded in error, is not a warning in force. */
const LIVE_WARNING = sql`k.period in ('written_warning_expiry', 'final_written_warning_expiry')
  and k.state not in ('cancelled', 'superseded', 'stopped')`;

/** The warnings given to these person records in the cases the principal may see (the person page). */
export async function warningClocksOfPeople(db: Db, principal: Principal, personIds: readonly string[]) {
  if (!personIds.length) return [];
  return rawRows<WarningClockRow>(
    db,
    sql`select k.id, k.case_id, c.reference, k.allegation_id, k.period, k.started_on::text as started_on,
        k.due_on::text as due_on, k.state
      from clocks k
      join case_subjects s on s.force_id = k.force_id and s.id = k.subject_id
      join cases c on c.force_id = k.force_id and c.id = k.case_id
      where s.person_id in (${sql.join(
        personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) and ${LIVE_WARNING} and ${visibleCasesSql(principal)}
      order by k.started_on desc, c.reference`,
  );
}

/**
 * The final written warnings given to these person records in any case of the force, whoever asks: whether one
 * is in force is a fact the law acts on (Conduct Regs 2020 reg 42(8)), not something need-to-know may hide.
 * One statement for all the subjects of a case.
 */
export async function finalWrittenWarningClocksOfPeople(db: Db, forceId: string, personIds: readonly string[]) {
  if (!personIds.length) return [];
  return rawRows<WarningClockRow & { person_id: string }>(
    db,
    sql`select k.id, k.case_id, c.reference, k.allegation_id, k.period, k.started_on::text as started_on,
        k.due_on::text as due_on, k.state, s.person_id
      from clocks k
      join case_subjects s on s.force_id = k.force_id and s.id = k.subject_id
      join cases c on c.force_id = k.force_id and c.id = k.case_id
      where k.force_id = ${forceId} and s.person_id in (${sql.join(
        personIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and ${LIVE_WARNING} and k.period = 'final_written_warning_expiry'`,
  );
}
