import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import fs from 'node:fs';
import { checkPage } from './browser.ts';
import { actionSlug, fillDate, squash, tableRows, type Subject } from './case-journey.ts';

/** Page steps and readers for the casework journey (test/e2e/casework.e2e.ts, issue 17); its set-up is in casework-world.ts. */

/** The rows of a GOV.UK summary list (or card) as [key, value] pairs, with white space squashed. */
export async function summaryPairs(page: Page, selector: string): Promise<[string, string][]> {
  return page
    .locator(`${selector} .govuk-summary-list__row`)
    .evaluateAll((rs) =>
      rs.map((r): [string, string] => [
        (r.querySelector('dt')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        (r.querySelector('dd')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ]),
    );
}

export type TimelineEntry = { title: string; datetime: string; text: string; details: Record<string, string> };

/** The case timeline as the page shows it, newest first: each entry's title, date, words and details. */
export async function timelineEntries(page: Page): Promise<TimelineEntry[]> {
  return page.locator('#timeline ~ .moj-timeline .moj-timeline__item').evaluateAll((items) =>
    items.map((item) => {
      const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
      const details: Record<string, string> = {};
      const dts = [...item.querySelectorAll('dl dt')];
      for (const dt of dts) details[squash(dt.textContent)] = squash(dt.nextElementSibling?.textContent);
      return {
        title: squash(item.querySelector('.moj-timeline__title')?.textContent),
        datetime: squash(item.querySelector('.moj-timeline__date')?.textContent),
        text: squash(item.textContent),
        details,
      };
    }),
  );
}

/** The text of the error summary's list, once the page shows one. */
export async function errorSummaryText(page: Page): Promise<string> {
  return ((await page.locator('.govuk-error-summary__list').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

export const PRE_HEARING_CLOCK = 'Misconduct pre-hearing (extendable)';

/** The journey's browser page on one case: moving about it as a user would, each page checked and photographed. */
export class CaseworkPage {
  shots = 0;

  constructor(
    readonly page: Page,
    readonly caseUrl: string,
    readonly reference: string,
  ) {}

  /** Every page of the journey: checked with axe and photographed as test-results/casework-NN-name.png, in order. */
  shot(name: string): Promise<void> {
    return checkPage(this.page, `casework-${String(++this.shots).padStart(2, '0')}-${name}`);
  }

  h1 = async (): Promise<string> => squash(await this.page.getByRole('heading', { level: 1 }).textContent());

  submit(label: string): Promise<void> {
    return this.page.getByRole('button', { name: label, exact: true }).click();
  }

  /** The track rows of a subject (two once they have a second allegation), by the link to their record. */
  trackRows(s: Pick<Subject, 'personId'>) {
    return this.page.locator('#tracks tbody tr').filter({ has: this.page.locator(`a[href="/people/${s.personId}"]`) });
  }

  /** The track of the subject's first allegation. */
  firstTrack(s: Subject) {
    return this.page.locator(`#track-${s.allegationId}`);
  }

  /** Lands on the case page (after a redirect), and checks and photographs it. */
  async atCasePage(name: string): Promise<void> {
    await this.page.waitForURL((url) => url.pathname === this.caseUrl, { timeout: 60_000 });
    await expect.poll(this.h1).toContain(`Case ${this.reference}`);
    await this.shot(`case-${name}`);
  }

  /** Opens an allegation action from the "Next steps" of the subject's first track, as a user would. */
  async openAction(s: Subject, label: string, name: string): Promise<void> {
    await this.firstTrack(s)
      .getByRole('link', { name: `${label} for ${s.name}`, exact: true })
      .click();
    await this.page.waitForURL(
      (url) => url.pathname === `${this.caseUrl}/allegations/${s.allegationId}/actions/${actionSlug(label)}`,
    );
    await expect.poll(this.h1).toBe(`${label}: ${s.name}`);
    await this.shot(`form-${name}`);
  }

  /** Ticks "apply the same action" for these subjects (the form lists those in the same state). */
  async applyAlsoTo(others: Subject[]): Promise<void> {
    const group = this.page.getByRole('group', {
      name: 'Apply the same action to other allegations in this case that are in the same state',
    });
    for (const o of others) await group.getByRole('checkbox', { name: o.name, exact: true }).check();
  }

  /** Follows the case page's link to its meetings and hearings. */
  async toHearingsPage(name: string): Promise<void> {
    await this.page.getByRole('link', { name: 'Meetings and hearings', exact: true }).click();
    await this.page.waitForURL((url) => url.pathname === `${this.caseUrl}/hearings`);
    await expect.poll(this.h1).toBe('Meetings and hearings');
    await this.shot(name);
  }

  /** Fills the hearings page's "Arrange a meeting or hearing" form (allegations by their checkbox labels). */
  async fillHearing(h: { form: string; allegations: string[]; on: string; venue: string; inPublic: boolean }) {
    const page = this.page;
    await page.getByRole('group', { name: 'What is it?' }).getByRole('radio', { name: h.form, exact: true }).check();
    const hears = page.getByRole('group', { name: 'Which allegations does it hear?' });
    for (const label of h.allegations) await hears.getByRole('checkbox', { name: label, exact: true }).check();
    await fillDate(page, /^Date$/, h.on);
    await page.getByLabel('Venue', { exact: true }).fill(h.venue);
    await page
      .getByRole('group', { name: 'Held in public?' })
      .getByRole('radio', { name: h.inPublic ? 'Yes' : 'No, in private', exact: true })
      .check();
  }

  /** Clicks a link to a download and returns where it came from, its file name and its bytes. */
  async download(link: Locator): Promise<{ pathname: string; fileName: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return {
      pathname: new URL(download.url()).pathname,
      fileName: download.suggestedFilename(),
      bytes: fs.readFileSync(await download.path()),
    };
  }

  /** The pre-hearing time limit of one subject's allegation, as [what, period, for, due, state]. */
  async preHearingClock(s: Subject): Promise<string[] | undefined> {
    const rows = await tableRows(this.page, '#clock-table');
    return rows.find((r) => r[0] === PRE_HEARING_CLOCK && r[2] === s.name)?.slice(0, 5);
  }
}
