import type { Deps } from '../../kernel/deps.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { formatDate, ukToday } from '../../kernel/time/dates.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { endRestrictionClocks } from './restriction-clocks.ts';
import { noticeInput, type NoticeInput } from './restriction-input.ts';
import { noticePeriodOf } from './restriction-rules.ts';
import { failIf, lockRestriction } from './restriction-steps.ts';
import { updateRestriction } from './restrictions.repository.ts';

/**
 * Records that the officer was given the restriction in writing (or the written confirmation of an oral
 * notification): meets the notice clock (3 working days by default, §2.12 [R]).
 */
export async function recordWrittenNotice(
  deps: Deps,
  principal: Principal | null,
  raw: NoticeInput,
  requestId: string | null,
) {
  authorize(principal, 'restriction.decide', 'restriction');
  const input = parseInput(noticeInput, raw, 'Check the date of the written notice');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const { theCase, row } = await lockRestriction(tx, principal, input);
    if (row.writtenNoticeOn)
      throw new AppError(
        'invalid_state',
        `The written notice was already recorded as given on ${formatDate(row.writtenNoticeOn)}.`,
      );
    const fields: FieldErrors = {};
    const earliest = row.noticeGivenOn && row.noticeGivenOn > row.decidedOn ? row.noticeGivenOn : row.decidedOn;
    if (input.writtenNoticeOn > today) fields['writtenNoticeOn'] = 'The date cannot be in the future';
    else if (input.writtenNoticeOn < earliest)
      fields['writtenNoticeOn'] = `The written notice cannot be before ${formatDate(earliest)}`;
    failIf(fields, 'Check the date of the written notice');
    const version = await updateRestriction(tx, row, {
      writtenNoticeOn: input.writtenNoticeOn,
      noticeMethod: row.noticeMethod ?? 'written',
      noticeGivenOn: row.noticeGivenOn ?? input.writtenNoticeOn,
    });
    const actor = actorOf(principal, requestId);
    await endRestrictionClocks(
      tx,
      { actor, theCase, restrictionId: row.id },
      [noticePeriodOf(row.kind)],
      'met',
      input.writtenNoticeOn,
    );
    await recordAudit(
      tx,
      actor,
      { type: 'restriction', id: row.id, personId: row.personId },
      {
        type: 'restriction.notice_recorded',
        restrictionId: row.id,
        caseId: row.caseId,
        subjectId: row.subjectId,
        writtenNoticeOn: input.writtenNoticeOn,
      },
    );
    return { id: row.id, version };
  });
}
