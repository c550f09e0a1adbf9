import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError } from '../../../kernel/errors.ts';
import { parseInput, isoDateString, blank } from '../../../kernel/validation.ts';
import { applicationKinds, vettingLevels } from '../../../db/schema/index.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { insertApplication, insertPendingChecks, nextApplicationReference } from './applications.repository.ts';
import { findVettingPerson } from '../clearances/clearances.repository.ts';
import { MATCHED_ON_CREATE, matchApplication } from '../lists/match-application.ts';

const isoDate = (what: string) => isoDateString(`Enter ${what}`);
const name = (what: string) =>
  z
    .string({ message: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(100, `The ${what} must be 100 characters or fewer`);
const list = (max: number, what: string) =>
  z
    .array(z.string().trim().min(1).max(100, `Each ${what} must be 100 characters or fewer`))
    .max(max, `Give at most ${max} ${what}s`)
    .default([]);

export const createApplicationInput = z
  .object({
    kind: z.enum(applicationKinds, { message: 'Choose the kind of application' }),
    level: z.enum(vettingLevels, { message: 'Choose the level applied for' }),
    personId: z.preprocess(blank, z.string().uuid('Enter the id of a person record').nullable().optional()),
    givenName: name('given name'),
    familyName: name('family name'),
    formerNames: list(20, 'former name'),
    dateOfBirth: isoDate('the date of birth'),
    formerNumbers: list(20, 'former number'),
    previousForce: z.preprocess(
      blank,
      z.string().trim().max(200, 'The previous force must be 200 characters or fewer').nullable().optional(),
    ),
    receivedOn: isoDate('the date the application was received'),
  })
  .refine((v) => !(v.kind === 'renewal' || v.kind === 'upgrade') || !!v.personId, {
    message: 'A renewal or upgrade is for someone with a person record: choose the person',
    path: ['personId'],
  })
  .refine((v) => v.kind !== 'transfer_in' || !!v.previousForce, {
    message: 'Enter the force the applicant is transferring from',
    path: ['previousForce'],
  });

/**
 * Opens a vetting application with the applicant's details and the nine checks, each pending (§4.3). A
 * recruitment or transfer-in application is checked against the barred and advisory lists in the same
 * transaction, so a likely match is waiting for a human decision before anyone can decide the application.
 */
export async function createApplication(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof createApplicationInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'page');
  const input = parseInput(createApplicationInput, raw, 'Check the application');
  const today = ukToday(deps.now());
  const dateErrors: Record<string, string> = {};
  if (input.dateOfBirth >= today) dateErrors['dateOfBirth'] = 'The date of birth must be in the past';
  if (input.receivedOn > today) dateErrors['receivedOn'] = 'The date received must be today or in the past';
  if (Object.keys(dateErrors).length > 0) throw new AppError('validation', 'Check the application', dateErrors);
  return deps.db.transaction(async (tx) => {
    if (input.personId && !(await findVettingPerson(tx, principal, input.personId))) {
      throw new AppError('validation', 'Check the application', {
        personId: 'No person record you can vet has that id',
      });
    }
    const reference = await nextApplicationReference(tx, principal.forceId, Number(today.slice(0, 4)));
    const application = await insertApplication(tx, {
      forceId: principal.forceId,
      reference,
      kind: input.kind,
      level: input.level,
      personId: input.personId ?? null,
      givenName: input.givenName,
      familyName: input.familyName,
      formerNames: input.formerNames,
      dateOfBirth: input.dateOfBirth,
      formerNumbers: input.formerNumbers,
      previousForce: input.previousForce ?? null,
      receivedOn: input.receivedOn,
      caseOfficerUserId: principal.userId,
    });
    await insertPendingChecks(tx, principal.forceId, application.id);
    const actor = actorOf(principal, requestId);
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.application_created',
        applicationId: application.id,
        reference,
        kind: application.kind,
        level: application.level,
      },
    );
    const matched = MATCHED_ON_CREATE.has(application.kind)
      ? await matchApplication(tx, deps, actor, application)
      : null;
    return { id: application.id, reference, matchesFound: matched?.matchesFound ?? 0 };
  });
}
