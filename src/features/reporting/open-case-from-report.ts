import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { caseTypes } from '../../db/schema/index.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { openCase } from '../misconduct/index.ts';
import { openReport } from './report-content.ts';
import { statusChangeRefusal } from './report-rules.ts';
import { missingPassages, parsePassages, redact } from './rules/redaction.ts';
import { insertMessage, updateReport } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import { recordReportClockSteps } from './report-clock-steps.ts';

export const openCaseFromReportInput = z.object({
  version,
  caseType: z.enum(caseTypes, { message: 'Choose the type of case' }).default('conduct_matter'),
  subjectPersonIds: z.array(z.string()).default([]),
  categoryCode: z.string().default(''),
  standards: z.array(z.string()).default([]),
  /** The words the unit copies from the report, redacted by them: nothing else of the report reaches the case. */
  summary: z.string().default(''),
  description: z.string().default(''),
  /**
   * Passages to redact, one a line: every occurrence in the summary and the description is replaced by
   * "[redacted]" before the case is opened, so the case receives the redacted text only.
   */
  redactions: z.string().max(20_000, 'Use at most 20,000 characters').default(''),
});

export type OpenCaseFromReportInput = z.input<typeof openCaseFromReportInput>;

/**
 * Opens a conduct case from an anonymous report in one action, through the misconduct feature's `openCase`
 * as the acting unit member (who needs `report.manage` and `case.create`). The case gets the source
 * "anonymous report", the subjects the unit chose from the people directory and only the text the unit
 * copied; the reporter is never a party. Nothing on the case or in its audit rows names the report or its
 * receipt: the link is kept on the report's side only, as an internal note sealed under the report's key.
 * The reporter then reads "A case has been opened." without its reference. The passages the unit marks are
 * redacted from the copied text first (rules/redaction.ts); the report keeps the original, and the note
 * lists what was redacted.
 */
export async function openCaseFromReport(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<{ caseId: string; reference: string }> {
  authorize(principal, 'report.manage');
  authorize(principal, 'case.create');
  const input = parseInput(openCaseFromReportInput, raw, 'Check the details of the case');
  const passages = parsePassages(input.redactions);
  const missing = missingPassages(passages, [input.summary, input.description]);
  if (missing.length)
    throw new AppError('validation', 'Check the details of the case', {
      redactions: `Not found in the summary or the conduct, so not redacted: ${missing.map((p) => `“${p}”`).join(', ')}`,
    });
  return deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    const refusal = statusChangeRefusal(row.status, 'case_opened');
    if (refusal) throw new AppError('invalid_state', refusal);
    const today = ukToday(deps.now());
    // The day the case is opened, not the day the report was received: a day shared with the report's row
    // would lead back to it. The case's own audit row carries no request id for the same reason.
    const created = await openCase(
      { ...deps, db: tx },
      principal,
      {
        source: 'anonymous_report',
        caseType: input.caseType,
        cameToAttentionOn: today,
        summary: redact(input.summary, passages),
        subjectPersonIds: input.subjectPersonIds,
        allegation: {
          categoryCode: input.categoryCode,
          standards: input.standards,
          description: redact(input.description, passages),
        },
      },
      null,
    );
    const noteId = randomUUID();
    await insertMessage(tx, {
      forceId: row.forceId,
      id: noteId,
      reportId: row.id,
      kind: 'note',
      authorId: principal.userId,
      body: openReport(deps.config.reporting, row).seal(
        `message:${noteId}`,
        `Conduct case ${created.reference} opened from this report (the case does not name the report).` +
          (passages.length
            ? `\nPassages redacted from the text copied to the case:\n${passages.map((p) => `- ${p}`).join('\n')}`
            : ''),
      ),
      sentOn: today,
    });
    const days = {
      ...(row.acknowledgedOn ? {} : { acknowledgedOn: today }),
      // The reporter reads "A case has been opened.": the outcome, which is feedback.
      ...(row.feedbackOn ? {} : { feedbackOn: today }),
    };
    await updateReport(tx, row.forceId, row.id, { status: 'case_opened', statusOn: today, ...days });
    await recordReportClockSteps(tx, deps, row, days);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.case_opened', reportId: row.id, redactions: passages.length },
    );
    return { caseId: created.id, reference: created.reference };
  });
}
