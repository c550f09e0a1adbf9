import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { AppError, notFound, staleVersion } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleApplication, updateApplication } from './applications.repository.ts';
import { clearanceOfApplication, findVettingPerson } from '../clearances/clearances.repository.ts';
import { decisionsOfFile, setDecisionsPerson } from '../decisions/decisions.repository.ts';
import { grantClearance } from '../clearances/grant-clearance.ts';

export const linkPersonInput = z.object({
  applicationId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  personId: z
    .string({ message: 'Enter the id of the person record' })
    .trim()
    .uuid('Enter the id of the person record (from the people directory)'),
});

/**
 * Links an applicant who had no person record (a recruit, a transferee) to the record made when they
 * joined. If the application was granted, the clearance is written now, dated from the decision, with its
 * renewal clock; the application's decisions then concern that person (and fall under the vetting scope's
 * rule that nobody sees their own file).
 */
export async function linkApplicantPerson(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof linkPersonInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  const input = parseInput(linkPersonInput, raw, 'Check the person record');
  return deps.db.transaction(async (tx) => {
    const application = await findVisibleApplication(tx, principal, input.applicationId, true);
    if (!application) throw notFound('application');
    if (application.version !== input.version) throw staleVersion();
    if (application.personId)
      throw new AppError('invalid_state', 'This application is already linked to a person record');
    const person = await findVettingPerson(tx, principal, input.personId);
    if (!person)
      throw new AppError('validation', 'Check the person record', {
        personId: 'No person record you can vet has that id',
      });
    await updateApplication(tx, application, { personId: person.id });
    await setDecisionsPerson(tx, application.forceId, application.id, person.id);
    const granted = application.status === 'granted' || application.status === 'granted_with_conditions';
    const decision = granted
      ? (await decisionsOfFile(tx, application.forceId, { kind: 'application', id: application.id })).find(
          (d) => d.outcome === 'grant' || d.outcome === 'grant_with_conditions',
        )
      : undefined;
    const actor = actorOf(principal, requestId);
    const clearance =
      decision && !(await clearanceOfApplication(tx, application.forceId, application.id))
        ? (
            await grantClearance(tx, deps, actor, {
              forceId: application.forceId,
              personId: person.id,
              level: application.level,
              grantedOn: decision.decidedOn,
              conditions: decision.conditions,
              source: 'decision',
              applicationId: application.id,
              decisionId: decision.id,
            })
          ).clearance
        : null;
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_application', id: application.id, personId: person.id },
      {
        type: 'vetting.applicant_linked',
        applicationId: application.id,
        personId: person.id,
        clearanceId: clearance?.id ?? null,
      },
    );
    return { clearanceId: clearance?.id ?? null };
  });
}
