import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { openReport } from './report-content.ts';
import { insertMessage, updateReport, type ReportRow } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import type { Db } from '../../db/client.ts';

const what = z
  .string({ message: 'Say what happened' })
  .trim()
  .min(1, 'Say what happened')
  .max(10_000, 'Use at most 10,000 characters');

export const retaliationInput = z.object({ version, body: what });
export const reporterRetaliationInput = z.object({ body: what });

/**
 * Marks suspected retaliation against the reporter on the report (a count and the latest day, so the inbox
 * can highlight and count it) and keeps what was said, sealed: from the reporter as their message, from the
 * unit as an internal note. Shared by the reporter's follow-up (follow-up.ts) and the unit's action.
 */
export async function recordRetaliationFlag(
  deps: Deps,
  tx: Db,
  row: ReportRow,
  from: { kind: 'from_reporter' } | { kind: 'note'; authorId: string },
  body: string,
): Promise<void> {
  const today = ukToday(deps.now());
  const id = randomUUID();
  const words = from.kind === 'note' ? `Suspected retaliation flagged by the unit: ${body}` : `Retaliation: ${body}`;
  await insertMessage(tx, {
    forceId: row.forceId,
    id,
    reportId: row.id,
    kind: from.kind,
    authorId: from.kind === 'note' ? from.authorId : null,
    body: openReport(deps.config.reporting, row).seal(`message:${id}`, words),
    sentOn: today,
  });
  await updateReport(tx, row.forceId, row.id, {
    retaliationFlags: row.retaliationFlags + 1,
    retaliationFlaggedOn: today,
  });
}

/** The unit flags suspected retaliation against the reporter (for example after an adverse action). Audited. */
export async function flagRetaliation(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<void> {
  authorize(principal, 'report.manage');
  const input = parseInput(retaliationInput, raw, 'Check the flag');
  await deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    await recordRetaliationFlag(deps, tx, row, { kind: 'note', authorId: principal.userId }, input.body);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.retaliation_flagged', reportId: row.id },
    );
  });
}
