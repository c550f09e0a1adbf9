import {
  adverseInformation,
  caseEvidence,
  caseLinks,
  designatedPosts,
  dipSampleCases,
  dipSamples,
  hearingPublications,
  hearings,
  hearingAllegations,
  listEntries,
  listMatches,
  vettingAppeals,
  vettingApplications,
  vettingChecks,
  vettingClearances,
  vettingDecisions,
  vettingReviews,
  complaintReviews,
} from '../../src/db/schema/index.ts';
import type { Role } from '../../src/kernel/access/roles.ts';
import { createApiToken } from '../../src/features/auth/api-tokens.ts';
import { systemActor } from '../../src/kernel/audit/audit-events.ts';
import { addParty } from '../../src/features/misconduct/add-party.ts';
import { recordCareerBreak } from '../../src/features/people/record-career-break.ts';
import { addAction } from '../../src/features/recommendations/add-action.ts';
import { addRecommendationEvidence } from '../../src/features/recommendations/add-evidence.ts';
import { addItem } from '../../src/features/recommendations/add-item.ts';
import { createReport } from '../../src/features/recommendations/create-report.ts';
import { generateResponse } from '../../src/features/recommendations/generate-response.ts';
import { complaintInput } from '../fixtures/complaints/complaints.http-fixtures.ts';
import { logComplaint } from '../../src/features/complaints/log-complaint.ts';
import { writeComplaintLetter } from '../../src/features/complaints/letters/write-letter.ts';
import { writeCaseLetter } from '../../src/features/misconduct/letters/write-case-letter.ts';
import { imposeRestriction } from '../../src/features/restrictions/impose-restriction.ts';
import { buildRestrictionWorld, decisionBody } from '../fixtures/restrictions/restrictions.http-fixtures.ts';
import { createAccount, createPerson, sessionCookieFor } from './factories.ts';
import { submitReport } from '../../src/features/reporting/submit-report.ts';
import {
  planIntervention,
  runEarlyIntervention,
  saveRule,
  switchRule,
} from '../../src/features/early-intervention/index.ts';
import { jpegWithGps, reportFields } from '../fixtures/reporting/reporting.http-fixtures.ts';

/** The photo of the world's anonymous report, as the upload plugin hands it to the use case. */
async function anonymousEvidence() {
  return {
    kind: 'uploaded-file',
    fileName: 'photo.jpg',
    claimedType: 'image/jpeg',
    content: await jpegWithGps(),
    tooLarge: false,
  };
}
import type { TestApp } from './test-app.ts';

/**
 * One world with a real record of every kind a route takes an id of, for the need-to-know net
 * (src/app/route-need-to-know.http.test.ts). Built on the restriction world (two forces; a RESTRICTED case
 * that only `aa`, `named` and its lead may see; a normal case whose subjects include Dave, who is also the
 * appropriate authority `aaSubject`), it gives BOTH cases the same children (allegation, subject, party,
 * link, evidence, restriction, publication), gives Vera (a vetting officer) a full vetting file of her own
 * (application, check, adverse item, list match, decision, appeal, review, clearance), and adds the
 * force-level records (designated post, recommendation report/item/action/evidence/response, dip sample,
 * API token, an ordinary account for the administrators' routes). Every record is West's. Accounts of force
 * East hold each role used, so that every probe of another force is made by a user with the same role as the
 * one of the same force. Every account has a session cookie (pages) and an API token (the JSON API takes
 * bearer tokens only).
 *
 * The clock is fixed (`TODAY`): the restriction dates and the dip sample window are relative to it.
 */

export const TODAY = '2026-03-02';
export const clockAt = () => new Date(`${TODAY}T10:00:00Z`);

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

export async function buildRouteAccessWorld(t: TestApp) {
  const w = await buildRestrictionWorld(t);
  const db = t.deps.db;
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);

  // --- accounts beyond the case world's ---------------------------------------------------------------
  const vera = await createPerson(db, 'west', {
    givenName: 'Vera',
    familyName: 'Vettel',
    identifiers: [{ kind: 'collar', value: '9100', validFrom: '2015-01-01' }],
    postings: [{ rank: 'Constable', role: 'Vetting officer', unitId: w.psd.id, validFrom: '2015-01-01' }],
  });
  const extra = {
    /** A vetting officer whose own vetting file is Vera's: holds vetting.read, must never see her file. */
    vera: { role: 'vetting_officer', forceId: 'west', personId: vera.id },
    /** The PCC's office, with no dip sample granted (`pcc` holds one, over the normal case). */
    pcc2: { role: 'pcc_oversight', forceId: 'west', personId: null },
    chief: { role: 'chief_officer', forceId: 'west', personId: null },
    auditor: { role: 'auditor', forceId: 'west', personId: null },
    admin: { role: 'administrator', forceId: 'west', personId: null },
    eastInvestigator: { role: 'psd_investigator', forceId: 'east', personId: null },
    eastVetting: { role: 'vetting_officer', forceId: 'east', personId: null },
    eastPcc: { role: 'pcc_oversight', forceId: 'east', personId: null },
    eastChief: { role: 'chief_officer', forceId: 'east', personId: null },
    eastAuditor: { role: 'auditor', forceId: 'east', personId: null },
    eastAdmin: { role: 'administrator', forceId: 'east', personId: null },
    /** The confidential reporting units of both forces (anonymous reports, features/reporting). */
    unit: { role: 'confidential_unit', forceId: 'west', personId: null },
    eastUnit: { role: 'confidential_unit', forceId: 'east', personId: null },
    /** An ordinary account of West: the record the account-administration routes are probed on. */
    clerk: { role: 'officer', forceId: 'west', personId: null },
  } satisfies Record<string, { role: Role; forceId: string; personId: string | null }>;
  const cookies: Record<string, string> = { ...w.cookies };
  /** The JSON API takes a bearer token only (no session cookie): every account holds one. */
  const tokens: Record<string, string> = { ...w.tokens };
  const users: Record<string, { id: string; forceId: string }> = {};
  for (const [name, a] of Object.entries(w.accounts)) users[name] = a.user;
  for (const [name, spec] of Object.entries(extra)) {
    const a = await createAccount(t.deps, { email: `${name.toLowerCase()}@${spec.forceId}.example`, ...spec });
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', spec.forceId), a.user.id, 'test')).token;
    users[name] = a.user;
  }

  /** A duplicate record merged into `personId` (so the merge can be undone). */
  async function mergeInto(personId: string): Promise<string> {
    const duplicate = await createPerson(db, 'west', { givenName: 'Duplicate', familyName: 'Record' });
    await q(`update people set merged_into_id = $1 where id = $2`, [personId, duplicate.id]);
    const [merge] = await q<{ id: string }>(
      `insert into person_merges (force_id, survivor_id, merged_id, reason, merged_by) values ('west', $1, $2, 'Same officer', $3) returning id`,
      [personId, duplicate.id, w.accounts.aa.user.id],
    );
    return merge?.id ?? '';
  }

  // --- the children of each case ------------------------------------------------------------------------
  async function children(caseId: string, subjectName: string, linkTo: string): Promise<CaseRecords> {
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
      mergeId: await mergeInto(row.person_id),
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
  const restricted = await children(w.restricted.id, 'alice', w.normal.id);
  const normal = await children(w.normal.id, 'dave', w.serious.id);

  // --- early intervention: a rule switched on and run; an alert about each case's subject ---------------
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
  await runEarlyIntervention(t.deps, systemActor('test', 'west'), { forceId: 'west', today: TODAY, trigger: 'test' });
  for (const bundle of [restricted, normal]) {
    const [alert] = await q<{ id: string }>(`select id from ei_alerts where person_id = $1`, [bundle.personId]);
    if (!alert) throw new Error('no early-intervention alert');
    bundle.eiAlertId = alert.id;
    const plan = { kind: 'mentoring', owner: 'Sgt Patel', dueOn: '2026-04-01' };
    bundle.eiInterventionId = (await planIntervention(t.deps, w.aa, alert.id, plan, null)).id;
  }

  // --- Vera's vetting file ------------------------------------------------------------------------------
  const vetting = await veraFile(t, vera.id, users.vetting?.id ?? '');

  // --- force-level records ------------------------------------------------------------------------------
  const [post] = await db
    .insert(designatedPosts)
    .values({
      forceId: 'west',
      title: 'Counter corruption investigator',
      postingRole: 'Counter corruption investigator',
      unitId: w.psd.id,
      requiredLevel: 'MV',
    })
    .returning();
  const pcc = w.accounts.pcc.principal;
  const report = await createReport(
    t.deps,
    pcc,
    {
      publisher: 'HMICFRS',
      title: 'Vetting and misconduct',
      publishedOn: '2025-11-01',
      url: '',
      reportType: 'thematic',
    },
    null,
  );
  const item = await addItem(
    t.deps,
    pcc,
    report.id,
    { kind: 'recommendation', number: 1, text: 'Check every officer', ownerBody: 'ChiefConstables', themes: [] },
    null,
  );
  const action = await addAction(t.deps, w.aa, item.id, { description: 'Audit the files', dueOn: null }, null);
  const file = {
    kind: 'uploaded-file' as const,
    fileName: 'audit.txt',
    claimedType: 'text/plain',
    content: Buffer.from('Audit of the files', 'utf8'),
    tooLarge: false,
  };
  await addRecommendationEvidence(t.deps, w.aa, item.id, { title: 'Audit', url: '', file }, null);
  const [recEvidence] = await q<{ id: string }>(`select id from recommendation_evidence`);
  const response = await generateResponse(t.deps, pcc, report.id, null);
  const [sample] = await db
    .insert(dipSamples)
    .values({
      forceId: 'west',
      granteeUserId: w.accounts.pcc.user.id,
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      purpose: 'Quarterly dip sample',
      grantedBy: w.accounts.aa.user.id,
    })
    .returning();
  if (!post || !sample || !recEvidence) throw new Error('no post, sample or evidence');
  await db.insert(dipSampleCases).values({ forceId: 'west', sampleId: sample.id, caseId: w.normal.id });
  const token = await createApiToken(t.deps, systemActor('test', 'west'), w.accounts.aa.user.id, 'revocable');

  // An anonymous report to West with a file (features/reporting), sent as a reporter would.
  await submitReport(t.deps, 'west', { ...reportFields(), evidence: await anonymousEvidence() });
  const [anon] = await q<{ id: string; file_id: string }>(
    `select r.id, f.id as file_id from reports r join report_files f on f.force_id = r.force_id and f.report_id = r.id`,
  );
  if (!anon) throw new Error('no anonymous report');

  // A review application to the PCC office (features/complaints/reviews), on the normal case's complaint.
  const [review] = await db
    .insert(complaintReviews)
    .values({
      forceId: 'west',
      complaintId: normal.complaintId,
      body: 'local_policing_body',
      receivedOn: '2026-03-01',
      via: 'staff',
      grounds: 'Not satisfied with the outcome',
    })
    .returning();
  if (!review) throw new Error('no review');

  const [serious] = await q<{ reference: string }>(`select reference from cases where id = $1`, [w.serious.id]);
  const force = {
    complaintReviewId: review.id,
    /** For request bodies: a case to link, a unit to own a case, a record to merge. */
    otherReference: serious?.reference ?? '',
    unitId: w.psd.id,
    mergedPersonId: w.people.twinA.id,
    postId: post.id,
    reportId: report.id,
    itemId: item.id,
    actionId: action.id,
    recEvidenceId: recEvidence.id,
    responseId: response.id,
    sampleId: sample.id,
    sampledCaseId: w.normal.id,
    tokenId: token.id,
    userId: users.clerk?.id ?? '',
    forceId: 'west',
    anonReportId: anon.id,
    eiRuleId: eiRule.id,
    anonFileId: anon.file_id,
  };
  return { ...w, cookies, tokens, users, vera, records: { restricted, normal, vetting, force } };
}

export type RouteAccessWorld = Awaited<ReturnType<typeof buildRouteAccessWorld>>;

/** A vetting file about Vera (who is a vetting officer herself), with one record of every vetting kind. */
async function veraFile(t: TestApp, personId: string, officerId: string) {
  const db = t.deps.db;
  const [clearance] = await db
    .insert(vettingClearances)
    .values({ forceId: 'west', personId, level: 'RV', grantedOn: '2021-01-01', expiresOn: '2031-01-01' })
    .returning();
  const [application] = await db
    .insert(vettingApplications)
    .values({
      forceId: 'west',
      reference: 'VET-ACCESS-1',
      kind: 'upgrade',
      level: 'MV',
      personId,
      givenName: 'Vera',
      familyName: 'Vettel',
      dateOfBirth: '1985-06-15',
      receivedOn: '2026-02-01',
    })
    .returning();
  if (!application || !clearance) throw new Error('no application');
  const [check] = await db
    .insert(vettingChecks)
    .values({ forceId: 'west', applicationId: application.id, checkType: 'pnc' })
    .returning();
  const [adverse] = await db
    .insert(adverseInformation)
    .values({
      forceId: 'west',
      applicationId: application.id,
      source: 'Credit reference agency',
      infoType: 'financial',
      relation: 'self',
      severity: 2,
      credibility: 5,
      description: 'County court judgment, satisfied',
    })
    .returning();
  const [entry] = await db
    .insert(listEntries)
    .values({
      forceId: 'west',
      list: 'barred',
      origin: 'national_import',
      givenName: 'Vera',
      familyName: 'Vettel',
      sourceKey: 'PBL-ACCESS-1',
    })
    .returning();
  if (!entry || !check || !adverse) throw new Error('no list entry');
  const [match] = await db
    .insert(listMatches)
    .values({ forceId: 'west', applicationId: application.id, entryId: entry.id, score: 0.9, reasons: ['name'] })
    .returning();
  const [decision] = await db
    .insert(vettingDecisions)
    .values({
      forceId: 'west',
      applicationId: application.id,
      personId,
      outcome: 'refuse',
      decidedOn: '2026-02-20',
      decisionMakerUserId: officerId,
      rationale: 'Unresolved financial vulnerability',
      appealWindowEndsOn: '2026-03-20',
      document: {},
    })
    .returning();
  if (!decision || !match) throw new Error('no decision');
  const [appeal] = await db
    .insert(vettingAppeals)
    .values({ forceId: 'west', decisionId: decision.id, lodgedOn: '2026-02-25', grounds: 'The judgment was paid' })
    .returning();
  const [review] = await db
    .insert(vettingReviews)
    .values({
      forceId: 'west',
      personId,
      trigger: 'adverse_information',
      sourceKey: 'test:access',
      openedOn: '2026-02-01',
      dueOn: '2026-04-01',
      summary: 'Adverse information received',
    })
    .returning();
  if (!appeal || !review) throw new Error('no appeal or review');
  // A withdrawal of Vera's clearance on that review, and her appeal against it (Police (Vetting) Regs 2025).
  const [withdrawal] = await db
    .insert(vettingDecisions)
    .values({
      forceId: 'west',
      reviewId: review.id,
      personId,
      outcome: 'withdraw',
      decidedOn: '2026-02-20',
      decisionMakerUserId: officerId,
      rationale: 'Undeclared association',
      appealWindowEndsOn: '2026-03-06',
      document: {},
    })
    .returning();
  if (!withdrawal) throw new Error('no withdrawal');
  const [withdrawalAppeal] = await db
    .insert(vettingAppeals)
    .values({
      forceId: 'west',
      decisionId: withdrawal.id,
      kind: 'withdrawal',
      lodgedBy: 'person',
      appellantType: 'staff',
      lodgedOn: '2026-02-25',
      decideBy: '2026-03-25',
      grounds: 'The association ended long ago',
    })
    .returning();
  if (!withdrawalAppeal) throw new Error('no withdrawal appeal');
  const [reviewCheck] = await db
    .insert(vettingChecks)
    .values({ forceId: 'west', reviewId: review.id, checkType: 'pnc' })
    .returning();
  return {
    personId,
    clearanceId: clearance.id,
    applicationId: application.id,
    checkId: check.id,
    adverseId: adverse.id,
    matchId: match.id,
    decisionId: decision.id,
    appealId: appeal.id,
    reviewId: review.id,
    reviewCheckId: reviewCheck?.id ?? '',
    withdrawalDecisionId: withdrawal.id,
    withdrawalAppealId: withdrawalAppeal.id,
  };
}
