import type { Deps } from '../../app/deps.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuditActor } from '../audit/audit-events.ts';
import { startClock } from '../clocks/start-clock.ts';
import { standardsOfProfessionalBehaviour } from './taxonomy.ts';
import { regimeOf } from './case-context.ts';
import { findForce } from '../organisation/forces.repository.ts';
import {
  existingListReturn,
  insertListReturn,
  subjectDossier,
  type AllegationRow,
  type CaseRow,
} from './cases.repository.ts';

const standardLabel = new Map<string, string>(standardsOfProfessionalBehaviour.map((s) => [s.code, s.label]));

function personCategory(personType: string, former: boolean): string {
  const staff = personType === 'staff' || personType === 'volunteer';
  if (staff) return former ? 'former employee' : 'civilian employee';
  return former ? 'former officer' : 'officer';
}

/**
 * Creates the barred- or advisory-list return for a subject, with the fields the Police Barred List and
 * Police Advisory List Regulations 2017 ask for (uk-domain.md §2.15 [V S31]), and starts its
 * 5-working-day clock. One return per subject and list: a second trigger does nothing.
 */
export async function createListReturn(
  tx: Db,
  deps: Deps,
  actor: AuditActor,
  args: {
    list: 'barred' | 'advisory';
    theCase: CaseRow;
    allegation: AllegationRow;
    triggeredOn: string;
    finding?: string;
    sanction?: string;
  },
): Promise<string | null> {
  const { theCase, allegation } = args;
  if (await existingListReturn(tx, theCase.forceId, allegation.subjectId, args.list)) return null;
  const person = await subjectDossier(tx, theCase.forceId, allegation.subjectId);
  if (!person) throw new Error(`subject ${allegation.subjectId} has no person`);
  const priorAdvisory =
    args.list === 'barred'
      ? await existingListReturn(tx, theCase.forceId, allegation.subjectId, 'advisory')
      : undefined;
  const document = {
    list: args.list === 'barred' ? 'Police Barred List' : 'Police Advisory List',
    fullName: `${person.given_name} ${person.family_name}`,
    force: (await findForce(tx, theCase.forceId))?.name ?? theCase.forceId,
    dateOfBirth: person.date_of_birth,
    category: personCategory(person.person_type, !!person.left_on),
    rank: person.rank,
    warrantOrIdNumber: person.warrant ?? person.collar ?? person.staff_number,
    caseReference: theCase.reference,
    conduct: allegation.description,
    standardsBreached: allegation.standards.map((code) => standardLabel.get(code) ?? code),
    ...(args.list === 'barred'
      ? {
          finding: args.finding ?? null,
          sanction: args.sanction ?? null,
          dateOfDismissalOrFinding: args.triggeredOn,
          priorAdvisoryListReport: priorAdvisory?.id ?? null,
        }
      : {
          leftOn: person.left_on,
          formOfProceedings: (allegation.facts as { track?: { form?: string } }).track?.form ?? 'not yet decided',
        }),
    dueWithinWorkingDays:
      deps.config.rules.periods[args.list === 'barred' ? 'barred_list_return' : 'advisory_list_return'].amount,
  };
  const row = await insertListReturn(tx, {
    forceId: theCase.forceId,
    caseId: theCase.id,
    subjectId: allegation.subjectId,
    allegationId: allegation.id,
    list: args.list,
    document,
    triggeredOn: args.triggeredOn,
  });
  await startClock(tx, deps, {
    forceId: theCase.forceId,
    caseId: theCase.id,
    allegationId: allegation.id,
    subjectId: allegation.subjectId,
    period: args.list === 'barred' ? 'barred_list_return' : 'advisory_list_return',
    startOn: args.triggeredOn,
    regimeVersion: regimeOf(theCase),
    ownerUserId: theCase.leadInvestigatorId,
  });
  await recordAudit(
    tx,
    actor,
    { type: 'case', id: theCase.id, personId: person.person_id },
    {
      type: 'list_return.created',
      caseId: theCase.id,
      subjectId: allegation.subjectId,
      list: args.list,
      returnId: row.id,
    },
  );
  return row.id;
}
