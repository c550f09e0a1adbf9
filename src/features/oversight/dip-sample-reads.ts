import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday, type IsoDate } from '../../kernel/time/dates.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { listUsersOfForce } from '../auth/index.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { clocksOfCase, clockEventsOfCase } from '../clocks/index.ts';
import { factsOf } from '../misconduct/index.ts';
import { casePageModel } from '../misconduct/index.ts';
import { caseRestrictionBanner } from '../restrictions/index.ts';
import { allegationsOf, listReturnsOf, subjectsOf, timelineOf } from '../misconduct/index.ts';
import { STATUS_LABELS } from '../misconduct/index.ts';
import {
  currentSampleOfCase,
  insertRead,
  listSamples,
  sampledCase,
  type SampleListRow,
} from './dip-samples.repository.ts';
import { dipSamplePolicy } from './dip-sample.policy.ts';

export type SampleState = 'not_started' | 'current' | 'ended' | 'revoked';

export function sampleState(
  row: Pick<SampleListRow, 'starts_on' | 'ends_on' | 'revoked_at'>,
  today: IsoDate,
): SampleState {
  if (row.revoked_at) return 'revoked';
  if (today < row.starts_on) return 'not_started';
  return today > row.ends_on ? 'ended' : 'current';
}

/**
 * Dip samples as each side sees them: the appropriate authority (dipsample.grant) sees every sample of the
 * force with every read of it; an oversight user sees their own samples (and can open the cases of a
 * current one). The list is not itself audited: the grants and reads on it are.
 */
export async function listDipSamples(deps: Deps, principal: Principal | null) {
  authorize(principal, 'oversight.dashboard');
  const today = ukToday(deps.now());
  const granting = dipSamplePolicy.grant(principal);
  return deps.db.transaction(async (tx) => {
    const rows = await listSamples(tx, principal.forceId, granting ? null : principal.userId);
    const grantees = granting
      ? (await listUsersOfForce(tx, principal.forceId)).filter(dipSamplePolicy.mayBeGrantee)
      : [];
    return { granting, today, grantees, samples: rows.map((r) => ({ ...r, state: sampleState(r, today) })) };
  });
}

/**
 * A sampled case, read-only, for its grantee while the sample is current: the same reads and the same page
 * model as the case page (no actions are offered: the oversight user holds none). Every read is kept in
 * the sample's reads and the audit log, in one transaction. Not granted, expired or revoked → not found.
 */
export async function viewSampledCase(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  requestId: string | null,
) {
  authorize(principal, 'oversight.dashboard', 'case');
  if (!z.string().uuid().safeParse(caseId).success) throw notFound('case');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const sample = await currentSampleOfCase(tx, principal, caseId, today);
    if (!sample) throw notFound('case');
    const theCase = await sampledCase(tx, principal.forceId, caseId);
    if (!theCase) throw notFound('case');
    const subjects = await subjectsOf(tx, theCase.forceId, theCase.id);
    const subjectById = new Map(subjects.map((s) => [s.id, s]));
    const allegations = (await allegationsOf(tx, theCase.forceId, theCase.id)).map((row) => {
      const facts = factsOf(row);
      return {
        ...row,
        facts,
        statusLabel: STATUS_LABELS[facts.track.status],
        subject: subjectById.get(row.subjectId),
        actions: [],
      };
    });
    const view = {
      theCase,
      subjects,
      allegations,
      timeline: await timelineOf(tx, theCase.forceId, theCase.id),
      clocks: await clocksOfCase(tx, theCase.forceId, theCase.id),
      clockEvents: await clockEventsOfCase(tx, theCase.forceId, theCase.id),
      returns: await listReturnsOf(tx, theCase.forceId, theCase.id),
    };
    await insertRead(tx, {
      forceId: theCase.forceId,
      sampleId: sample.sample_id,
      caseId: theCase.id,
      userId: principal.userId,
      readAt: deps.now(),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      {
        type: 'oversight.sample_case_viewed',
        sampleId: sample.sample_id,
        caseId: theCase.id,
        reference: theCase.reference,
      },
    );
    const inTx = { ...deps, db: tx };
    return { view, model: await casePageModel(inTx, principal, view, { restrictionBanner: caseRestrictionBanner }) };
  });
}
