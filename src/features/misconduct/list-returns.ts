import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import type { AuditActor } from '../../kernel/audit/audit-events.ts';
import { startClock } from '../clocks/index.ts';
import { standardsOfProfessionalBehaviour } from './taxonomy.ts';
import { regimeOf } from './case-context.ts';
import { findForce } from '../organisation/index.ts';
import {
  countFurtherListReturns,
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
 * Police Advisory List Regulations 2017 ask for (uk-domain.md §2.15 (Police Barred List and Police Advisory List Regs 2017)), and starts its
 * 5-working-day clock. One initial return per subject and list: a second trigger does nothing.
 *
 * `kind: 'further'` is the further report Police Act 1996 s.88F and Barred List Regs 2017 reg 5 require when
 * the first report becomes wrong (a dismissal overturned or varied on appeal): its own return, with its own
 * clock (`barred_list_further_report`, numbered by sequence), pointing at the initial return. Without an
 * initial return there is nothing to correct, and nothing is created.
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
    kind?: 'initial' | 'further';
    /** For a further report: what changed, in words (e.g. 'dismissal overturned on appeal'). */
    change?: string;
  },
): Promise<string | null> {
  const { theCase, allegation } = args;
  const kind = args.kind ?? 'initial';
  const initial = await existingListReturn(tx, theCase.forceId, allegation.subjectId, args.list);
  if (kind === 'initial' ? initial : !initial) return null;
  const sequence =
    kind === 'further' ? (await countFurtherListReturns(tx, theCase.forceId, allegation.subjectId, args.list)) + 1 : 1;
  const period =
    kind === 'further'
      ? 'barred_list_further_report'
      : args.list === 'barred'
        ? 'barred_list_return'
        : 'advisory_list_return';
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
    ...(kind === 'further'
      ? {
          furtherReport: true,
          correctsReturn: initial?.id ?? null,
          change: args.change ?? 'the earlier report changed',
        }
      : {}),
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
    dueWithinWorkingDays: deps.config.rules.periods[period].amount,
  };
  const row = await insertListReturn(tx, {
    forceId: theCase.forceId,
    caseId: theCase.id,
    subjectId: allegation.subjectId,
    allegationId: allegation.id,
    list: args.list,
    kind,
    document,
    triggeredOn: args.triggeredOn,
  });
  await startClock(tx, deps, {
    forceId: theCase.forceId,
    caseId: theCase.id,
    allegationId: allegation.id,
    subjectId: allegation.subjectId,
    period,
    sequence,
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
      ...(kind === 'further' ? { kind } : {}),
    },
  );
  return row.id;
}
