import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound, staleVersion } from '../../kernel/errors.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { findVisibleReport, type ReportRow } from './reports.repository.ts';

export const version = z.coerce.number({ message: 'Reload the report and try again' }).int().min(1);

/** Locks the report the principal may manage, checking the version the form or call was made from. */
export async function lockReport(
  tx: Deps['db'],
  principal: Principal,
  reportId: string,
  expected: number,
): Promise<ReportRow> {
  if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw notFound('report');
  const row = await findVisibleReport(tx, principal, reportId, true);
  if (!row) throw notFound('report');
  if (row.version !== expected) throw staleVersion();
  return row;
}
