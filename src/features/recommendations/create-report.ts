import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { parseInput, blank } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { isoDate, reportType, webUrl } from './recommendation-input.ts';
import { findReportByKey, insertReport } from './reports.repository.ts';

export const createReportInput = z.object({
  publisher: z
    .string({ message: 'Enter the publisher' })
    .trim()
    .min(1, 'Enter the publisher')
    .max(200, 'The publisher must be 200 characters or fewer'),
  title: z
    .string({ message: 'Enter the title' })
    .trim()
    .min(1, 'Enter the title')
    .max(500, 'The title must be 500 characters or fewer'),
  publishedOn: isoDate('the date it was published'),
  url: z.preprocess(blank, webUrl('The link to the report').optional()).transform((v) => v ?? ''),
  reportType,
});

/**
 * Adds an inspection report (national: every force tracks its own response to it). The commissioner's
 * office loads reports; its force owns the report and alone maintains it and its national items
 * (report-ownership.ts). The same publisher, title and date cannot be added twice.
 */
export async function createReport(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'recommendation.verify');
  const input = parseInput(createReportInput, raw, 'Check the report’s details');
  if (input.publishedOn > ukToday(deps.now()))
    throw new AppError('validation', 'Check the report’s details', {
      publishedOn: 'The date it was published cannot be in the future',
    });
  return deps.db.transaction(async (tx) => {
    if (await findReportByKey(tx, input.publisher, input.title, input.publishedOn)) {
      throw new AppError('validation', 'Check the report’s details', { title: 'This report has already been added' });
    }
    const row = await insertReport(tx, {
      ...input,
      ownerForceId: principal.forceId,
      createdBy: principal.userId,
      createdAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'inspection_report', id: row.id },
      { type: 'recommendation.report_created', reportId: row.id, title: row.title },
    );
    return row;
  });
}
