import type { Principal } from '../../kernel/access/principal.ts';
import type { ItemRow, ReportRow } from './reports.repository.ts';

/**
 * Who may change a shared (national) report. The force whose commissioner's office added it maintains it and
 * its national items; any other force tracks it, and may add its own local items, which it alone sees and
 * changes. Refusals are 404, like a record that is not there (kernel/access/principal.ts).
 */

/** True when the caller's force maintains the report (its details, its national items, CSV imports). */
export function ownsReport(principal: Principal, report: Pick<ReportRow, 'ownerForceId'>): boolean {
  return report.ownerForceId !== null && report.ownerForceId === principal.forceId;
}

/** A national item by the report's owner; a local item by its own force (another force never sees it). */
export function mayChangeItem(
  principal: Principal,
  report: Pick<ReportRow, 'ownerForceId'>,
  item: Pick<ItemRow, 'forceId'>,
): boolean {
  return item.forceId === null ? ownsReport(principal, report) : item.forceId === principal.forceId;
}

/** The force an item added by the caller belongs to: null (national) for the owner, else the caller's force. */
export function forceOfNewItem(principal: Principal, report: Pick<ReportRow, 'ownerForceId'>): string | null {
  return ownsReport(principal, report) ? null : principal.forceId;
}
