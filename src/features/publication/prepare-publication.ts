import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { findVisibleCaseByReference, hearingsOfCase, listVisiblePublications } from './publication.repository.ts';

/**
 * The appropriate authority's notices (list), and the first steps of a new one: the case (by reference)
 * and its hearings, with the chosen hearing's details to start the notice from. Reads only.
 */
export async function listPublications(deps: Deps, principal: Principal | null) {
  authorize(principal, 'publication.manage');
  return deps.db.transaction((tx) => listVisiblePublications(tx, principal));
}

export async function preparePublication(
  deps: Deps,
  principal: Principal | null,
  query: { case?: string | undefined; hearing?: string | undefined },
) {
  authorize(principal, 'publication.manage');
  const reference = (query.case ?? '').trim();
  if (!reference) return { theCase: null, hearings: [], chosen: null };
  if (reference.length > 40)
    throw new AppError('validation', 'Check the case reference', {
      case: 'Enter a case reference, for example WEST-2025-0042',
    });
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCaseByReference(tx, principal, reference);
    if (!theCase)
      throw new AppError('validation', 'Check the case reference', { case: 'No case you can see has that reference' });
    const hearings = await hearingsOfCase(tx, principal.forceId, theCase.id);
    const hearing = query.hearing ?? '';
    if (!hearing) return { theCase, hearings, chosen: null };
    const chosen = z.string().uuid().safeParse(hearing).success
      ? hearings.find((h) => h.allegation_id === hearing)
      : undefined;
    if (!chosen) throw notFound('hearing');
    return { theCase, hearings, chosen };
  });
}
