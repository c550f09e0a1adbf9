import { expect } from 'vitest';
import { formatDate, type IsoDate } from '../../../src/kernel/time/dates.ts';
import { cellTexts, fillDate, squash, type Subject } from './case-journey.ts';
import { PRE_HEARING_CLOCK, summaryPairs, timelineEntries, type CaseworkPage } from './casework-steps.ts';

/**
 * The hearing steps of the casework journey (test/e2e/casework.e2e.ts, issue 17), each several pages long:
 * arranging one hearing for four officers, extending one officer's pre-hearing time limit, and writing the
 * outcome letters.
 */

/** One hearing is arranged for the four officers, and their tracks are set down for it on the same day. */
export async function arrangeHearing(j: CaseworkPage, four: Subject[], hearingDay: IsoDate): Promise<void> {
  const { page, caseUrl, reference } = j;
  await j.toHearingsPage('hearings-none');
  // Only the four allegations with a case to answer are offered, each named by subject and category.
  const hears = page.getByRole('group', { name: 'Which allegations does it hear?' });
  expect(await hears.getByRole('checkbox').count()).toBe(4);
  await j.fillHearing({
    form: 'Misconduct hearing',
    allegations: four.map(
      (s) => `${s.name}: Unprofessional attitude and disrespect (a case to answer for gross misconduct)`,
    ),
    on: hearingDay,
    venue: 'Force headquarters, Court Room 2',
    inPublic: false,
  });
  await page.getByLabel('Chair', { exact: true }).fill('Chief Superintendent Hale');
  await page.getByLabel('Independent member', { exact: true }).fill('Ms Priya Shah');
  await j.submit('Arrange');
  await page.waitForURL((url) => url.pathname === `${caseUrl}/hearings`);
  await expect.poll(() => page.locator('.govuk-summary-card').count()).toBe(1);
  await j.shot('hearing-arranged');

  const card = page.locator('.govuk-summary-card');
  expect(squash(await card.locator('.govuk-summary-card__title').textContent())).toBe(
    `Misconduct hearing on ${formatDate(hearingDay)}`,
  );
  const fields = Object.fromEntries(await summaryPairs(page, '.govuk-summary-card'));
  expect(fields['Venue']).toBe('Force headquarters, Court Room 2');
  expect(fields['In public']).toBe('No, in private');
  expect(fields['Chair']).toBe('Chief Superintendent Hale');
  expect(fields['Independent member']).toBe('Ms Priya Shah');
  expect((fields['Hears'] ?? '').split(', ').sort()).toEqual(four.map((s) => s.name).sort());

  // On the case page, each of the four tracks is set down for the hearing on the same day.
  await page.getByRole('link', { name: `Case ${reference}` }).click();
  await j.atCasePage('before-scheduling');
  const [a, ...others] = four;
  if (!a) throw new Error('no subjects');
  await j.openAction(a, 'Arrange a misconduct hearing', 'schedule-hearing');
  await fillDate(page, 'Date of the misconduct hearing', hearingDay);
  await j.applyAlsoTo(others);
  await j.submit('Arrange a misconduct hearing');
  await j.atCasePage('hearing-scheduled');
  for (const s of four) {
    const cells = await cellTexts(j.firstTrack(s));
    expect(cells[1]).toBe('Awaiting a misconduct hearing');
    expect(cells[4]).toBe('Misconduct hearing');
    // Conduct Regs 2020 reg 33: the pre-hearing time limit runs for each of them.
    expect((await j.preHearingClock(s))?.[4]).toBe('Running');
  }
}

/** The first officer's pre-hearing time limit is extended with the chair's reason; the others' are unchanged. */
export async function extendPreHearingClock(
  j: CaseworkPage,
  four: Subject[],
  extendedTo: IsoDate,
  extensionReason: string,
): Promise<void> {
  const { page, caseUrl } = j;
  const a = four[0];
  if (!a) throw new Error('no subjects');
  const before = await j.preHearingClock(a);
  expect(before?.slice(0, 3)).toEqual([PRE_HEARING_CLOCK, '15 working days', a.name]);
  const wasDue = before?.[3] ?? '';
  const row = page.locator('#clock-table tbody tr').filter({ hasText: PRE_HEARING_CLOCK }).filter({ hasText: a.name });
  await row.getByRole('link', { name: `Change ${PRE_HEARING_CLOCK} for ${a.name}` }).click();
  await page.waitForURL((url) => url.pathname.startsWith(`${caseUrl}/clocks/`));
  await expect.poll(j.h1).toBe(PRE_HEARING_CLOCK);
  await j.shot('clock');
  expect(Object.fromEntries(await summaryPairs(page, 'main'))['Due']).toBe(wasDue);

  await fillDate(page, 'New due date', extendedTo);
  await page.getByLabel('Why is it extended, and who decided?').fill(extensionReason);
  await j.submit('Extend the time limit');
  await j.atCasePage('clock-extended');

  expect(await j.preHearingClock(a)).toEqual([
    PRE_HEARING_CLOCK,
    '15 working days',
    a.name,
    formatDate(extendedTo),
    'Running',
  ]);
  // The others' limits are unchanged.
  for (const s of four.slice(1)) expect((await j.preHearingClock(s))?.[3]).toBe(wasDue);
  const [newest] = await timelineEntries(page);
  expect(newest?.title).toBe('Time limit extended');
  expect(newest?.details).toEqual({
    'Time limit': `${PRE_HEARING_CLOCK} (${a.name})`,
    Reason: extensionReason,
    'Was due': wasDue,
    'Now due': formatDate(extendedTo),
  });
}

/** The outcome letters are written for the four, listed, the first read as HTML and downloaded as PDF. */
export async function writeAndReadLetters(j: CaseworkPage, four: Subject[], hearingDay: IsoDate): Promise<void> {
  const { page, caseUrl, reference } = j;
  await j.toHearingsPage('hearings-before-letters');
  expect(squash(await page.locator('#letters + p').textContent())).toBe('No letter has been written.');
  await j.submit('Write the outcome letters');
  await page.waitForURL((url) => url.pathname === `${caseUrl}/hearings`);
  const letters = page.locator('#letters + ul > li');
  await expect.poll(() => letters.count()).toBe(4);
  await j.shot('letters');

  const subjectLine = `Outcome of the misconduct proceedings (${reference})`;
  const listed = (await letters.allTextContents()).map(squash);
  expect(listed.sort()).toEqual(four.map((s) => `${subjectLine} to ${s.name}, ${formatDate(hearingDay)} (PDF)`).sort());

  const a = four[0];
  if (!a) throw new Error('no subjects');
  const item = letters.filter({ hasText: ` to ${a.name},` });
  const pdfHref = await item.getByRole('link', { name: 'PDF' }).getAttribute('href');
  await item.getByRole('link', { name: subjectLine }).click();
  await page.waitForURL((url) => /^\/cases\/[^/]+\/letters\/[0-9a-f-]{36}$/.test(url.pathname));
  await j.shot('outcome-letter');
  const letterText = squash(await page.locator('body').textContent());
  expect(letterText).toContain(a.name);
  expect(letterText).toContain(reference);
  expect(letterText).toMatch(/gross misconduct/i);
  expect(letterText).toMatch(/Police Appeals Tribunal/);

  await page.goBack();
  await page.waitForURL((url) => url.pathname === `${caseUrl}/hearings`);
  const pdf = await j.download(
    page
      .locator('#letters + ul > li')
      .filter({ hasText: ` to ${a.name},` })
      .getByRole('link', { name: 'PDF' }),
  );
  expect(pdf.pathname).toBe(pdfHref);
  expect(pdf.fileName).toBe(`${reference}-outcome-${hearingDay}.pdf`);
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.bytes.length).toBeGreaterThan(1000);
}
