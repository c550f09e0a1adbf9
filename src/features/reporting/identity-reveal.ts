import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { openReport } from './report-content.ts';
import { decideReveal, insertReveal, pendingRevealOf } from './report-reveals.repository.ts';
import { updateReport } from './reports.repository.ts';
import { lockReport, version } from './report-lock.ts';
import { reportPolicy } from './report.policy.ts';

const reason = (what: string) =>
  z
    .string({ message: `Give the reason ${what}` })
    .trim()
    .min(1, `Give the reason ${what}`)
    .max(5_000, 'Use at most 5,000 characters');

export const revealRequestInput = z.object({ version, reason: reason('for revealing the identity') });
export const revealDecisionInput = z.object({
  version,
  requestId: z.string().uuid({ message: 'Reload the report and try again' }),
  decision: z.enum(['approved', 'refused'], { message: 'Choose whether to approve or refuse' }),
  reason: reason('for the decision'),
});

/**
 * Identity in confidence (issue 18): the identity a reporter gave stays sealed until one member of the unit
 * asks, with a reason, to reveal it ({@link requestIdentityReveal}) and a DIFFERENT user holding
 * `report.custodian` approves, with a reason ({@link decideIdentityReveal}). Both steps are audited by id;
 * the reasons are sealed under the report's key. Once approved, the unit sees the identity on the report
 * (each view audited) and the reporter reads on their follow-up page that it was revealed.
 */
export async function requestIdentityReveal(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<{ id: string }> {
  authorize(principal, 'report.manage');
  const input = parseInput(revealRequestInput, raw, 'Check the request');
  return deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    if (row.anonymous || !row.identity)
      throw new AppError('invalid_state', 'The reporter stayed anonymous: there is no identity to reveal');
    if (row.identityRevealedOn) throw new AppError('invalid_state', 'The identity has already been revealed');
    if (await pendingRevealOf(tx, row.forceId, row.id))
      throw new AppError('invalid_state', 'A request to reveal the identity is already waiting for a custodian');
    const id = randomUUID();
    await insertReveal(tx, {
      forceId: row.forceId,
      id,
      reportId: row.id,
      requestedBy: principal.userId,
      reason: openReport(deps.config.reporting, row).seal(`reveal-reason:${id}`, input.reason),
      requestedOn: ukToday(deps.now()),
    });
    await updateReport(tx, row.forceId, row.id, {});
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.identity_reveal_requested', reportId: row.id, requestId: id },
    );
    return { id };
  });
}

export async function decideIdentityReveal(
  deps: Deps,
  principal: Principal | null,
  reportId: string,
  raw: unknown,
  requestId: string | null,
): Promise<void> {
  authorize(principal, 'report.read');
  authorize(principal, 'report.custodian');
  const input = parseInput(revealDecisionInput, raw, 'Check the decision');
  await deps.db.transaction(async (tx) => {
    const row = await lockReport(tx, principal, reportId, input.version);
    const pending = await pendingRevealOf(tx, row.forceId, row.id);
    if (!pending || pending.id !== input.requestId) throw notFound('request');
    if (!reportPolicy.decideReveal(principal, pending))
      throw new AppError(
        'forbidden',
        'A second custodian must decide: you cannot approve or refuse your own request to reveal an identity',
      );
    const today = ukToday(deps.now());
    await decideReveal(tx, row.forceId, pending.id, {
      decidedBy: principal.userId,
      decision: input.decision,
      decisionReason: openReport(deps.config.reporting, row).seal(`reveal-decision:${pending.id}`, input.reason),
      decidedOn: today,
    });
    await updateReport(tx, row.forceId, row.id, input.decision === 'approved' ? { identityRevealedOn: today } : {});
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'report', id: row.id },
      { type: 'report.identity_reveal_decided', reportId: row.id, requestId: pending.id, decision: input.decision },
    );
  });
}
