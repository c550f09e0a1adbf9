import { designatedPosts, dipSampleCases, dipSamples, complaintReviews } from '../../src/db/schema/index.ts';
import { createApiToken } from '../../src/features/auth/api-tokens.ts';
import { systemActor } from '../../src/kernel/audit/audit-events.ts';
import { addAction } from '../../src/features/recommendations/add-action.ts';
import { addRecommendationEvidence } from '../../src/features/recommendations/add-evidence.ts';
import { addItem } from '../../src/features/recommendations/add-item.ts';
import { createReport } from '../../src/features/recommendations/create-report.ts';
import { generateResponse } from '../../src/features/recommendations/generate-response.ts';
import { submitReport } from '../../src/features/reporting/submit-report.ts';
import { jpegWithGps, reportFields } from '../fixtures/reporting/reporting.http-fixtures.ts';
import type { TestApp } from './test-app.ts';
import type { RestrictionWorld } from '../fixtures/restrictions/restrictions.http-fixtures.ts';

/** The force-level records of the route access world (route-access-world.ts). */

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

/**
 * A designated post, a recommendation report with an item, action, evidence and response, a dip sample over the
 * normal case, a revocable API token, an anonymous report with a file and a complaint review application.
 */
export async function forceRecords(t: TestApp, w: RestrictionWorld, normal: { complaintId: string }, clerkId: string) {
  const db = t.deps.db;
  const q = <T>(text: string, params: unknown[] = []) => t.database.query<T>(text, params);
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
    userId: clerkId,
    forceId: 'west',
    anonReportId: anon.id,
    anonFileId: anon.file_id,
  };
  return force;
}
