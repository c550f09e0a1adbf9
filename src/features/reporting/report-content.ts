import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../../kernel/config/config.ts';
import type { ReportRow } from './reports.repository.ts';
import { masterKeyOf, openText, sealText, unwrapReportKey, type MasterKey } from './report-crypto.ts';
import { RECEIPT_ALPHABET } from './receipt.ts';

/** What the reporter wrote, sealed as one JSON document in `reports.content`. */
export const reportContentSchema = z.object({
  whatHappened: z.string(),
  who: z.string(),
  when: z.string(),
  where: z.string(),
  howKnown: z.string(),
  howKnownDetail: z.string(),
});
export type ReportContent = z.infer<typeof reportContentSchema>;

export const identitySchema = z.object({ name: z.string(), role: z.string(), contact: z.string() });
export type ReportIdentity = z.infer<typeof identitySchema>;

export const CATEGORY_LABELS: Record<ReportRow['category'], string> = {
  misogyny: 'Misogyny or sexual harassment',
  racism: 'Racism or other discrimination',
  predatory: 'Predatory or abusive behaviour',
  corruption: 'Corruption, dishonesty or abuse of position',
  other: 'Something else',
};

export const HOW_KNOWN_LABELS: Record<string, string> = {
  experienced: 'It happened to me',
  saw: 'I saw or heard it myself',
  told: 'Someone told me',
  documents: 'I have seen messages, documents or recordings',
  other: 'Another way',
};

/** The status in plain words, as the reporter reads it. */
export const STATUS_FOR_REPORTER: Record<ReportRow['status'], string> = {
  received: 'Received: the confidential unit has not yet acknowledged your report.',
  acknowledged: 'Acknowledged: the confidential unit has read your report.',
  in_progress: 'Being looked into by the confidential unit.',
  assessing: 'Being assessed by the confidential unit.',
  investigating: 'Being looked into by the confidential unit.',
  case_opened: 'A case has been opened.',
  no_action: 'Closed: the confidential unit decided that no further action could be taken.',
  referred: 'Referred to another organisation that can deal with it.',
};

/** The status as the team reads it. */
export const STATUS_LABELS: Record<ReportRow['status'], string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  assessing: 'Assessing',
  investigating: 'Investigating',
  case_opened: 'Case opened',
  no_action: 'Closed: no action',
  referred: 'Closed: referred',
};

/** A report opened: its key unwrapped from the master key, ready to open or seal its fields. */
export type OpenedReport = {
  row: ReportRow;
  master: MasterKey;
  key: Buffer;
  open: (field: string, sealed: string) => string;
  seal: (field: string, text: string) => string;
};

export function openReport(config: Config['reporting'], row: ReportRow): OpenedReport {
  const master = masterKeyOf(config);
  const key = unwrapReportKey(master, row.id, row.wrappedKey);
  return {
    row,
    master,
    key,
    open: (field, sealed) => openText(key, row.id, field, sealed),
    seal: (field, text) => sealText(key, row.id, field, text),
  };
}

export function contentOf(report: OpenedReport): ReportContent {
  return reportContentSchema.parse(JSON.parse(report.open('content', report.row.content)));
}

/**
 * The proof of having reported: a code the reporter can print and keep, which the team sees on the report,
 * so the force can confirm that a report was received on that day. It holds no content and is not the
 * receipt (it opens nothing): HMAC-SHA256 of the report's id and day under the master key, 60 bits.
 */
export function proofCodeOf(master: MasterKey, reportId: string, receivedOn: string): string {
  const mac = createHmac('sha256', master.key).update(`proof:${reportId}:${receivedOn}`).digest();
  let chars = '';
  for (let i = 0; i < 12; i += 1) chars += RECEIPT_ALPHABET[mac[i]! % 32];
  return chars.match(/.{4}/g)!.join('-');
}
