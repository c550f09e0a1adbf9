import { expect } from 'vitest';
import { formatDate } from '../../../src/kernel/time/dates.ts';
import { actionSlug, cellTexts, squash } from './case-journey.ts';
import {
  RESTRICTION_REVIEW_CLOCK,
  VETTING,
  VETTING_NAME,
  errorMessages,
  fillDateIn,
  rowsOf,
  submitForm,
  summaryList,
  switchUser,
} from './integrity-journey.ts';
import { HEAD_PSD_NAME, type LoopJourney, type loopSteps } from './integrity-steps.ts';

/**
 * The later decisions of the integrity loop (test/e2e/integrity-loop.e2e.ts): the restriction's review, the severity
 * assessment that opens a vetting review, and the vetting officer's withdrawal of the clearance.
 */

/** The decision steps, over the journey (read when a step runs) and the pages of the loop's case. */
export function loopDecisionSteps(journey: () => LoopJourney, pages: ReturnType<typeof loopSteps>) {
  const { atCasePage, atRestrictions, subjectSection, clock, bannerFlags, openAuthorityLists, flaggedRows } = pages;

  /** Records the review: the reasons still hold, the rationale is renewed, and the flag goes. */
  async function recordReview(): Promise<void> {
    const { page, shot, officer, reference } = journey();
    const { reviewDay, nextReview } = journey().days;
    await page.locator('#restriction-banner').getByRole('link', { name: 'Suspension and restricted duties' }).click();
    await atRestrictions('before-review');
    await page.getByRole('link', { name: `Review for ${officer.name}` }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/review'));
    await shot('review-form');
    const outcome = page.getByRole('group', { name: 'What happens to the restriction?' });
    expect(await outcome.getByRole('radio', { name: 'It continues' }).isChecked()).toBe(true);
    expect(squash(await outcome.locator('#outcome-item-hint').textContent())).toBe(
      `The next review is due ${formatDate(nextReview)} if reviewed today`,
    );

    await page
      .getByRole('group', { name: 'Do the reasons for the restriction still hold?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page
      .getByLabel('Reasons', { exact: true })
      .fill('The investigation continues and the bail conditions remain; the risk to the public is unchanged.');
    await page
      .getByRole('group', { name: 'Was the officer told of the review and able to make representations?' })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByLabel('The officer’s representations (optional)').fill('Asks to return to response duties.');
    await page
      .getByLabel('Renewed reasons why a measure short of suspension is enough')
      .fill(
        'Public contact is still excluded and the complainant is protected by bail conditions; suspension is still not needed.',
      );
    expect(await submitForm(page, 'Record the review')).toBe(303);
    await atRestrictions('reviewed');

    await expect
      .poll(async () => squash(await subjectSection().locator(':scope > h2').textContent()))
      .toBe(officer.name);
    expect(await summaryList(page.locator('[id^="current-"]'))).toMatchObject({
      'Next review': formatDate(nextReview),
    });
    expect((await rowsOf(page, '[id^="history-"]'))[0]?.slice(0, 3)).toEqual([
      formatDate(reviewDay),
      expect.stringMatching(/review/i),
      HEAD_PSD_NAME,
    ]);
    expect((await rowsOf(page, '[id^="rationales-"]'))[0]?.slice(0, 3)).toEqual([
      formatDate(reviewDay),
      formatDate(nextReview),
      HEAD_PSD_NAME,
    ]);

    await page.getByRole('link', { name: `Case ${reference}` }).click();
    await atCasePage('reviewed');
    expect((await clock(RESTRICTION_REVIEW_CLOCK)).map((r) => [r[3], r[4]])).toEqual(
      expect.arrayContaining([
        [formatDate(reviewDay), 'Met'],
        [formatDate(nextReview), 'Running'],
      ]),
    );
    expect(await bannerFlags()).toEqual([]);
    await openAuthorityLists('reviewed');
    expect(await flaggedRows()).toEqual([]);
    expect(await page.locator('#reviews-table').count()).toBe(0);
  }

  /** Assesses gross misconduct and finds the vetting review it opened; returns the review id. */
  async function assessGrossMisconduct(): Promise<string> {
    const { page, shot, officer, caseUrl, reference, allegationId } = journey();
    const { day0, reviewDay, vettingDue } = journey().days;
    await page.goto(caseUrl);
    await atCasePage('before-assessment');
    const track = page
      .locator('#tracks tbody tr')
      .filter({ has: page.locator(`a[href="/people/${officer.personId}"]`) });
    await track.getByRole('link', { name: `Assess severity for ${officer.name}`, exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname === `${caseUrl}/allegations/${allegationId}/actions/${actionSlug('Assess severity')}`,
    );
    await shot('assess-form');
    await page.getByRole('radio', { name: 'Gross misconduct', exact: true }).check();
    await page
      .getByLabel('Reasons for the assessment')
      .fill('Sexual assault, if proved, would justify dismissal: gross misconduct.');
    expect(await submitForm(page, 'Assess severity')).toBe(303);
    await atCasePage('assessed');
    expect((await cellTexts(track))[1]).toBe('Assessed as gross misconduct');

    await switchUser(page, VETTING, 'loop-vetting');
    await page.goto('/vetting/reviews');
    await shot('vetting-reviews');
    await page.getByLabel('Trigger').selectOption({ label: 'Gross misconduct assessment' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('trigger') === 'gross_misconduct_assessment');
    await shot('vetting-reviews-gross-misconduct');
    expect(await rowsOf(page, '#review-results')).toEqual([
      [
        officer.name,
        `Gross misconduct assessment Case ${reference}`,
        formatDate(reviewDay),
        `${formatDate(vettingDue)} Due in 28 days`,
        'Not assigned',
      ],
    ]);
    // The restriction opened one too, on the day it was imposed.
    await page.getByLabel('Trigger').selectOption({ label: 'Duties restricted or suspended' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('trigger') === 'restriction_imposed');
    await shot('vetting-reviews-restriction');
    expect((await rowsOf(page, '#review-results')).map((r) => r.slice(0, 3))).toEqual([
      [officer.name, `Duties restricted or suspended Case ${reference}`, formatDate(day0)],
    ]);

    await page.getByLabel('Trigger').selectOption({ label: 'Gross misconduct assessment' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL((url) => url.searchParams.get('trigger') === 'gross_misconduct_assessment');
    await page.locator('#review-results').getByRole('link', { name: officer.name }).click();
    await page.waitForURL((url) => /^\/vetting\/reviews\/[0-9a-f-]{36}$/.test(url.pathname));
    const reviewId = new URL(page.url()).pathname.split('/')[3] ?? '';
    await shot('vetting-review');
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({
      Person: officer.name,
      Trigger: 'Gross misconduct assessment',
      Source: `Conduct case ${reference}`,
      Opened: formatDate(reviewDay),
      Due: `${formatDate(vettingDue)} Due in 28 days`,
      Status: 'Open',
    });
    return reviewId;
  }

  /** Withdraws the clearance (refused first without the withdrawal assessment); the appeal window starts. */
  async function withdrawClearance(): Promise<void> {
    const { page, server, shot, officer, reference, reviewId } = journey();
    const { reviewDay, appealEnds } = journey().days;
    await switchUser(page, VETTING, 'loop-vetting-decides');
    await page.goto(`/vetting/reviews/${reviewId}`);
    await shot('review-before-decision');
    expect((await rowsOf(page, '#clearances')).map((r) => r.slice(0, 2))).toEqual([
      [expect.stringContaining(`(${officer.clearanceLevel})`), 'Active'],
    ]);

    const withdraw = page.getByRole('radio', { name: 'Withdraw the clearance (Police (Vetting) Regulations 2025)' });
    await withdraw.check();
    await page
      .getByLabel('Rationale for the decision')
      .fill(
        'Gross misconduct assessed for a sexual assault while the officer is on bail: the clearance cannot be maintained.',
      );
    // Without the withdrawal assessment the decision is refused, field by field, and nothing changes.
    expect(await submitForm(page, 'Record the decision', `/vetting/reviews/${reviewId}/decision`)).toBe(400);
    await shot('withdrawal-refused');
    expect(await errorMessages(page)).toEqual(
      expect.arrayContaining([
        'Confirm the harm test was considered before deciding what the officer is told',
        'Enter the date the officer was told of the withdrawal assessment',
        'Confirm the officer was told they may be accompanied by a police friend',
      ]),
    );
    const [{ n: decisions } = { n: -1 }] = await server.database.query<{ n: number }>(
      'select count(*)::int as n from vetting_decisions where review_id = $1',
      [reviewId],
    );
    expect(decisions).toBe(0);

    await page
      .getByRole('checkbox', { name: 'The harm test was considered before deciding what the officer is told' })
      .check();
    await page
      .getByLabel('What is withheld from the officer under the harm test, and why (optional)')
      .fill('The complainant’s account, while the criminal investigation continues.');
    await fillDateIn(
      page.getByRole('group', { name: 'Date the officer was told of the withdrawal assessment' }),
      reviewDay,
    );
    await page
      .getByRole('checkbox', { name: 'The officer was told they may be accompanied by a police friend' })
      .check();
    await page.getByLabel('Police friend (optional)').fill('PC Dana Friend');
    await page
      .getByLabel('Reasons to be sent to the officer')
      .fill('Your clearance is withdrawn because of the gross misconduct assessment and the criminal investigation.');
    expect(await submitForm(page, 'Record the decision', `/vetting/reviews/${reviewId}/decision`)).toBe(303);
    await page.waitForURL((url) => url.pathname === `/vetting/reviews/${reviewId}`);
    await shot('review-decided');

    expect(await summaryList(page.locator('#decision'))).toMatchObject({
      Outcome: 'Withdraw the clearance (Police (Vetting) Regulations 2025)',
      'Decided on': formatDate(reviewDay),
      'Decision maker': VETTING_NAME,
      'Harm test considered': 'Yes',
      'Officer told of the assessment': formatDate(reviewDay),
      'Police friend': 'PC Dana Friend (right explained)',
      'Appeal window ends': formatDate(appealEnds),
    });
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({ Status: 'Completed' });
    expect((await rowsOf(page, '#clearances')).map((r) => r[1])).toEqual([`Withdrawn (${formatDate(reviewDay)})`]);

    // The decision record (after APP Appendix K) says until when the officer may appeal, and takes the appeal.
    await page.getByRole('link', { name: 'Decision record and appeal' }).click();
    await page.waitForURL((url) => /^\/vetting\/decisions\/[0-9a-f-]{36}$/.test(url.pathname));
    await shot('decision-record');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Vetting decision: Withdraw');
    expect(await summaryList(page.locator('.govuk-summary-list').first())).toMatchObject({
      Name: officer.name,
      Review: `Gross misconduct assessment, opened ${formatDate(reviewDay)}`,
      Source: `Conduct case ${reference}`,
    });
    expect(await summaryList(page.locator('#record-decision'))).toMatchObject({
      Decision: 'Withdraw',
      'Harm test considered': 'Yes',
      'Officer told of the assessment': formatDate(reviewDay),
      'Decision maker': VETTING_NAME,
      'Appeal rights': `An appeal may be made until ${formatDate(appealEnds)}.`,
    });
    expect(squash(await page.locator('#appeals + p').textContent())).toBe(
      `The window to appeal ends on ${formatDate(appealEnds)}.`,
    );
    await expect.poll(() => page.getByRole('button', { name: 'Record the appeal' }).count()).toBe(1);

    // Its clock: the officer's own withdrawal appeal window (14 calendar days by default [R]), running.
    const decisionId = new URL(page.url()).pathname.split('/')[3] ?? '';
    expect(
      await server.database.query(
        "select period, started_on::text, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1",
        [`decision:${decisionId}`],
      ),
    ).toEqual([{ period: 'vetting_withdrawal_appeal', started_on: reviewDay, due_on: appealEnds, state: 'running' }]);
  }

  return { recordReview, assessGrossMisconduct, withdrawClearance };
}
