import { sql, type SQL } from 'drizzle-orm';
import type { IntegrityRules } from '../../kernel/config/integrity-rules.ts';
import { can, type Principal } from '../../kernel/access/principal.ts';
import { visibleCasesSql } from '../../kernel/access/cases-scope.ts';
import type { DisclosurePolicy } from './disclosure-control.ts';
import { oversightPolicy } from './oversight.policy.ts';

/**
 * WHICH CASES the oversight figures count, as SQL over `cases c`, and how they are disclosed.
 *
 *  - A user who may read cases (the appropriate authority) counts exactly the cases their lists show:
 *    {@link visibleCasesSql} (own force, never a case they are a subject or party of, restricted cases only
 *    where named). Their figures are unsuppressed (`oversight.unsuppressed`).
 *  - An oversight user who may not read cases (the PCC's office, the chief officer) counts ALL the cases of
 *    their OWN force, aggregated: they never see a case, only numbers, so need-to-know is met by
 *    aggregation plus disclosure control. Never another force.
 *  - The public page counts all the cases of the force it is about, with the same disclosure control as
 *    the PCC's office.
 * Figures that do not come from cases (vetting, the workforce) are always the force's own.
 */
export type AggregateScope = {
  forceId: string;
  cases: SQL;
  /** `cases` is every case of the force: a query may leave the cases out rather than join them. */
  wholeForce: boolean;
  restrictions: { principal: Principal } | { forceId: string };
};

export function oversightScope(principal: Principal): AggregateScope {
  if (can(principal, 'case.read'))
    return {
      forceId: principal.forceId,
      cases: visibleCasesSql(principal),
      wholeForce: false,
      restrictions: { principal },
    };
  return {
    forceId: principal.forceId,
    cases: sql`c.force_id = ${principal.forceId}`,
    wholeForce: true,
    restrictions: { forceId: principal.forceId },
  };
}

export function publicScope(forceId: string): AggregateScope {
  return { forceId, cases: sql`c.force_id = ${forceId}`, wholeForce: true, restrictions: { forceId } };
}

export function disclosurePolicy(principal: Principal | null, rules: IntegrityRules): DisclosurePolicy {
  return { threshold: rules.disclosureThreshold, unsuppressed: oversightPolicy.unsuppressed(principal) };
}
