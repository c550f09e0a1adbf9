import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { complaintLetterKinds } from '../../../db/schema/index.ts';
import { formatDate, ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { queueExternalEmail } from '../../notifications/index.ts';
import { findForce } from '../../organisation/index.ts';
import { lockComplaint, statusLabels, type ComplaintStatus } from '../complaint-steps.ts';
import { complaintParts } from '../complaints.repository.ts';
import { composeLetter, type LetterKind } from './letter-content.ts';
import { letterHtml, letterPdf, letterText } from '../../../kernel/letter-render.ts';
import { insertComplaintLetter } from './letters.repository.ts';

export const writeLetterBody = z.object({
  kind: z.enum(complaintLetterKinds, { message: 'Choose the letter to write' }),
});
export type WriteLetterInput = z.input<typeof writeLetterBody>;

/** When each letter can be written, and the refusal otherwise. */
const WHEN: Record<LetterKind, { statuses: readonly ComplaintStatus[]; refusal: string }> = {
  acknowledgement: {
    statuses: ['logged', 'recorded', 'referred', 'being_handled', 'outside_schedule_3'],
    refusal: 'An acknowledgement is written while the complaint is open.',
  },
  progress_update: {
    statuses: ['recorded', 'referred', 'being_handled'],
    refusal: 'A progress update is written while a recorded complaint is being handled.',
  },
  outcome: {
    statuses: ['finalised'],
    refusal: 'The outcome letter is written once the outcomes are recorded.',
  },
  withdrawal: {
    statuses: ['withdrawn'],
    refusal: 'The withdrawal letter is written once the withdrawal is recorded.',
  },
};

/**
 * Writes a letter to every complainant of the complaint from the record: HTML and PDF kept on the complaint,
 * sent by e-mail (queued in the outbox in the same transaction) to those who chose e-mail and gave an
 * address, otherwise listed for post. The outcome letter carries every element of Police (Complaints and
 * Misconduct) Regulations 2020 reg 33(2) and needs the outcome notice's date, from which the review window
 * runs (reg 29(2)). Audited without the letter's words.
 */
export async function writeComplaintLetter(
  deps: Deps,
  principal: Principal | null,
  complaintId: string,
  raw: WriteLetterInput,
  requestId: string | null,
) {
  authorize(principal, 'complaint.decide', 'complaint');
  const input = parseInput(writeLetterBody, raw, 'Check the letter');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const row = await lockComplaint(tx, principal, complaintId);
    const when = WHEN[input.kind];
    if (!when.statuses.includes(row.status)) throw new AppError('invalid_state', when.refusal);
    if (input.kind === 'outcome' && !row.outcomeNotifiedOn)
      throw new AppError(
        'invalid_state',
        'Record the outcome notice first: the outcome letter gives the review time limit, which runs from it.',
      );
    const parts = await complaintParts(tx, row.forceId, row.id);
    const force = await findForce(tx, row.forceId);
    const running = parts.clocks.filter((c) => c.state === 'running');
    const next =
      running.find(
        (c) =>
          c.period === (input.kind === 'acknowledgement' ? 'complaint_first_contact' : 'complaint_progress_update'),
      )?.dueOn ?? null;
    const writtenOn = input.kind === 'outcome' ? (row.outcomeNotifiedOn ?? today) : today;
    const actor = actorOf(principal, requestId);
    const written: { id: string; delivery: 'email' | 'post' }[] = [];
    for (const c of parts.complainants) {
      const doc = composeLetter(input.kind, {
        forceName: force?.name ?? row.forceId,
        reference: row.reference,
        writtenOn,
        complainantName: c.name,
        receivedOn: row.receivedOn,
        status: statusLabels[row.status],
        nextDueOn: next,
        allegations: parts.allegations.map((a) => ({
          categoryCode: a.categoryCode,
          description: a.description,
          outcome: a.outcome,
          actions: a.outcomeActions,
        })),
        reviewBody: row.reviewBody,
        reviewBodyReason: row.reviewBodyReason,
        outcomeNotifiedOn: row.outcomeNotifiedOn,
        reviewWindowEndsOn: row.reviewWindowEndsOn,
        withdrawnOn: row.withdrawnOn,
        portalUrl: row.followUpHash ? `${deps.config.publicUrl}/public/${row.forceId}/complaint-status` : null,
      });
      const dated = formatDate(writtenOn);
      const html = letterHtml(doc, dated);
      const pdf = await letterPdf(doc, dated, `${force?.name ?? row.forceId} – Professional Standards`);
      const byEmail = c.contactMethod === 'email' && c.email !== '';
      const id = randomUUID();
      const outboxId = byEmail
        ? await queueExternalEmail(tx, deps, {
            forceId: row.forceId,
            to: c.email,
            kind: `complaint_letter.${input.kind}`,
            subject: doc.subject,
            text: letterText(doc, dated),
            html,
            dedupeKey: `complaint-letter:${id}`,
          })
        : null;
      await insertComplaintLetter(tx, {
        forceId: row.forceId,
        id,
        complaintId: row.id,
        complainantId: c.id,
        kind: input.kind,
        writtenOn,
        subject: doc.subject,
        html,
        pdf,
        delivery: byEmail ? 'email' : 'post',
        outboxId,
        createdBy: principal.userId,
      });
      await recordAudit(
        tx,
        actor,
        { type: 'complaint', id: row.id },
        {
          type: 'complaint.letter',
          complaintId: row.id,
          letterId: id,
          kind: input.kind,
          delivery: byEmail ? 'email' : 'post',
        },
      );
      written.push({ id, delivery: byEmail ? 'email' : 'post' });
    }
    return { letters: written };
  });
}
