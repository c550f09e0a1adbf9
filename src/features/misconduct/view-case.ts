import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { referralNoticeBeforeCommencement } from './rules/transitional.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { clockEventsOfCase, clocksOfCase } from '../clocks/index.ts';
import { allowedActions } from './rules/allegation-workflow.ts';
import { STATUS_LABELS } from './rules/allegation-table.ts';
import { contextOf, factsOf } from './case-context.ts';
import { allegationsOf, findVisibleCase, listReturnsOf, subjectsOf, timelineOf } from './cases.repository.ts';
import { casePolicy } from './case.policy.ts';
import { careerBreaksOf } from '../organisation/index.ts';
import { finalWrittenWarningsOnRecord } from './person-warnings.ts';

/**
 * A case with its subjects, each allegation's track (state, facts, the actions the user may take now),
 * the timeline, clocks and list returns. The read is audited in the same transaction; a case the user may
 * not see is "not found".
 */
export async function viewCase(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorize(principal, 'case.read', 'case');
  if (!z.string().uuid().safeParse(id).success) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, id);
    if (!theCase) throw notFound('case');
    const today = ukToday(deps.now());
    const subjects = await subjectsOf(tx, theCase.forceId, theCase.id, today);
    const rows = await allegationsOf(tx, theCase.forceId, theCase.id);
    const timeline = await timelineOf(tx, theCase.forceId, theCase.id);
    const clocks = await clocksOfCase(tx, theCase.forceId, theCase.id);
    const returns = await listReturnsOf(tx, theCase.forceId, theCase.id);
    const clockEvents = await clockEventsOfCase(tx, theCase.forceId, theCase.id);
    const subjectById = new Map(subjects.map((s) => [s.id, s]));
    // Career breaks extend a warning's time (Conduct Regs 2020 reg 42(11), 62(5)): the clocks show the extended day.
    // One statement for every subject's breaks, and two for the warnings on record, however many subjects.
    const personIds = subjects.map((s) => s.personId);
    const breaks = await careerBreaksOf(tx, theCase.forceId, personIds);
    const careerBreaks = new Map<string, { startsOn: string; endsOn: string | null }[]>(
      subjects.map((s) => [s.id, breaks.filter((b) => b.personId === s.personId)]),
    );
    // A final written warning in force on the record (reg 42(8)) changes the actions offered, as it does the step.
    const onRecord = await finalWrittenWarningsOnRecord(tx, theCase.forceId, personIds, today, theCase.id);
    const fwwOnRecord = new Set(subjects.filter((s) => onRecord.has(s.personId)).map((s) => s.id));
    const allegations = rows.map((row) => {
      const facts = factsOf(row);
      const subject = subjectById.get(row.subjectId);
      // The actions offered follow the subject's standing today (person type, rank, an earlier reduction in rank).
      const standing = subject && {
        personType: subject.personType,
        rank: subject.rank,
        alreadyReducedInRank: rows.some(
          (other) =>
            other.id !== row.id &&
            other.subjectId === row.subjectId &&
            factsOf(other).track.sanction === 'reduction_in_rank',
        ),
        stepOn: today,
        referralNoticeBeforeCommencement: referralNoticeBeforeCommencement(
          timeline.filter((e) => e.allegationId === row.id),
        ),
      };
      const context = contextOf(theCase, facts, subject?.leftOn ?? null, standing);
      if (fwwOnRecord.has(row.subjectId)) context.finalWrittenWarningInForce = true;
      const actions = allowedActions(facts.track, context).filter((a) => casePolicy.act(principal, a));
      return { ...row, facts, statusLabel: STATUS_LABELS[facts.track.status], subject, actions };
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.viewed', caseId: theCase.id, reference: theCase.reference },
    );
    return { theCase, subjects, allegations, timeline, clocks, clockEvents, returns, careerBreaks };
  });
}
