import {
  adverseInformation,
  listEntries,
  listMatches,
  vettingAppeals,
  vettingApplications,
  vettingChecks,
  vettingClearances,
  vettingDecisions,
  vettingReviews,
} from '../../src/db/schema/index.ts';
import type { TestApp } from './test-app.ts';

/** A vetting file about Vera (who is a vetting officer herself), with one record of every vetting kind. */
export async function veraFile(t: TestApp, personId: string, officerId: string) {
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
