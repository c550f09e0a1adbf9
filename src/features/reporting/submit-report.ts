import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { isUploadedFile } from '../../kernel/http/uploads.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { reportCategories } from '../../db/schema/reporting.ts';
import { reportingForce } from './reporting-force.ts';
import { HOW_KNOWN_LABELS, proofCodeOf, type ReportContent, type ReportIdentity } from './report-content.ts';
import { masterKeyOf, newReportKey, sealBytes, sealText, wrapReportKey } from './report-crypto.ts';
import { generateReceipt, hashReceiptSecret, type Receipt } from './receipt.ts';
import { insertFile, insertReport, lookupTaken } from './reports.repository.ts';
import { startReportClocks } from './report-clock-steps.ts';
import { stripImageMetadata } from './strip-metadata.ts';

const MESSAGE = 'Check your report';
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);

export const submitReportInput = z
  .object({
    category: z.enum(reportCategories, { message: 'Choose what kind of behaviour you are reporting' }),
    whatHappened: z
      .string({ message: 'Describe what happened' })
      .trim()
      .min(20, 'Describe what happened in at least 20 characters')
      .max(20_000, 'Use at most 20,000 characters'),
    who: z
      .string({ message: 'Say who was involved' })
      .trim()
      .min(2, 'Say who was involved, for example a name, a rank or a team')
      .max(2_000),
    when: z
      .string({ message: 'Say when it happened' })
      .trim()
      .min(1, 'Say when it happened, roughly if need be')
      .max(500),
    where: text(1_000).default(''),
    howKnown: z.enum(Object.keys(HOW_KNOWN_LABELS) as [string, ...string[]], {
      message: 'Choose how you know about it',
    }),
    howKnownDetail: text(2_000).default(''),
    anonymity: z.enum(['anonymous', 'confidential'], {
      message: 'Choose whether to stay anonymous or give your name in confidence',
    }),
    identityName: text(200).default(''),
    identityRole: text(200).default(''),
    identityContact: text(500).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.anonymity === 'confidential' && v.identityName === '')
      ctx.addIssue({ code: 'custom', path: ['identityName'], message: 'Enter your name, or choose to stay anonymous' });
  });

export type SubmittedReport = { receipt: string; proofCode: string; receivedOn: string; forceName: string };

/** The evidence file: absent, or a JPEG/PNG whose metadata is removed here; anything else is refused. */
async function evidenceOf(raw: unknown, maxBytes: number) {
  if (!isUploadedFile(raw) || (raw.content.length === 0 && !raw.tooLarge)) return null;
  if (raw.tooLarge)
    throw new AppError('validation', MESSAGE, {
      evidence: `The file must be smaller than ${Math.floor(maxBytes / (1024 * 1024))} MB`,
    });
  const stripped = await stripImageMetadata(raw.content);
  if (!stripped.ok)
    throw new AppError('validation', MESSAGE, {
      evidence:
        stripped.reason === 'unsupported'
          ? 'The file must be a photo or screenshot (JPEG or PNG)'
          : 'The file could not be read as an image: try another copy',
    });
  return stripped.file;
}

/** A look-up group no report of the force holds yet (there are a million; a clash is retried). */
async function freshReceipt(deps: Deps, forceId: string): Promise<Receipt> {
  for (let i = 0; i < 20; i += 1) {
    const receipt = generateReceipt();
    if (!(await lookupTaken(deps.db, forceId, receipt.lookup))) return receipt;
  }
  throw new AppError('unavailable', 'The report could not be saved just now. Try again in a minute.');
}

/**
 * A member of staff reports, without an account. Everything they wrote is sealed under a new report key
 * (docs/reporting.md); the receipt is returned once and only its hash is kept; the day, never the time.
 * Nothing about the request (address, browser, referrer) reaches this use case. Not audited: an audit row
 * carries an exact time.
 */
export async function submitReport(
  deps: Deps,
  forceId: string,
  raw: Record<string, unknown>,
): Promise<SubmittedReport> {
  const master = masterKeyOf(deps.config.reporting);
  const force = await reportingForce(deps, forceId);
  const { evidence, ...fields } = raw;
  const input = parseInput(submitReportInput, fields, MESSAGE);
  const file = await evidenceOf(evidence, deps.config.maxUploadBytes);
  const receipt = await freshReceipt(deps, force.id);
  const receiptHash = await hashReceiptSecret(receipt.secret);
  const today = ukToday(deps.now());
  const id = randomUUID();
  const key = newReportKey();
  const content: ReportContent = {
    whatHappened: input.whatHappened,
    who: input.who,
    when: input.when,
    where: input.where,
    howKnown: input.howKnown,
    howKnownDetail: input.howKnownDetail,
  };
  const identity: ReportIdentity | null =
    input.anonymity === 'confidential'
      ? { name: input.identityName, role: input.identityRole, contact: input.identityContact }
      : null;
  await deps.db.transaction(async (tx) => {
    await insertReport(tx, {
      forceId: force.id,
      id,
      receiptLookup: receipt.lookup,
      receiptHash,
      keyId: master.id,
      wrappedKey: wrapReportKey(master, id, key),
      category: input.category,
      content: sealText(key, id, 'content', JSON.stringify(content)),
      anonymous: identity === null,
      identity: identity ? sealText(key, id, 'identity', JSON.stringify(identity)) : null,
      status: 'received',
      receivedOn: today,
      statusOn: today,
    });
    await startReportClocks(tx, deps, { forceId: force.id, id, receivedOn: today });
    if (file) {
      const fileId = randomUUID();
      await insertFile(tx, {
        forceId: force.id,
        id: fileId,
        reportId: id,
        // The sender's file name is not kept: a phone's names carry the day and time the photo was taken.
        fileName: sealText(key, id, `file-name:${fileId}`, `evidence-1.${file.extension}`),
        contentType: file.contentType,
        byteSize: file.content.length,
        content: sealBytes(key, id, `file:${fileId}`, file.content),
        metadataStripped: true,
        receivedOn: today,
      });
    }
  });
  return { receipt: receipt.text, proofCode: proofCodeOf(master, id, today), receivedOn: today, forceName: force.name };
}
