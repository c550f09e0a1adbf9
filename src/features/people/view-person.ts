import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { notFound } from '../../kernel/errors.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { allegationsAgainstPerson } from '../misconduct/index.ts';
import { STATUS_LABELS } from '../misconduct/index.ts';
import { peoplePolicy } from './people.policy.ts';
import {
  careerBreaksOf,
  findVisiblePerson,
  identifiersOf,
  mergedInto,
  mergesOf,
  postingsOf,
} from '../organisation/index.ts';
import { personReviewNotice } from '../vetting/index.ts';
import { personRestrictionBanner } from '../restrictions/index.ts';
import { casePolicy, warningsOfPeople } from '../misconduct/index.ts';

const personId = z.string().uuid();
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * One person with identity history (numbers with their periods, postings, merges), the records merged
 * into it, and protected characteristics only for roles that need them. Every read is audited in the
 * same transaction; a record the principal may not see is "not found", exactly like a missing one.
 */
export async function viewPerson(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorize(principal, 'person.read', 'person');
  if (!personId.safeParse(id).success) throw notFound('person');
  return deps.db.transaction(async (tx) => {
    const person = await findVisiblePerson(tx, principal, id);
    if (!person) throw notFound('person');
    const duplicates = await mergedInto(tx, principal.forceId, person.id);
    const ids = [person.id, ...duplicates.map((d) => d.id)];
    // One connection per transaction: queries run one after another.
    const identifiers = await identifiersOf(tx, principal.forceId, ids);
    const postings = await postingsOf(tx, principal.forceId, ids);
    const merges = await mergesOf(tx, principal.forceId, person.id);
    const survivor = person.mergedIntoId ? await findVisiblePerson(tx, principal, person.mergedIntoId) : undefined;
    // Only cases this viewer may see (the same need-to-know scope as the case list); nothing without case.read.
    const allegations = casePolicy.read(principal)
      ? (await allegationsAgainstPerson(tx, principal, person.id)).map((a) => ({
          ...a,
          statusLabel: capitalise(STATUS_LABELS[a.state as keyof typeof STATUS_LABELS] ?? a.state),
        }))
      : null;
    // Career breaks, and the warnings they extend (Conduct Regs 2020 reg 42(11), 62(5)), in the cases one may see.
    const careerBreaks = await careerBreaksOf(tx, principal.forceId, ids);
    const warnings = casePolicy.read(principal) ? await warningsOfPeople(tx, principal, ids, careerBreaks) : null;
    // Vetting: links for vetting roles, nothing at all for anyone else (vetting/person-review-notice.ts).
    const vettingNotice = await personReviewNotice(tx, principal, person);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'person', id: person.id, personId: person.id },
      { type: 'person.viewed', personId: person.id },
    );
    const showProtected = peoplePolicy.readProtectedCharacteristics(principal);
    const { sex, ethnicity, ageBand, dateOfBirth, ...rest } = person;
    return {
      person: rest,
      protectedCharacteristics: showProtected ? { sex, ethnicity, ageBand, dateOfBirth } : null,
      identifiers,
      postings,
      merges,
      duplicates,
      survivor: survivor ? { id: survivor.id, givenName: survivor.givenName, familyName: survivor.familyName } : null,
      canMerge: peoplePolicy.merge(principal),
      careerBreaks,
      warnings,
      canRecordCareerBreak: peoplePolicy.recordCareerBreak(principal),
      allegations,
      vettingNotice,
      restrictionBanner: await personRestrictionBanner(tx, deps, principal, ids),
    };
  });
}
