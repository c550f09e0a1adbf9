import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { investigatorsOfForce } from './case-page-model.ts';
import { caseloadRows } from './case-details.repository.ts';
import { countCaseDeadlines } from './case-deadlines.repository.ts';

export type CaseloadLine = {
  leadId: string;
  name: string;
  email: string;
  cases: number;
  allegations: number;
  overdueClocks: number;
};
export type Caseload = {
  leads: CaseloadLine[];
  unallocated: { cases: number; allegations: number; overdueClocks: number };
  today: string;
};

/**
 * For the appropriate authority deciding who takes the next case: per lead investigator, their open cases,
 * the allegations in them not yet closed and their overdue time limits (the one definition of "overdue" and
 * "mine": clocks/deadline-conditions.repository.ts and case-deadlines.repository.ts), then the unallocated queue.
 * Every active investigator of the force is listed, with noughts if they lead nothing. Only cases the
 * user may see are counted (the same need-to-know clause as the case list).
 */
export async function caseloadFor(deps: Deps, principal: Principal | null): Promise<Caseload> {
  authorize(principal, 'case.allocate', 'page');
  const today = ukToday(deps.now());
  const rows = await caseloadRows(deps.db, principal);
  const none = { cases: 0, allegations: 0 };
  const counts = (r: (typeof rows)[number] | undefined) => (r ? { cases: r.cases, allegations: r.allegations } : none);
  const byLead = new Map(rows.filter((r) => r.leadId).map((r) => [r.leadId as string, r]));
  const lines = (await investigatorsOfForce(deps, principal.forceId)).map((u) => ({
    leadId: u.id,
    name: u.displayName,
    email: u.email,
    ...counts(byLead.get(u.id)),
  }));
  // A lead who is no longer an active investigator still carries their cases until they are reallocated.
  for (const r of rows) {
    if (r.leadId && !lines.some((l) => l.leadId === r.leadId))
      lines.push({ leadId: r.leadId, name: r.leadName ?? 'Unknown user', email: r.leadEmail ?? '', ...counts(r) });
  }
  // Overdue time limits by THE definition of "overdue" and "mine" (case-deadlines.repository.ts), the same count as
  // the lead's own "my deadlines" and the force's overdue list (deadline-counts.http.test.ts).
  const overdueOf = (f: { mineOf?: string; unallocated?: boolean }) =>
    countCaseDeadlines(deps.db, principal, { today, overdue: true, ...f });
  const leads: CaseloadLine[] = await Promise.all(
    lines.map(async (l) => ({ ...l, overdueClocks: await overdueOf({ mineOf: l.leadId }) })),
  );
  leads.sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.email.localeCompare(b.email));
  const unallocated = {
    ...counts(rows.find((r) => r.leadId === null)),
    overdueClocks: await overdueOf({ unallocated: true }),
  };
  return { leads, unallocated, today };
}
