import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { findVisibleCase } from './cases.repository.ts';
import {
  deleteLinkBothWays,
  findVisibleCaseByReference,
  insertLinkBothWays,
  linkedCasesOf,
  linkExists,
  lockCases,
} from './case-details.repository.ts';
import { casePolicy } from './case.policy.ts';

const isUuid = (v: unknown) => z.string().uuid().safeParse(v).success;
const CHECK = 'Check the link';

export const linkCasesBody = z.object({
  reference: z
    .string()
    .trim()
    .min(1, 'Enter the reference of the case to link, for example WEST-2026-0042')
    .max(60, 'Enter a reference of at most 60 characters'),
  reason: z.string().trim().min(3, 'Say why the cases are linked').max(500, 'Say why in at most 500 characters'),
});

export type LinkCasesInput = z.input<typeof linkCasesBody> & { caseId: string };

/** The cases linked to a case, only those the user may see (a link to any other case is not shown). */
export async function viewLinks(deps: Deps, principal: Principal | null, caseId: string, requestId: string | null) {
  authorize(principal, 'case.read', 'case');
  if (!isUuid(caseId)) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const links = await linkedCasesOf(tx, principal, theCase.id);
    // The links show the linked cases' summaries: a read of case content, audited like the case page.
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.viewed', caseId: theCase.id, reference: theCase.reference, part: 'links' },
    );
    return { theCase, links, canChange: casePolicy.progress(principal) };
  });
}

/**
 * Links two cases of the force (the same incident, the same subject, a complaint turned into a conduct
 * case …), stored once in each direction. The user must be able to see both: a case they cannot see is
 * refused with exactly the words used for a reference that does not exist.
 */
export async function linkCases(
  deps: Deps,
  principal: Principal | null,
  raw: LinkCasesInput,
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  authorize(principal, 'allegation.progress', 'case');
  if (!isUuid(raw.caseId)) throw notFound('case');
  const input = parseInput(linkCasesBody, raw, CHECK);
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, raw.caseId);
    if (!theCase) throw notFound('case');
    const other = await findVisibleCaseByReference(tx, principal, input.reference);
    if (!other) throw new AppError('validation', CHECK, { reference: 'There is no case with that reference' });
    if (other.id === theCase.id)
      throw new AppError('validation', CHECK, { reference: 'A case cannot be linked to itself' });
    await lockCases(tx, principal.forceId, [theCase.id, other.id]);
    if (await linkExists(tx, principal.forceId, theCase.id, other.id))
      throw new AppError('validation', CHECK, { reference: `This case is already linked to ${other.reference}` });
    await insertLinkBothWays(tx, {
      forceId: principal.forceId,
      caseId: theCase.id,
      linkedCaseId: other.id,
      reason: input.reason,
      linkedBy: principal.userId,
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.linked', caseId: theCase.id, linkedCaseId: other.id },
    );
    return { linkedCaseId: other.id, reference: other.reference };
  });
}

/** Removes the link between two cases, in both directions. Both must be visible to the user. */
export async function unlinkCases(
  deps: Deps,
  principal: Principal | null,
  raw: { caseId: string; linkedCaseId: string },
  requestId: string | null,
) {
  authorize(principal, 'case.read', 'case');
  authorize(principal, 'allegation.progress', 'case');
  if (!isUuid(raw.caseId) || !isUuid(raw.linkedCaseId)) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, raw.caseId);
    const other = theCase ? await findVisibleCase(tx, principal, raw.linkedCaseId) : undefined;
    if (!theCase || !other) throw notFound('case');
    await lockCases(tx, principal.forceId, [theCase.id, other.id]);
    if (!(await linkExists(tx, principal.forceId, theCase.id, other.id))) throw notFound('link');
    await deleteLinkBothWays(tx, principal.forceId, theCase.id, other.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.unlinked', caseId: theCase.id, linkedCaseId: other.id },
    );
    return { unlinked: other.id };
  });
}
