import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../../../test/support/test-app.ts';
import { resolvePeriods } from '../../kernel/time/periods.ts';
import { caseInput } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';
import { progressAllegation } from '../misconduct/progress-allegation.ts';
import {
  buildReviewWorld,
  client,
  reviewsOf,
  type ReviewWorld,
} from '../../../test/fixtures/vetting/review.http-fixtures.ts';

/**
 * A force that gives its vetting unit 10 WORKING days to complete a review (PROBITY_RULES_FILE
 * `{"periods": {"vetting_review": {"amount": 10, "unit": "working_days"}}}`): review due dates skip the
 * England and Wales bank holidays.
 */
let t: TestApp;
let w: ReviewWorld;

beforeAll(async () => {
  const rules = testConfig().rules;
  t = await createTestApp(
    { rules: { ...rules, periods: resolvePeriods({ vetting_review: { amount: 10, unit: 'working_days' } }) } },
    () => new Date('2027-01-15T10:00:00Z'),
  );
  w = await buildReviewWorld(t);
});

afterAll(async () => {
  await t?.close();
});

async function grossMisconductAssessedOn(personId: string, occurredOn: string) {
  const c = await openCase(
    t.deps,
    w.accounts.aa.principal,
    caseInput([personId], { cameToAttentionOn: '2026-01-05' }),
    null,
  );
  const [a] = await t.database.query<{ id: string; version: number }>(
    `select id, version from allegations where case_id = $1`,
    [c.id],
  );
  await progressAllegation(
    t.deps,
    w.accounts.aa.principal,
    {
      caseId: c.id,
      allegationId: a?.id ?? '',
      version: a?.version ?? 0,
      occurredOn,
      action: {
        type: 'assess_severity',
        severity: 'gross_misconduct',
        rationale: 'Assessed against the evidence',
        finalWrittenWarningInForce: false,
        multipleUnconnectedIncidents: false,
      },
    },
    null,
  );
  const [review] = await reviewsOf(t, personId);
  return review;
}

describe('review due dates with a working-day period', () => {
  it('skips Good Friday and Easter Monday', async () => {
    // Thu 2 Apr 2026; Fri 3 and Mon 6 Apr are bank holidays: 7–10, 13–17, 20 Apr are the 10 working days.
    const review = await grossMisconductAssessedOn(w.people.alice.id, '2026-04-02');
    expect(review).toMatchObject({
      trigger: 'gross_misconduct_assessment',
      opened_on: '2026-04-02',
      due_on: '2026-04-20',
    });
    const [clock] = await t.database.query<{ due_on: string }>(
      `select due_on::text from clocks where owner_kind = 'vetting' and subject_key = $1`,
      [`review:${review?.id}`],
    );
    expect(clock?.due_on).toBe('2026-04-20');
  });

  it('skips Christmas, the substitute Boxing Day and New Year’s Day', async () => {
    // Wed 23 Dec 2026: 24, 29, 30, 31 Dec, then 4–8 and 11 Jan (25 Dec, Mon 28 Dec for Boxing Day and 1 Jan are holidays).
    const review = await grossMisconductAssessedOn(w.people.bob.id, '2026-12-23');
    expect(review).toMatchObject({ opened_on: '2026-12-23', due_on: '2027-01-11' });
    const page = await client(t, w, 'vo').get(`/vetting/reviews/${review?.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('11 January 2027');
    expect(page.body).toContain('Overdue by 4 days');
  });
});
