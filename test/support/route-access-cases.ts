import {
  caseEvidence,
  caseLinks,
  hearingPublications,
  hearings,
  hearingAllegations,
} from '../../src/db/schema/index.ts';
import { systemActor } from '../../src/kernel/audit/audit-events.ts';
import { addParty } from '../../src/features/misconduct/add-party.ts';
import { recordCareerBreak } from '../../src/features/people/record-career-break.ts';
import { complaintInput } from '../fixtures/complaints/complaints.http-fixtures.ts';
import { logComplaint } from '../../src/features/complaints/log-complaint.ts';
import { writeComplaintLetter } from '../../src/features/complaints/letters/write-letter.ts';
import { writeCaseLetter } from '../../src/features/misconduct/letters/write-case-letter.ts';
import { imposeRestriction } from '../../src/features/restrictions/impose-restriction.ts';
import { decisionBody } from '../fixtures/restrictions/restrictions.http-fixtures.ts';
import { createPerson } from './factories.ts';
import {
  planIntervention,
  runEarlyIntervention,
  saveRule,
  switchRule,
} from '../../src/features/early-intervention/index.ts';
import type { TestApp } from './test-app.ts';
import type { RestrictionWorld } from '../fixtures/restrictions/restrictions.http-fixtures.ts';

/** The records of each case of the route access world (route-access-world.ts): its children, a merge, early intervention. */

/** The ids a route's parameters are filled from, for one case (and its children). */
export type CaseRecords = {
  caseId: string;
  allegationId: string;
  subjectId: string;
  /** The subject's person record, and a merge of a duplicate record into it. */
  personId: string;
  mergeId: string;
  /** An open career break on the subject's person record. */
  careerBreakId: string;
  partyId: string;
  linkedId: string;
  evidenceId: string;
  restrictionId: string;
  publicationId: string;
  /** A public complaint about the case's subject (features/complaints). */
  complaintId: string;
  /** A clock of the case (the restriction's review), for the clock pages and API. */
  clockId: string;
  /** A meeting arranged on the case (features/misconduct/arrange-hearing.ts). */
  hearingId: string;
  /** An early-intervention alert about the case's subject, and an intervention planned on it (features/early-intervention). */
  eiAlertId: string;
  eiInterventionId: string;
  /** An acknowledgement letter of that complaint. */
  complaintLetterId: string;
  /** A notice of that meeting to the case's subject (features/misconduct/letters). */
  caseLetterId: string;
};

/** A duplicate record merged into `personId` (so the merge can be undone). */
async function mergeInto(t: TestApp, w: RestrictionWorld, personId: string): Promise<string> {
  const db = t.deps.db;
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
  const duplicate = await createPerson(db, 'west', { givenName: 'Duplicate', familyName: 'Record' });
  await q(`update people set merged_into_id = $1 where id = $2`, [personId, duplicate.id]);
  const [merge] = await q<{ id: string }>(
    `insert into person_merges (force_id, survivor_id, merged_id, reason, merged_by) values ('west', $1, $2, 'Same officer', $3) returning id`,
    [personId, duplicate.id, w.accounts.aa.user.id],
  );
  return merge?.id ?? '';
}

/**
 * A case's children: an allegation, subject, party, link, evidence, restriction, publication, complaint and its
 * letter, clock, meeting and its notice, and a merge of a duplicate of its subject (early intervention comes later).
 */
export async function caseRecords(
  t: TestApp,
  w: RestrictionWorld,
  caseId: string,
  subjectName: string,
  linkTo: string,
): Promise<CaseRecords> {
  const db = t.deps.db;
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
  const [row] = await q<{ allegation_id: string; subject_id: string; person_id: string }>(
    `select a.id as allegation_id, a.subject_id, s.person_id from allegations a
       join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
       join people p on p.force_id = s.force_id and p.id = s.person_id
      where a.case_id = $1 and lower(p.given_name) = $2`,
    [caseId, subjectName],
  );
  if (!row) throw new Error(`no allegation of ${subjectName}`);
  const party = await addParty(t.deps, w.aa, { caseId, role: 'reporter', name: 'Pat Reporter' }, null);
  await db.insert(caseLinks).values({ forceId: 'west', caseId, linkedCaseId: linkTo, reason: 'Same team' });
  const [evidence] = await db
    .insert(caseEvidence)
    .values({
      forceId: 'west',
      caseId,
      fileName: 'statement.txt',
      mediaType: 'text/plain',
      sizeBytes: 9,
      sha256: '0'.repeat(64),
      content: Buffer.from('statement'),
    })
    .returning();
  const restriction = await imposeRestriction(
    t.deps,
    w.aa,
    { caseId, subjectId: row.subject_id, ...decisionBody('restricted_duties', '2026-02-27') },
    null,
  );
  const [publication] = await db
    .insert(hearingPublications)
    .values({
      forceId: 'west',
      caseId,
      subjectId: row.subject_id,
      allegationId: row.allegation_id,
      form: 'hearing',
      officerName: 'Police Constable A',
      hearingOn: '2026-04-01',
      venue: 'Force headquarters',
      allegationSummary: 'Posted offensive messages about colleagues.',
      createdBy: w.accounts.aa.user.id,
    })
    .returning();
  if (!evidence || !publication) throw new Error('no evidence or publication');
  const complaint = await logComplaint(t.deps, w.aa, complaintInput([row.person_id]), null);
  const [clock] = await q<{ id: string }>(`select id from clocks where case_id = $1 order by due_on, id limit 1`, [
    caseId,
  ]);
  if (!clock) throw new Error('no clock on the case');
  const [hearing] = await db
    .insert(hearings)
    .values({
      forceId: 'west',
      caseId,
      form: 'meeting',
      heldOn: '2026-04-01',
      venue: 'Force headquarters',
      inPublic: false,
    })
    .returning();
  if (!hearing) throw new Error('no hearing');
  await db
    .insert(hearingAllegations)
    .values({ forceId: 'west', hearingId: hearing.id, allegationId: row.allegation_id });
  const letter = await writeComplaintLetter(t.deps, w.aa, complaint.id, { kind: 'acknowledgement' }, null);
  const caseLetter = await writeCaseLetter(
    t.deps,
    w.aa,
    caseId,
    { kind: 'hearing_notice', hearingId: hearing.id },
    null,
  );
  return {
    hearingId: hearing.id,
    clockId: clock.id,
    caseId,
    allegationId: row.allegation_id,
    subjectId: row.subject_id,
    personId: row.person_id,
    mergeId: await mergeInto(t, w, row.person_id),
    careerBreakId: (await recordCareerBreak(t.deps, w.aa, row.person_id, { startsOn: '2026-01-05' }, null)).id,
    partyId: party.id,
    linkedId: linkTo,
    evidenceId: evidence.id,
    restrictionId: restriction.id,
    publicationId: publication.id,
    complaintId: complaint.id,
    eiAlertId: '',
    eiInterventionId: '',
    complaintLetterId: letter.letters[0]?.id ?? '',
    caseLetterId: caseLetter.letters[0]?.id ?? '',
  };
}

/**
 * Early intervention: a rule switched on and run on `today`; an alert about each case's subject and an intervention
 * planned on it. Returns the rule.
 */
export async function earlyInterventionRecords(t: TestApp, w: RestrictionWorld, today: string, bundles: CaseRecords[]) {
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
  const eiRule = await saveRule(
    t.deps,
    w.aa,
    {
      name: 'Allegations in a year',
      signalKinds: ['conduct_allegation'],
      windowDays: 365,
      warningLevel: 1,
      criticalLevel: 2,
    },
    null,
  );
  await switchRule(t.deps, w.aa, eiRule.id, { active: true, version: 1 }, null);
  await runEarlyIntervention(t.deps, systemActor('test', 'west'), { forceId: 'west', today, trigger: 'test' });
  for (const bundle of bundles) {
    const [alert] = await q<{ id: string }>(`select id from ei_alerts where person_id = $1`, [bundle.personId]);
    if (!alert) throw new Error('no early-intervention alert');
    bundle.eiAlertId = alert.id;
    const plan = { kind: 'mentoring', owner: 'Sgt Patel', dueOn: '2026-04-01' };
    bundle.eiInterventionId = (await planIntervention(t.deps, w.aa, alert.id, plan, null)).id;
  }
  return eiRule;
}
