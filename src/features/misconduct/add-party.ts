import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import { parseInput, blank } from '../../kernel/validation.ts';
import { partyRoles } from '../../db/schema/index.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../kernel/access/principal.ts';
import { findUserById } from '../auth/index.ts';
import { findVisiblePerson, resolveReference } from '../organisation/index.ts';
import { findVisibleCase, subjectsOf } from './cases.repository.ts';
import { insertCaseParty, partiesOf, partyExists } from './case-details.repository.ts';

const isUuid = (v: unknown) => z.string().uuid().safeParse(v).success;
const CHECK = 'Check the party';

export const partyRoleLabels: Record<(typeof partyRoles)[number], string> = {
  complainant: 'Complainant',
  victim: 'Victim',
  witness: 'Witness',
  reporter: 'Reporter',
};

/** What the API accepts: a role, and either a directory reference (number or record id) or an outside name. */
export const addPartyBody = z
  .object({
    role: z.enum(partyRoles, { message: 'Choose whether they are a complainant, victim, witness or reporter' }),
    personReference: z.preprocess(blank, z.string().trim().max(100, 'Enter at most 100 characters').optional()),
    name: z.preprocess(
      blank,
      z.string().trim().min(2, 'Enter their full name').max(200, 'Enter a name of at most 200 characters').optional(),
    ),
  })
  // Checked even when another field is wrong, so that one submission shows every problem.
  .refine((v) => v.personReference !== undefined || v.name !== undefined, {
    path: ['personReference'],
    message:
      'Enter a collar, warrant or staff number or record id from the force directory, or the name of someone outside it',
    when: () => true,
  })
  .refine((v) => v.personReference === undefined || v.name === undefined, {
    path: ['name'],
    message: 'Enter either a number from the force directory or a name, not both',
    when: () => true,
  });

export type AddPartyInput = z.input<typeof addPartyBody> & { caseId: string };

/** Parties may be listed and changed by those who may progress the case's allegations. */
export function authorizeParties(principal: Principal | null): asserts principal is Principal {
  authorize(principal, 'case.read', 'case');
  authorize(principal, 'allegation.progress', 'case');
}

/**
 * The parties of a case (complainants, victims, witnesses, reporters) for one who may see the case. The
 * read shows personal details of people who are not subjects, so it is audited like the case page.
 */
export async function viewParties(deps: Deps, principal: Principal | null, caseId: string, requestId: string | null) {
  authorizeParties(principal);
  if (!isUuid(caseId)) throw notFound('case');
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, caseId);
    if (!theCase) throw notFound('case');
    const parties = await partiesOf(tx, theCase.forceId, theCase.id);
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.viewed', caseId: theCase.id, reference: theCase.reference },
    );
    return { theCase, parties };
  });
}

/**
 * Adds a complainant, victim, witness or reporter: a person of the force directory (named by a collar,
 * warrant or staff number or a record id, resolved among the records this user may see) or someone outside
 * it by name. A party who is a person of the force can no longer see the case (cases-scope.ts), so the
 * lead investigator or a subject cannot be made a party. The audit records the role, never the name.
 */
export async function addParty(deps: Deps, principal: Principal | null, raw: AddPartyInput, requestId: string | null) {
  authorizeParties(principal);
  if (!isUuid(raw.caseId)) throw notFound('case');
  const input = parseInput(addPartyBody, raw, CHECK);
  return deps.db.transaction(async (tx) => {
    const theCase = await findVisibleCase(tx, principal, raw.caseId, true);
    if (!theCase) throw notFound('case');
    let personId: string | null = null;
    if (input.personReference !== undefined) {
      const matches = await resolveReference(tx, principal, input.personReference);
      if (matches.length > 1)
        throw new AppError('validation', CHECK, {
          personReference: 'That number matches more than one record: enter the record id instead',
        });
      const person = matches[0] ? await findVisiblePerson(tx, principal, matches[0]) : undefined;
      if (!person || person.mergedIntoId)
        throw new AppError('validation', CHECK, {
          personReference: 'No one you can see in the force directory has that number or record id',
        });
      if (await partyExists(tx, principal.forceId, theCase.id, input.role, person.id)) {
        throw new AppError('validation', CHECK, {
          personReference: `This person is already a ${input.role} on the case`,
        });
      }
      if ((await subjectsOf(tx, principal.forceId, theCase.id)).some((subject) => subject.personId === person.id)) {
        throw new AppError('validation', CHECK, { personReference: 'This person is a subject of the case' });
      }
      const lead = theCase.leadInvestigatorId ? await findUserById(tx, theCase.leadInvestigatorId) : undefined;
      if (lead?.personId === person.id) {
        // Need-to-know would hide the case from its own lead: refuse, do not hide.
        throw new AppError('validation', CHECK, {
          personReference: 'This person is the lead investigator of the case: allocate the case to someone else first',
        });
      }
      personId = person.id;
    }
    const party = await insertCaseParty(tx, {
      forceId: principal.forceId,
      caseId: theCase.id,
      role: input.role,
      personId,
      name: personId ? null : (input.name ?? null),
    });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'case', id: theCase.id },
      { type: 'case.party_added', caseId: theCase.id, partyId: party.id, role: party.role },
    );
    return { id: party.id, role: party.role, personId: party.personId, name: party.name };
  });
}
