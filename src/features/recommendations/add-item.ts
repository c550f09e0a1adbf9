import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { itemFields } from './recommendation-input.ts';
import { findItemByNumber, findReport, insertItem } from './reports.repository.ts';
import { itemLabel, kindLabels } from './tracker-rules.ts';
import { forceOfNewItem } from './report-ownership.ts';

export const addItemInput = z.object(itemFields);

/**
 * Adds a numbered recommendation or area for improvement to a report; a number is used once per kind among
 * the items the force sees. The report's owner adds national items; any other force adds a local item of
 * its own, which no other force sees (report-ownership.ts).
 */
export async function addItem(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
) {
  authorize(principal, 'recommendation.verify', 'report');
  if (!z.string().uuid().safeParse(reportId).success) throw notFound('report');
  const input = parseInput(addItemInput, raw, 'Check the item');
  return deps.db.transaction(async (tx) => {
    const report = await findReport(tx, reportId, true);
    if (!report) throw notFound('report');
    if (await findItemByNumber(tx, principal.forceId, report.id, input.kind, input.number)) {
      throw new AppError('validation', 'Check the item', {
        number: `${kindLabels[input.kind].one} ${input.number} is already in this report`,
      });
    }
    const at = deps.now();
    const forceId = forceOfNewItem(principal, report);
    const row = await insertItem(tx, { reportId: report.id, forceId, ...input, createdAt: at, updatedAt: at });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'inspection_report', id: report.id },
      {
        type: 'recommendation.item_added',
        reportId: report.id,
        itemId: row.id,
        label: itemLabel(row),
        ...(forceId ? { local: true } : {}),
      },
    );
    return row;
  });
}
