import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { addCalendarDays } from '../../../src/kernel/time/working-days.ts';
import { ukToday } from '../../../src/kernel/time/dates.ts';
import { DEMO_REPORT } from '../../../src/features/recommendations/demo-recommendations.ts';
import { fillDate, squash } from './case-journey.ts';
import type { RunningServer } from './browser.ts';
import { AA, PCC, download } from './oversight-journey.ts';

/** Steps of the commissioner's journey (test/e2e/oversight.e2e.ts) that take several pages each. */

export type JourneyCase = { id: string; reference: string };
type Shot = (name: string) => Promise<void>;

/** Two open-to-the-AA cases of Westshire (not restricted; neither the AA nor pcc@ is a subject or party). */
export async function findTwoCases(server: RunningServer): Promise<{ granted: JourneyCase; other: JourneyCase }> {
  const involved = (table: string) => `not exists (select 1 from ${table} x join users u on u.person_id = x.person_id
      where x.force_id = c.force_id and x.case_id = c.id and u.email in ($1, $2))`;
  const rows = await server.database.query<JourneyCase>(
    `select c.id, c.reference from cases c
      where c.force_id = 'westshire' and c.confidentiality = 'normal' and ${involved('case_subjects')} and ${involved('case_parties')}
      order by c.reference limit 2`,
    [AA, PCC],
  );
  const [granted, other] = rows;
  if (!granted || !other) throw new Error('the demo force has fewer than two cases the appropriate authority can see');
  return { granted, other };
}

const auditCount = async (server: RunningServer, type: string, email: string) =>
  (
    await server.database.query<{ n: number }>(
      'select count(*)::int as n from audit_events where event_type = $1 and actor_user_id = (select id from users where email = $2)',
      [type, email],
    )
  )[0]?.n;

/** "12 items: 3 overdue, 3 addressed but not verified, …" → 3. */
async function unverifiedCount(page: Page): Promise<number> {
  const summary = squash(
    await page.locator('.govuk-summary-list__row').filter({ hasText: 'Your force' }).locator('dd').textContent(),
  );
  const n = /(\d+) addressed but not verified/.exec(summary)?.[1];
  if (n === undefined) throw new Error(`no count of unverified items in "${summary}"`);
  return Number(n);
}

const rowOf = (page: Page, label: string) =>
  page
    .locator(`#item-${label} td`)
    .evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()));

export const NEW_COMMENT =
  'We have read the decision record template and a sample of completed records; this is addressed.';

/**
 * The commissioner's office opens the demo report, reads R2 (the force says addressed; not yet assessed),
 * downloads its evidence file, comments and verifies it as addressed: the difference is shown before and
 * gone after, on the item and on the report.
 */
export async function reviewAndVerify(page: Page, server: RunningServer, shot: Shot): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('link', { name: 'Recommendations', exact: true })
    .click();
  await page.waitForURL((u) => u.pathname === '/recommendations');
  await shot('recommendations');
  await page.getByRole('link', { name: DEMO_REPORT.title, exact: true }).click();
  await page.waitForURL((u) => /^\/recommendations\/reports\/[0-9a-f-]{36}$/.test(u.pathname));
  const reportUrl = new URL(page.url()).pathname;
  await shot('report');
  const unverifiedBefore = await unverifiedCount(page);
  expect((await rowOf(page, 'R2')).slice(3)).toEqual(['Addressed', 'Not yet assessed Differs']);
  expect((await rowOf(page, 'R3')).slice(3)).toEqual(['Addressed', 'Being progressed Differs']);

  await page.locator('#item-R2').getByRole('link', { name: 'R2', exact: true }).click();
  await page.waitForURL((u) => /^\/recommendations\/items\/[0-9a-f-]{36}$/.test(u.pathname));
  const itemUrl = new URL(page.url()).pathname;
  await shot('item-R2-before');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Recommendation 2 (R2)');
  expect(squash(await page.locator('#self-status').textContent())).toBe('Addressed');
  expect(squash(await page.locator('#verified-status').textContent())).toBe('Not yet assessed');
  expect(squash(await page.locator('#status-difference').textContent())).toContain(
    'The force says addressed; the commissioner’s office has not assessed it yet.',
  );

  // The evidence: the force's file, downloaded (and audited).
  const evidence = await download(page, () =>
    page
      .locator('#evidence-list')
      .getByRole('link', { name: 'Download Decision record template (sample)', exact: true })
      .click(),
  );
  expect(evidence.name).toBe('decision-record-template.txt');
  expect(evidence.body.toString('utf8')).toBe('Demonstration text: a sample decision record template.\n');
  expect(await auditCount(server, 'recommendation.evidence_viewed', PCC)).toBe(1);

  await page.getByLabel('Add a comment for the commissioner’s office').fill(NEW_COMMENT);
  await page.getByRole('button', { name: 'Add the comment', exact: true }).click();
  await page.waitForURL((u) => u.pathname === itemUrl && u.searchParams.get('done') === 'comment');
  await shot('item-R2-commented');
  expect(squash(await page.locator('#comment-list li').first().textContent())).toContain(NEW_COMMENT);

  await page
    .getByRole('group', { name: 'Verified status (the commissioner’s office)' })
    .getByRole('radio', { name: 'Addressed', exact: true })
    .check();
  await page.getByRole('button', { name: 'Save the verified status', exact: true }).click();
  await page.waitForURL((u) => u.pathname === itemUrl && u.searchParams.get('done') === 'verified');
  await shot('item-R2-verified');
  expect(squash(await page.locator('#self-status').textContent())).toBe('Addressed');
  expect(squash(await page.locator('#verified-status').textContent())).toBe('Addressed');
  await expect.poll(() => page.locator('#status-difference').count()).toBe(0);

  await page.goto(reportUrl);
  await shot('report-after');
  expect((await rowOf(page, 'R2')).slice(3)).toEqual(['Addressed', 'Addressed']);
  expect((await rowOf(page, 'R3')).slice(3)).toEqual(['Addressed', 'Being progressed Differs']);
  expect(await unverifiedCount(page)).toBe(unverifiedBefore - 1);
}

/**
 * From the report, the draft response; generating it keeps a version: its page lists every item of the
 * report with the force's position, the evidence and the commissioner's assessment, and its PDF downloads.
 */
export async function checkResponse(page: Page, shot: Shot): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Menu' })
    .getByRole('link', { name: 'Recommendations', exact: true })
    .click();
  await page.waitForURL((u) => u.pathname === '/recommendations');
  await page.getByRole('link', { name: DEMO_REPORT.title, exact: true }).click();
  await page.waitForURL((u) => /^\/recommendations\/reports\/[0-9a-f-]{36}$/.test(u.pathname));
  await page.getByRole('link', { name: 'The commissioner’s response to this report', exact: true }).click();
  await page.waitForURL((u) => u.pathname.endsWith('/response'));
  await shot('response-draft');
  const reportUrl = new URL(page.url()).pathname.replace(/\/response$/, '');
  await page.getByRole('button', { name: 'Generate the response', exact: true }).click();
  await page.waitForURL((u) => /^\/recommendations\/responses\/[0-9a-f-]{36}$/.test(u.pathname));
  await shot('response-generated');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
    `Commissioner’s response: ${DEMO_REPORT.title}`,
  );

  const sections = await page.locator('#response-document section').evaluateAll((ss) =>
    ss.map((s) => ({
      heading: (s.querySelector('h2')?.textContent ?? '').trim(),
      subheadings: [...s.querySelectorAll('h3')].map((h) => (h.textContent ?? '').trim()),
      text: (s.textContent ?? '').replace(/\s+/g, ' ').trim(),
      links: [...s.querySelectorAll('a')].map((a) => ({
        text: (a.textContent ?? '').trim(),
        href: a.getAttribute('href'),
      })),
    })),
  );
  const expected = [
    ...Array.from({ length: 10 }, (_, i) => `Recommendation ${i + 1}`),
    'Area for improvement 1',
    'Area for improvement 2',
  ];
  expect(sections.map((s) => s.heading)).toEqual(expected);
  for (const s of sections)
    expect(s.subheadings, s.heading).toEqual(['The force’s position', 'Evidence', 'The commissioner’s assessment']);

  const r1 = sections[0];
  expect(r1?.text).toContain('Status (the force’s own assessment): Addressed');
  expect(r1?.links).toContainEqual({
    text: 'Published vetting policy (sample link)',
    href: 'https://example.org/westshire/vetting-policy',
  });
  expect(r1?.text).toContain('Clearance check summary (sample) (file held by the force: clearance-check-summary.txt)');
  const r2 = sections[1];
  expect(r2?.text).toContain('Status (the force’s own assessment): Addressed');
  expect(r2?.text).toContain(
    'Decision record template (sample) (file held by the force: decision-record-template.txt)',
  );
  expect(r2?.text).toContain('Verified status: Addressed.');
  expect(r2?.text).toContain(NEW_COMMENT);
  expect(r2?.text).not.toContain('Difference');
  const r3 = sections[2];
  expect(r3?.text).toContain(
    'The force says addressed, but the commissioner’s office has verified only being progressed.',
  );

  // Every item's two statuses are the ones the tracker shows.
  await page.goto(reportUrl);
  const tracker = await page.locator('#report-items tbody tr').evaluateAll((trs) =>
    // The "Force says" and "Verified" columns' tags (the deadline column has its own "Overdue" tag).
    trs.map((tr) =>
      [4, 5].map((n) => (tr.querySelector(`td:nth-child(${n}) strong.govuk-tag`)?.textContent ?? '').trim()),
    ),
  );
  await page.goBack();
  await page.waitForURL((u) => /^\/recommendations\/responses\/[0-9a-f-]{36}$/.test(u.pathname));
  expect(tracker).toHaveLength(sections.length);
  sections.forEach((s, i) => {
    expect(s.text, s.heading).toContain(`Status (the force’s own assessment): ${tracker[i]?.[0]}`);
    expect(s.text, s.heading).toContain(`Verified status: ${tracker[i]?.[1]}`);
  });

  const pdf = await download(page, () =>
    page.getByRole('link', { name: 'Download this response as a PDF', exact: true }).click(),
  );
  expect(pdf.name).toMatch(/^commissioners-response-demonstration-.*\.pdf$/);
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.body.toString('latin1')).toContain('/StructTreeRoot');
  expect(pdf.body.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
}

/**
 * The appropriate authority grants pcc@ a dip sample of one case from today for 30 days. "Today" is read
 * when the form is filled, not when the journey began: a run that crosses midnight would otherwise offer
 * yesterday as the first day, which the server rightly refuses as in the past.
 */
export async function grantSample(page: Page, shot: Shot, theCase: JourneyCase): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Oversight', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/oversight');
  await shot('aa-dashboard');
  expect(await page.locator('#disclosure-note').textContent()).toContain('You see every figure unsuppressed');
  await expect.poll(() => page.locator('table[data-table] td abbr').count()).toBe(0);
  await page.getByRole('link', { name: 'Dip samples', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/oversight/samples');
  await shot('aa-samples');
  await page.getByRole('button', { name: 'Grant a dip sample' }).click();
  await page.waitForURL((u) => u.pathname === '/oversight/samples/new');
  await shot('aa-grant-form');

  const grantee = page.getByLabel('Who may read the cases');
  const value = await grantee
    .locator('option')
    .filter({ hasText: `(${PCC})` })
    .getAttribute('value');
  await grantee.selectOption(value ?? '');
  await page.getByLabel('Case references').fill(theCase.reference);
  const today = ukToday(new Date());
  await fillDate(page, 'First day', today);
  await fillDate(page, 'Last day', addCalendarDays(today, 30));
  await page.getByLabel('What the sample is for').fill('Quarterly dip sample of case handling (journey test)');
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/oversight/samples' && u.searchParams.get('done') === 'granted');
  await shot('aa-granted');
  const card = page.locator('.govuk-summary-card').filter({ hasText: theCase.reference });
  await expect.poll(() => card.count()).toBe(1);
  expect(squash(await card.locator('.govuk-summary-card__title').textContent())).toMatch(/Current$/);
  expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe('Reads (0)');
}
