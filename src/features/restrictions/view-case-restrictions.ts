import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { findVisibleCase, subjectsOf } from '../misconduct/index.ts';
import {
  decisionsOf,
  rationalesOfCase,
  restrictionsOfCase,
  userNames,
  type DecisionRow,
  type RationaleRow,
  type RestrictionRow,
} from './restrictions.repository.ts';
import { subjectFlags, type SubjectFlag } from './subject-flags.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { restrictionPolicy } from './restriction.policy.ts';

/** A restriction with its decisions (oldest first) and the names of its decision makers. */
export type RestrictionWithHistory = RestrictionRow & {
  decisionMaker: string;
  decisions: (DecisionRow & { decisionMaker: string })[];
};

export type SubjectRestrictions = {
  id: string;
  personId: string;
  name: string;
  leftOn: string | null;
  /** Every restriction in force now, oldest first: several of different kinds may run at once. */
  inForce: RestrictionWithHistory[];
  past: RestrictionWithHistory[];
  flag: SubjectFlag['flag'] | null;
  rationales: (RationaleRow & { decisionMaker: string })[];
};

/**
 * The restrictions of one case, per subject: those in force (one of each kind at most), the earlier ones, every decision, the flag
 * and the senior rationales. An audited read of a case the user may see; anything else is "not found".
 */
export async function viewCaseRestrictions(
  deps: Deps,
  principal: Principal | null,
  caseId: string,
  requestId: string | null,
) {
  authorize(principal, 'restriction.read', 'case');
  if (!z.string().uuid().safeParse(caseId).success) throw notFound('case');
  const today = ukToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const subjects = await subjectsOf(tx, theCase.forceId, theCase.id);
    const restrictions = await restrictionsOfCase(tx, theCase.forceId, theCase.id);
    const decisions = await decisionsOf(
      tx,
      theCase.forceId,
      restrictions.map((r) => r.id),
    );
    const rationales = await rationalesOfCase(tx, theCase.forceId, theCase.id);
    const flags = await subjectFlags(tx, deps, { principal }, today, { caseId: theCase.id });
    const names = await userNames(tx, [
      ...restrictions.map((r) => r.decisionMakerUserId),
      ...decisions.map((d) => d.decisionMakerUserId),
      ...rationales.map((r) => r.decisionMakerUserId),
    ]);
    const nameOf = (id: string) => names.get(id) ?? 'Unknown user';
    const withHistory = (r: RestrictionRow): RestrictionWithHistory => ({
      ...r,
      decisionMaker: nameOf(r.decisionMakerUserId),
      decisions: decisions
        .filter((d) => d.restrictionId === r.id)
        .map((d) => ({ ...d, decisionMaker: nameOf(d.decisionMakerUserId) })),
    });
    const perSubject: SubjectRestrictions[] = subjects.map((s) => {
      const mine = restrictions.filter((r) => r.subjectId === s.id).map(withHistory);
      return {
        id: s.id,
        personId: s.personId,
        name: `${s.givenName} ${s.familyName}`,
        leftOn: s.leftOn,
        inForce: mine.filter((r) => r.status === 'in_force'),
        past: mine.filter((r) => r.status !== 'in_force').reverse(),
        flag: flags.find((f) => f.subjectId === s.id)?.flag ?? null,
        rationales: rationales
          .filter((r) => r.subjectId === s.id)
          .map((r) => ({ ...r, decisionMaker: nameOf(r.decisionMakerUserId) })),
      };
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'restriction.viewed', caseId: theCase.id, restrictionId: null },
    );
    return {
      theCase,
      subjects: perSubject,
      today,
      canDecide: restrictionPolicy.decide(principal),
      canRationale: restrictionPolicy.seniorRationale(principal),
    };
  });
}
