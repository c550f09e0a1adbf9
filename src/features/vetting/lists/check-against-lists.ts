import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleApplication } from '../applications/applications.repository.ts';
import { matchApplication } from './match-application.ts';

/** Checks an open application against the barred and advisory lists again, on demand (after an import, say). */
export async function checkAgainstLists(
  deps: Deps,
  principal: Principal | null,
  applicationId: string,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  if (!z.string().uuid().safeParse(applicationId).success) throw notFound('application');
  return deps.db.transaction(async (tx) => {
    const application = await findVisibleApplication(tx, principal, applicationId, true);
    if (!application) throw notFound('application');
    if (application.status !== 'open')
      throw new AppError('invalid_state', 'This application has been decided: check a new application instead');
    return matchApplication(tx, deps, actorOf(principal, requestId), application);
  });
}
