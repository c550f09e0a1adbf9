import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { itemFields, version } from './recommendation-input.ts';
import { checkItemId } from './response-context.ts';
import { findItem, findItemByNumber, findReport, updateItem, type ItemRow } from './reports.repository.ts';
import { mayChangeItem } from './report-ownership.ts';
import { itemLabel, kindLabels } from './tracker-rules.ts';

export const editItemInput = z.object({ ...itemFields, version });

/** The fields that differ, by name (for the audit row: which fields, never the old text). */
export function changedFields(row: ItemRow, next: Omit<z.infer<typeof editItemInput>, 'version'>): string[] {
  const changed: string[] = [];
  if (row.kind !== next.kind) changed.push('kind');
  if (row.number !== next.number) changed.push('number');
  if (row.text !== next.text) changed.push('text');
  if (row.ownerBody !== next.ownerBody) changed.push('ownerBody');
  if (row.deadline !== next.deadline) changed.push('deadline');
  if (row.themes.join('|') !== next.themes.join('|')) changed.push('themes');
  if (row.textVerified !== next.textVerified) changed.push('textVerified');
  return changed;
}

/**
 * Corrects an item's text, addressee, deadline or themes, or marks its text as checked against the report.
 * A national item is changed by the report's owner only, a local item by its own force only: anyone else is
 * answered 404 (report-ownership.ts).
 */
export async function editItem(
  deps: Deps,
  principal: Principal | null,
  itemId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.verify', 'recommendation');
  checkItemId(itemId);
  const input = parseInput(editItemInput, raw, 'Check the item');
  return deps.db.transaction(async (tx) => {
    const row = await findItem(tx, principal.forceId, itemId, true);
    const report = row && (await findReport(tx, row.reportId));
    if (!row || !report || !mayChangeItem(principal, report, row)) throw notFound('recommendation');
    if (row.version !== input.version) throw staleVersion();
    const next = {
      kind: input.kind,
      number: input.number,
      text: input.text,
      ownerBody: input.ownerBody,
      deadline: input.deadline,
      themes: input.themes,
      textVerified: input.textVerified,
    };
    if (
      (next.kind !== row.kind || next.number !== row.number) &&
      (await findItemByNumber(tx, principal.forceId, row.reportId, next.kind, next.number))
    ) {
      throw new AppError('validation', 'Check the item', {
        number: `${kindLabels[next.kind].one} ${next.number} is already in this report`,
      });
    }
    const changed = changedFields(row, next);
    if (changed.length > 0) {
      await updateItem(tx, row, next, deps.now());
      await recordAudit(
        tx,
        actorOf(principal, requestId),
        { type: 'inspection_report', id: row.reportId },
        { type: 'recommendation.item_edited', reportId: row.reportId, itemId: row.id, label: itemLabel(next), changed },
      );
    }
    return { id: row.id, changed, version: changed.length > 0 ? row.version + 1 : row.version };
  });
}
