import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { DeadlineFilter, DeadlineRow, DeadlineSource } from '../clocks/index.ts';
import { complaintDeadlineSource } from '../complaints/index.ts';
import { caseDeadlineSource } from '../misconduct/index.ts';
import { reportDeadlineSource } from '../reporting/index.ts';
import { vettingDeadlineSource } from '../vetting/index.ts';

/**
 * The deadline lists across every owner of the one clock store. Each owner feature hands its part with its
 * own need-to-know applied (a case's clock only to those who may see the case, a complaint's only to those
 * who may read the complaint, a vetting clock only to vetting roles with need-to-know of the file, a
 * confidential report's only to the confidential unit that may see the report), and
 * this module unites them: one statement, soonest first.
 */

function sources(principal: Principal, f: DeadlineFilter & { limit: number }): DeadlineSource[] {
  return [
    caseDeadlineSource(principal, f),
    complaintDeadlineSource(principal, f),
    vettingDeadlineSource(principal, f),
    reportDeadlineSource(principal, f),
  ];
}

/** Live clocks of every owner the principal may see, soonest first, in one statement (a UNION of the parts). */
export async function listVisibleDeadlines(
  db: Db,
  principal: Principal,
  f: DeadlineFilter & { limit: number },
): Promise<DeadlineRow[]> {
  const parts = sources(principal, f).map((s) => s.rows);
  return rawRows<DeadlineRow>(
    db,
    sql`select * from (${sql.join(parts, sql` union all `)}) d
    order by d.due_on, d.reference, d.period, d.sequence
    limit ${f.limit}`,
  );
}

/** How many deadlines {@link listVisibleDeadlines} would list without a limit: the same conditions, counted. */
export async function countVisibleDeadlines(db: Db, principal: Principal, f: DeadlineFilter): Promise<number> {
  const counts = sources(principal, { ...f, limit: 0 }).map((s) => s.count);
  const [row] = await rawRows<{ n: number }>(db, sql`select ${sql.join(counts, sql` + `)} as n`);
  return row?.n ?? 0;
}
