import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { type Principal } from '../../kernel/access/principal.ts';
import { listRestrictions } from './restriction-lists.repository.ts';
import { KIND_LABELS } from './restriction-rules.ts';
import { subjectFlags } from './subject-flags.ts';
import { triggerSummary } from './suspension-flag.ts';
import { restrictionPolicy } from './restriction.policy.ts';

/**
 * The small restriction banner of the case page and the person page: "Restricted: <kind> since <date>" and
 * the suspension flag, for users who may read restrictions, on cases they may see (the same need-to-know
 * scope as every case read). Null for anyone else, so the page shows nothing.
 */
export type RestrictionBanner = {
  scope: 'case' | 'person';
  items: {
    caseId: string;
    reference: string;
    name: string;
    text: string;
    nextReviewDueOn: string | null;
    overdue: boolean;
  }[];
  flags: { caseId: string; reference: string; name: string; text: string }[];
};

async function banner(
  db: Db,
  deps: Pick<Deps, 'config' | 'now'>,
  principal: Principal,
  scope: RestrictionBanner['scope'],
  narrow: { caseId?: string; personIds?: string[] },
): Promise<RestrictionBanner> {
  const today = ukToday(deps.now());
  const flags = (await subjectFlags(db, deps, { principal }, today, narrow)).filter((f) => f.flag.flagged);
  const wanted = await listRestrictions(db, principal, { status: 'in_force', ...narrow });
  return {
    scope,
    items: wanted.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      name: `${r.given_name} ${r.family_name}`,
      text: `Restricted: ${KIND_LABELS[r.kind].toLowerCase()} since ${formatDate(r.starts_on)}`,
      nextReviewDueOn: r.next_review_due_on,
      overdue: !!r.next_review_due_on && r.next_review_due_on < today,
    })),
    flags: flags.map((f) => ({
      caseId: f.caseId,
      reference: f.reference,
      name: f.name,
      text: `Serious matter, not suspended, no current senior rationale: ${triggerSummary(f.flag.triggers, formatDate)}`,
    })),
  };
}

/** For the case page (the case was found through the scope already; the queries apply it again). */
export async function caseRestrictionBanner(
  deps: Deps,
  principal: Principal,
  caseId: string,
): Promise<RestrictionBanner | null> {
  if (!restrictionPolicy.read(principal)) return null;
  return banner(deps.db, deps, principal, 'case', { caseId });
}

/** For the person page, inside its transaction: the person and any records merged into them. */
export async function personRestrictionBanner(
  tx: Db,
  deps: Pick<Deps, 'config' | 'now'>,
  principal: Principal,
  personIds: string[],
): Promise<RestrictionBanner | null> {
  if (!restrictionPolicy.read(principal)) return null;
  return banner(tx, deps, principal, 'person', { personIds });
}
