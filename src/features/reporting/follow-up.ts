import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { openReport, STATUS_FOR_REPORTER } from './report-content.ts';
import { masterKeyOf, openFollowUpToken } from './report-crypto.ts';
import { recordRetaliationFlag, reporterRetaliationInput } from './flag-retaliation.ts';
import { findReport, insertMessage, messagesOf, type ReportRow } from './reports.repository.ts';

/** The report a follow-up cookie opens, or a 401 that sends the reporter back to the receipt form. */
async function reportOfToken(deps: Deps, forceId: string, token: string | undefined, lock = false): Promise<ReportRow> {
  const master = masterKeyOf(deps.config.reporting);
  const opened = token ? openFollowUpToken(master, token, deps.now().getTime()) : null;
  const row =
    opened && opened.forceId === forceId ? await findReport(deps.db, forceId, opened.reportId, lock) : undefined;
  if (!row) throw new AppError('unauthenticated', 'Enter your receipt to see your report.');
  return row;
}

export type FollowUpView = {
  status: string;
  statusOn: string;
  receivedOn: string;
  messages: { from: 'you' | 'team'; body: string; sentOn: string }[];
  /** The day the identity they gave in confidence was revealed to the unit (with a custodian's approval). */
  identityRevealedOn: string | null;
  /** Whether they (or the unit) have flagged suspected retaliation. */
  retaliationFlagged: boolean;
};

/**
 * What the reporter sees with their receipt: the status in plain words and the messages both ways — never
 * the team's internal notes, who in the team wrote, or a case's reference.
 */
export async function viewFollowUp(deps: Deps, forceId: string, token: string | undefined): Promise<FollowUpView> {
  const row = await reportOfToken(deps, forceId, token);
  const report = openReport(deps.config.reporting, row);
  const messages = (await messagesOf(deps.db, row.forceId, row.id))
    .filter((m) => m.kind !== 'note')
    .map((m) => ({
      from: m.kind === 'from_reporter' ? ('you' as const) : ('team' as const),
      body: report.open(`message:${m.id}`, m.body),
      sentOn: m.sentOn,
    }));
  return {
    status: STATUS_FOR_REPORTER[row.status],
    statusOn: row.statusOn,
    receivedOn: row.receivedOn,
    messages,
    identityRevealedOn: row.identityRevealedOn,
    retaliationFlagged: row.retaliationFlags > 0,
  };
}

export const reporterMessageInput = z.object({
  body: z
    .string({ message: 'Write your message' })
    .trim()
    .min(1, 'Write your message')
    .max(10_000, 'Use at most 10,000 characters'),
});

/** The reporter writes to the team (answers a question, adds information). Kept to the day; not audited. */
export async function replyAsReporter(
  deps: Deps,
  forceId: string,
  token: string | undefined,
  raw: unknown,
): Promise<void> {
  const input = parseInput(reporterMessageInput, raw, 'Check your message');
  await deps.db.transaction(async (tx) => {
    const row = await reportOfToken({ ...deps, db: tx }, forceId, token, true);
    const report = openReport(deps.config.reporting, row);
    const id = randomUUID();
    await insertMessage(tx, {
      forceId: row.forceId,
      id,
      reportId: row.id,
      kind: 'from_reporter',
      authorId: null,
      body: report.seal(`message:${id}`, input.body),
      sentOn: ukToday(deps.now()),
    });
  });
}

/**
 * The reporter tells the unit they suspect retaliation for having reported (a transfer, a restriction, being
 * shut out). Kept as their message, and the report is flagged for the unit's inbox. Kept to the day; not
 * audited, like every action of the reporter.
 */
export async function flagRetaliationAsReporter(
  deps: Deps,
  forceId: string,
  token: string | undefined,
  raw: unknown,
): Promise<void> {
  const input = parseInput(reporterRetaliationInput, raw, 'Check what you wrote');
  await deps.db.transaction(async (tx) => {
    const row = await reportOfToken({ ...deps, db: tx }, forceId, token, true);
    await recordRetaliationFlag(deps, tx, row, { kind: 'from_reporter' }, input.body);
  });
}
