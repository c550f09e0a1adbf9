import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import type { AggregateScope } from './oversight-scope.ts';
import type { ReportingPeriod } from './period.ts';

/**
 * Aggregate SQL over the integrity loop's tables for the oversight figures: duty restrictions (case-derived,
 * so counted over the scope's cases), vetting (the force's own, never case-derived) and the recommendation
 * tracker. Grouped counts only.
 */

export type RestrictionKindRow = { kind: string; started: number; in_force: number; avg_days_in_force: number | null };

/**
 * By kind: restrictions that started in the period, those in force on `asAt` and how long those have lasted.
 * Only rows that can count are read (started in the period, or not ended by `asAt`: duty_restrictions_starts_idx
 * and duty_restrictions_ends_idx); their cases are joined only when the scope is narrower than the whole force.
 * A kind with none is absent and reads as zero.
 */
export async function restrictionsByKind(
  db: Db,
  scope: AggregateScope,
  period: ReportingPeriod,
  asAt: IsoDate,
): Promise<RestrictionKindRow[]> {
  const inForce = sql`r.starts_on <= ${asAt}::date and (r.ends_on is null or r.ends_on > ${asAt}::date)`;
  return rawRows<RestrictionKindRow>(
    db,
    sql`select r.kind,
        count(*) filter (where r.starts_on between ${period.from}::date and ${period.to}::date)::int as started,
        count(*) filter (where ${inForce})::int as in_force,
        (avg(${asAt}::date - r.starts_on) filter (where ${inForce}))::float8 as avg_days_in_force
      from duty_restrictions r ${scope.wholeForce ? sql`` : sql`join cases c on c.force_id = r.force_id and c.id = r.case_id and ${scope.cases}`}
      where r.force_id = ${scope.forceId}
        and (r.starts_on between ${period.from}::date and ${period.to}::date or r.ends_on is null or r.ends_on > ${asAt}::date)
      group by 1`,
  );
}

export type VettingCounts = {
  valid: number;
  expired: number;
  refused: number;
  withdrawn: number;
  reviews_overdue: number;
};

/** Clearances valid and expired on `asAt`, refusals and withdrawals decided in the period, reviews overdue on `asAt`. */
export async function vettingCounts(
  db: Db,
  forceId: string,
  period: ReportingPeriod,
  asAt: IsoDate,
): Promise<VettingCounts> {
  const [row] = await rawRows<VettingCounts>(
    db,
    sql`select
        (select count(*)::int from vetting_clearances v where v.force_id = ${forceId} and v.status = 'active' and v.granted_on <= ${asAt}::date and v.expires_on >= ${asAt}::date) as valid,
        (select count(*)::int from vetting_clearances v where v.force_id = ${forceId}
           and (v.status = 'expired' or (v.status = 'active' and v.expires_on < ${asAt}::date))) as expired,
        (select count(*)::int from vetting_decisions d where d.force_id = ${forceId} and d.outcome = 'refuse'
           and d.decided_on between ${period.from}::date and ${period.to}::date) as refused,
        (select count(*)::int from vetting_decisions d where d.force_id = ${forceId} and d.outcome = 'withdraw'
           and d.decided_on between ${period.from}::date and ${period.to}::date) as withdrawn,
        (select count(*)::int from vetting_reviews r where r.force_id = ${forceId} and r.status = 'open' and r.due_on < ${asAt}::date) as reviews_overdue`,
  );
  return row ?? { valid: 0, expired: 0, refused: 0, withdrawn: 0, reviews_overdue: 0 };
}

export type RecommendationRow = { self_status: string; verified_status: string; overdue: boolean; n: number };

/**
 * The force's position on every inspection recommendation (report items of kind 'recommendation'): an item
 * the force has not touched reads as not started and not yet assessed by the commissioner.
 */
export async function recommendationStatuses(db: Db, forceId: string, asAt: IsoDate): Promise<RecommendationRow[]> {
  return rawRows<RecommendationRow>(
    db,
    sql`select coalesce(r.self_status, 'not_started') as self_status, coalesce(r.verified_status, 'not_assessed') as verified_status,
        (i.deadline is not null and i.deadline < ${asAt}::date and coalesce(r.self_status, 'not_started') not in ('addressed', 'not_applicable')) as overdue,
        count(*)::int as n
      from report_items i left join recommendation_responses r on r.force_id = ${forceId} and r.item_id = i.id
      where i.kind = 'recommendation' and (i.force_id is null or i.force_id = ${forceId})
      group by 1, 2, 3`,
  );
}
