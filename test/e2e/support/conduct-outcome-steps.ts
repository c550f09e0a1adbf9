import { expect } from 'vitest';
import { formatDate } from '../../../src/kernel/time/dates.ts';
import { BARRED_LIST_CLOCK, type Subject, cellTexts, fillDate, squash, tableRows } from './case-journey.ts';
import type { ConductJourney, conductSteps } from './conduct-case-steps.ts';

/**
 * The investigation and its outcomes in the conduct case journey (test/e2e/conduct-case.e2e.ts): the IOPC referral,
 * the notices and the report for the four, the case-to-answer decisions, the hearing that dismisses, the barred list return it generates with its clock, and the case's timeline.
 */

/** The investigation and outcome steps, over the journey (read when a step runs) and the case page's checks. */
export function conductOutcomeSteps(journey: () => ConductJourney, steps: ReturnType<typeof conductSteps>) {
  const { gm, pri, trackRow, expectTwelveMonthClock, atCasePage, openAction, applyAlsoTo, submit, statusOf } = steps;
  const { twelveMonthMet } = steps;

  /** Refers the four to the IOPC, investigates them locally, serves the notices and submits the report. */
  async function investigate(): Promise<void> {
    const { page } = journey();
    const { today } = journey().days;
    const [first, ...others] = gm();
    if (!first) throw new Error('no subjects');

    await openAction(first, 'Record the IOPC referral check', 'referral-check');
    await page
      .getByRole('group', { name: 'Must the matter be referred to the IOPC?' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await page
      .getByRole('checkbox', {
        name: 'A criminal offence or behaviour liable to lead to disciplinary proceedings, aggravated by discriminatory behaviour',
        exact: true,
      })
      .check();
    await applyAlsoTo(others);
    await submit('Record the IOPC referral check');
    await atCasePage('referred');
    for (const s of gm()) {
      expect(await statusOf(s)).toBe('Referred to the IOPC');
      expect((await cellTexts(trackRow(s)))[0]).toContain('IOPC: Referred');
    }

    await openAction(first, 'Record the IOPC decision', 'iopc-decision');
    await page.getByRole('radio', { name: 'Local investigation by the appropriate authority', exact: true }).check();
    await applyAlsoTo(others);
    await submit('Record the IOPC decision');
    await atCasePage('local-investigation');
    for (const s of gm()) {
      expect(await statusOf(s)).toBe('Under investigation');
      expect((await cellTexts(trackRow(s)))[0]).toContain('IOPC: Referred (local investigation)');
    }

    await openAction(first, 'Serve the regulation 17 notice', 'reg17');
    await fillDate(page, 'Date the notice was given to the officer (optional)', today);
    await applyAlsoTo(others);
    await submit('Serve the regulation 17 notice');
    await atCasePage('notices-served');
    for (const s of gm()) {
      // Served once: the step is no longer offered.
      await expect
        .poll(() =>
          trackRow(s)
            .getByRole('link', { name: `Serve the regulation 17 notice for ${s.name}` })
            .count(),
        )
        .toBe(0);
    }
    const afterNotices = await tableRows(page, '#clock-table');
    for (const s of gm())
      expect(
        afterNotices.some((r) => r[0] === 'Officer’s statement or documents to the investigator' && r[2] === s.name),
      ).toBe(true);

    await openAction(first, 'Submit the investigation report', 'report');
    await page
      .getByLabel('Summary of the investigation report')
      .fill('The chat export shows who posted and who forwarded the messages; accounts taken from all ten.');
    await applyAlsoTo(others);
    await submit('Submit the investigation report');
    // No investigation of the case remains open, so the report to the PCC is no longer due.
    twelveMonthMet();
    await atCasePage('reported');
    for (const s of gm()) expect(await statusOf(s)).toBe('Awaiting the case-to-answer decision');
  }

  /** Case to answer for two, no case for two, and reflective practice for the six. */
  async function decideCaseToAnswer(): Promise<void> {
    const { page } = journey();
    const [a, b, c, d] = gm();
    const [firstPri, ...otherPri] = pri();
    if (!a || !b || !c || !d || !firstPri) throw new Error('no subjects');

    await openAction(a, 'Decide whether there is a case to answer', 'case-to-answer');
    await page.getByRole('radio', { name: 'Case to answer for gross misconduct', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('They wrote and posted the messages; a tribunal could find gross misconduct.');
    await applyAlsoTo([b]);
    await submit('Decide whether there is a case to answer');
    await atCasePage('case-to-answer');

    await openAction(c, 'Decide whether there is a case to answer', 'no-case');
    await page.getByRole('radio', { name: 'No case to answer', exact: true }).check();
    await page
      .getByLabel('Reasons for the decision')
      .fill('Their phones received the messages but they never opened the group.');
    await applyAlsoTo([d]);
    await submit('Decide whether there is a case to answer');
    await atCasePage('no-case');

    await openAction(firstPri, 'Refer to reflective practice', 'rprp');
    await applyAlsoTo(otherPri);
    await submit('Refer to reflective practice');
    await atCasePage('reflective-practice');

    for (const s of [a, b]) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[1]).toBe('A case to answer for gross misconduct');
      expect(cells[3]).toBe('Gross misconduct');
    }
    for (const s of [c, d]) {
      const cells = await cellTexts(trackRow(s));
      expect(cells[1]).toBe('No case to answer');
      expect(cells[3]).toBe('No case to answer');
    }
    for (const s of pri()) expect(await statusOf(s)).toBe('In reflective practice');
  }

  /** Arranges the hearing, records the finding and (after the presumption refuses a lesser one) the dismissal. */
  async function hearAndDismiss(a: Subject): Promise<void> {
    const { page, shot } = journey();
    const { today } = journey().days;
    await openAction(a, 'Arrange a misconduct hearing', 'hearing');
    await fillDate(page, 'Date of the misconduct hearing', today);
    await expect
      .poll(() => page.getByRole('checkbox', { name: 'The hearing is held in public', exact: true }).isChecked())
      .toBe(true);
    await page
      .getByLabel('Panel (optional)')
      .fill('Legally qualified chair, a senior officer and an independent panel member');
    await submit('Arrange a misconduct hearing');
    await atCasePage('hearing-arranged');
    expect(await statusOf(a)).toBe('Awaiting a misconduct hearing');
    expect((await cellTexts(trackRow(a)))[4]).toBe('Misconduct hearing');

    await openAction(a, 'Record the finding', 'finding');
    await page
      .getByRole('group', { name: 'What did the proceedings find?' })
      .getByRole('radio', { name: 'Gross misconduct', exact: true })
      .check();
    await submit('Record the finding');
    await atCasePage('finding');
    expect((await cellTexts(trackRow(a)))[5]).toBe('Gross misconduct');

    // The presumption of dismissal (the matter came to attention after 28 May 2025): a lesser sanction
    // without exceptional circumstances is refused…
    await openAction(a, 'Record the sanction', 'sanction');
    // (a final written warning: the subjects are constables, for whom no reduction in rank exists, reg 62(6))
    await page.getByRole('radio', { name: 'Final written warning', exact: true }).check();
    const [lesser] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/actions/record_sanction'),
      ),
      submit('Record the sanction'),
    ]);
    expect(lesser.status()).toBe(422);
    await page.waitForLoadState();
    await shot('sanction-presumption');
    await expect
      .poll(async () => squash(await page.locator('.govuk-error-summary__list').textContent()))
      .toBe(
        'Gross misconduct carries a presumption of dismissal without notice (from 28 May 2025, §2.9): a final written warning needs the exceptional circumstances that justify it to be recorded',
      );
    // …and dismissal without notice is recorded.
    await page.getByRole('radio', { name: 'Dismissal without notice', exact: true }).check();
    await submit('Record the sanction');
    await atCasePage('dismissed');
    const cells = await cellTexts(trackRow(a));
    expect(cells[1]).toBe('Decided by the proceedings');
    expect(cells[6]).toBe('Dismissal without notice');
  }

  /** The barred list return, as a summary card, and its 5-working-day clock. */
  async function checkBarredListReturn(a: Subject): Promise<void> {
    const { page, reference } = journey();
    const { today, barredListDue } = journey().days;
    // The barred list return, as a summary card.
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: 'Barred and advisory list returns' }).count())
      .toBe(1);
    const card = page
      .locator('.govuk-summary-card')
      .filter({ has: page.locator('.govuk-summary-card__title', { hasText: `Police Barred List return: ${a.name}` }) });
    await expect.poll(() => card.count()).toBe(1);
    const fields = Object.fromEntries(
      await card
        .locator('.govuk-summary-list__row')
        .evaluateAll((rs) =>
          rs.map((r) => [
            (r.querySelector('dt')?.textContent ?? '').trim(),
            (r.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ]),
        ),
    );
    expect(fields['List']).toBe('Police Barred List');
    expect(fields['Full name']).toBe(a.name);
    expect(fields['Force']).toBe('Westshire Police');
    expect(fields['Case reference']).toBe(reference);
    expect(fields['Standards of Professional Behaviour breached']).toBe(
      'Equality and diversity, Discreditable conduct',
    );
    expect(fields['Sanction']).toBe('dismissal without notice');
    expect(fields['Date of the dismissal or finding']).toBe(formatDate(today));
    expect(fields['To be sent within (working days)']).toBe('5');
    expect(fields['Sent to the College of Policing']).toBe('Not yet');
    // Only the dismissed officer has a return.
    await expect.poll(() => page.locator('.govuk-summary-card').count()).toBe(1);

    // Its clock: 5 working days from the sanction, running; the 12-month clock is still there (atCasePage).
    const clocks = await tableRows(page, '#clock-table');
    expect(clocks.filter((r) => r[0] === BARRED_LIST_CLOCK).map((r) => r.slice(0, 5))).toEqual([
      [BARRED_LIST_CLOCK, '5 working days', a.name, formatDate(barredListDue), 'Running'],
    ]);
    await expectTwelveMonthClock();
  }

  /** The timeline lists every action taken, once each, and nothing for the refused moves. */
  async function checkTimeline(a: Subject): Promise<void> {
    const { page, subjects } = journey();
    // The timeline lists every action taken, once each, and nothing for the refused moves.
    const label = (action: string, ss: Subject[]) => ss.map((s) => `${action}: ${s.name}`);
    const [b, c, d] = gm().slice(1);
    const expected = [
      ...label('Assess severity', subjects),
      ...label('Record the IOPC referral check', gm()),
      ...label('Record the IOPC decision', gm()),
      ...label('Serve the regulation 17 notice', gm()),
      ...label('Submit the investigation report', gm()),
      ...label(
        'Decide whether there is a case to answer',
        [a, b, c, d].filter((s): s is Subject => !!s),
      ),
      ...label('Refer to reflective practice', pri()),
      ...label('Arrange a misconduct hearing', [a]),
      ...label('Record the finding', [a]),
      ...label('Record the sanction', [a]),
    ];
    // An action applied to several allegations at once is one entry naming its subjects (in the title, or
    // below it when there are more than three): expanded per subject, the entries are exactly the actions taken.
    // Entries for what happened to a time limit (a clock superseded or met by a step) are counted apart.
    const all = await page.locator('#timeline ~ .moj-timeline .moj-timeline__item').evaluateAll((items) =>
      items.map((item) => ({
        title: (item.querySelector('.moj-timeline__title')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        subjects: [...item.querySelectorAll('p')]
          .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
          .find((t) => t.startsWith('Subjects: '))
          ?.slice('Subjects: '.length),
      })),
    );
    const entries = all.filter(({ title }) => !title.startsWith('Time limit '));
    expect(all.filter(({ title }) => title.startsWith('Time limit ')).length).toBeGreaterThan(0);
    const perSubject = entries.flatMap(({ title, subjects }) => {
      const [action = '', named = ''] = title.split(': ');
      return (subjects ?? named).split(', ').map((name) => `${action}: ${name}`);
    });
    expect(entries.length).toBe(12);
    expect(perSubject.sort()).toEqual([...expected].sort());
    const sanctionEvent = page
      .locator('.moj-timeline__item')
      .filter({ has: page.locator('.moj-timeline__title', { hasText: `Record the sanction: ${a.name}` }) });
    await expect.poll(async () => squash(await sanctionEvent.textContent())).toContain('barred list return created');
    await expect.poll(async () => squash(await sanctionEvent.textContent())).toContain('Dismissal without notice');
  }

  return { investigate, decideCaseToAnswer, hearAndDismiss, checkBarredListReturn, checkTimeline };
}
