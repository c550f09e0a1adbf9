import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { caseSources, caseTypes } from '../../db/schema/index.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { AppError, notFound, staleVersion } from '../../kernel/errors.ts';
import { isoDateString, parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { cancelCaseClocks, startClock } from '../clocks/index.ts';
import { refreshAllegationFigures } from './allegation-figures.repository.ts';
import { caseHasProgressed } from './case-corrections.repository.ts';
import { findVisibleCase, updateCase } from './cases.repository.ts';
import { regimeForMatter } from './rules/transitional.ts';
import { regimeOf } from './case-context.ts';

export const editCaseDetailsInput = z.object({
  caseId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  source: z.enum(caseSources, { message: 'Choose where the matter came from' }),
  caseType: z.enum(caseTypes, { message: 'Choose the type of case' }),
  cameToAttentionOn: isoDateString('Enter the date the matter came to attention'),
  summary: z.string().trim().min(10, 'Summarise the matter in at least 10 characters').max(5000),
  reason: z.string().trim().min(5, 'Say why the details are being corrected, in at least 5 characters').max(1000),
});

const FIELD_WORDS = {
  source: 'source',
  caseType: 'type',
  cameToAttentionOn: 'date it came to attention',
  summary: 'summary',
} as const;

/**
 * Corrects a case's source, type, date and summary after opening, from the version the user saw (a stale
 * edit changes nothing: 409), with the reason on the audit record. The date fixes the regime and starts
 * the 12-month clock of the report to the PCC (Conduct Regs 2020 reg 19 — the clock counts from it), so
 * it may be corrected only while every allegation is still as received and the regime stays the same;
 * the 12-month clock is then started again from the corrected date.
 */
export async function editCaseDetails(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorize(principal, 'allegation.progress', 'case');
  const input = parseInput(editCaseDetailsInput, raw, 'Check the details of the case');
  const today = ukToday(deps.now());
  const refuse = (field: string, message: string) =>
    new AppError('validation', 'Check the details of the case', { [field]: message });
  if (input.cameToAttentionOn > today)
    throw refuse('cameToAttentionOn', 'The date the matter came to attention cannot be in the future');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, input.caseId, true);
    if (!theCase) throw notFound('case');
    if (theCase.version !== input.version) throw staleVersion();
    if (theCase.status === 'closed') throw new AppError('invalid_state', 'A closed case cannot be corrected.');
    const changed = (Object.keys(FIELD_WORDS) as (keyof typeof FIELD_WORDS)[]).filter(
      (k) => String(theCase[k]) !== String(input[k]),
    );
    if (changed.length === 0) throw refuse('summary', 'Nothing has changed: correct at least one detail');
    const actor = actorOf(principal, requestId);
    if (changed.includes('cameToAttentionOn')) {
      if (await caseHasProgressed(tx, principal.forceId, theCase.id))
        throw refuse(
          'cameToAttentionOn',
          `The date cannot be corrected once an allegation has been assessed: the time limits count from ${formatDate(theCase.cameToAttentionOn)}`,
        );
      const regime = regimeForMatter({
        cameToAttentionOn: input.cameToAttentionOn,
        connectedToEarlierMatterOn: theCase.connectedMatterOn,
        iopcReinvestigation: theCase.iopcReinvestigation,
      });
      if (regime.version !== theCase.regimeVersion)
        throw refuse(
          'cameToAttentionOn',
          'That date falls under different regulations from the case’s: open a new case for the matter',
        );
      await cancelCaseClocks(tx, {
        forceId: principal.forceId,
        caseId: theCase.id,
        actor,
        periods: ['pcc_report_first'],
      });
    }
    await updateCase(tx, principal.forceId, theCase.id, {
      source: input.source,
      caseType: input.caseType,
      cameToAttentionOn: input.cameToAttentionOn,
      summary: input.summary,
      version: theCase.version + 1,
    });
    if (changed.includes('cameToAttentionOn')) {
      await startClock(tx, deps, {
        forceId: principal.forceId,
        caseId: theCase.id,
        allegationId: null,
        subjectId: null,
        period: 'pcc_report_first',
        startOn: input.cameToAttentionOn,
        regimeVersion: regimeOf(theCase),
        ownerUserId: null,
        actor,
      });
    }
    if (changed.includes('caseType') || changed.includes('cameToAttentionOn'))
      await refreshAllegationFigures(tx, principal.forceId, { caseIds: [theCase.id] });
    await recordAudit(
      tx,
      actor,
      { type: 'case', id: theCase.id },
      {
        type: 'case.details_corrected',
        caseId: theCase.id,
        changed: changed.map((k) => FIELD_WORDS[k]),
        reason: input.reason,
      },
    );
    return { version: theCase.version + 1, changed };
  });
}
