import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { currentTotpCode } from '../../src/features/auth/credentials.ts';
import { principalOf } from '../../src/features/auth/sessions.ts';
import { findUserByEmail } from '../../src/features/auth/accounts.repository.ts';
import { openCase } from '../../src/features/misconduct/open-case.ts';
import { allocateCase } from '../../src/features/misconduct/allocate-case.ts';
import { createMailer } from '../../src/features/notifications/mailer.ts';
import { deliverOutbox } from '../../src/features/notifications/deliver-outbox.ts';
import { runSweep } from '../../src/features/scheduler/scheduler.ts';
import { addCalendarDays, addMonths } from '../../src/kernel/time/working-days.ts';
import { ukToday } from '../../src/kernel/time/dates.ts';
import { caseInput } from '../fixtures/misconduct/cases.http-fixtures.ts';
import { startSmtpTestServer } from '../support/smtp-test-server.ts';
import {
  checkPage,
  clearScreenshots,
  launchBrowser,
  signIn,
  signOut,
  startServer,
  type Browser,
  type RunningServer,
} from './support/browser.ts';

/**
 * Issue 15's journey: the administrator creates an investigator; the set-up e-mail arrives at a real SMTP
 * server; the new user follows its link and enrols; the appropriate authority allocates a case to them and
 * the allocation notice appears; then, with `now` moved to three days before the case's 12-month report is
 * due (Conduct Regs 2020 reg 19), the sweep sends the reminder and it shows in the app and the mailbox.
 */
describe('notifications journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpTestServer>>;
  const NEW_USER = 'nina.newcase@westshire.example';

  beforeAll(async () => {
    clearScreenshots('n-');
    smtp = await startSmtpTestServer();
    server = await startServer({ seed: { cases: 0 } });
    server.deps.config.mail = { ...server.deps.config.mail, smtpUrl: smtp.url };
    browser = await launchBrowser({ javaScriptEnabled: false, baseUrl: server.baseUrl });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  test('create → set-up e-mail → enrol → allocation notice → reminder as now moves', async () => {
    const { page } = browser;
    const mailer = createMailer(server.deps.config.mail);

    await signIn(page, 'admin@westshire.example', 'n-a-admin');
    await page.goto('/admin/users');
    await checkPage(page, 'n-a-accounts');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await checkPage(page, 'n-a-new-account');
    await page.getByLabel('Name').fill('Nina Newcase');
    await page.getByLabel('E-mail address').fill(NEW_USER);
    await page.getByLabel('Role').selectOption('psd_investigator');
    await page.getByRole('button', { name: 'Create account and e-mail the set-up link' }).click();
    await page.waitForLoadState();
    await expect.poll(() => page.locator('.govuk-notification-banner').textContent()).toContain('e-mailed');
    await checkPage(page, 'n-a-created');
    await signOut(page);

    await deliverOutbox(server.deps, mailer);
    const [setup] = await smtp.waitFor(1);
    expect(setup?.subject).toBe('Probity: set up your account');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/account\/setup\/[\w-]+)/.exec(setup?.text ?? '')?.[1];
    expect(link).toBeDefined();

    await page.goto(link ?? '');
    await checkPage(page, 'n-b-setup');
    const password = 'correct horse battery staple';
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create password' }).click();
    await page.waitForURL((url) => url.pathname === '/account/two-factor');
    const secret = (await page.locator('#totp-secret').textContent())?.trim() ?? '';
    await page.getByLabel('Code from the app').fill(await currentTotpCode(secret));
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    // The appropriate authority opens a case whose 12-month report falls due in ten days, and allocates it.
    const today = ukToday(new Date());
    const dueOn = addCalendarDays(today, 10);
    const aa = await findUserByEmail(server.deps.db, 'aa@westshire.example');
    const nina = await findUserByEmail(server.deps.db, NEW_USER);
    if (!aa || !nina) throw new Error('accounts missing');
    const [subject] = await server.database.query<{ id: string }>(
      `select id from people where force_id = 'westshire' and person_type in ('officer', 'special') and id not in (select person_id from users where person_id is not null) order by id limit 1`,
    );
    const opened = await openCase(
      server.deps,
      principalOf(aa),
      caseInput([subject?.id ?? ''], { cameToAttentionOn: addMonths(dueOn, -12) }),
      null,
    );
    await allocateCase(
      server.deps,
      principalOf(aa),
      { caseId: opened.id, version: 1, leadInvestigatorId: nina.id },
      null,
    );

    await page.goto('/');
    await expect.poll(() => page.locator('#header-notifications').textContent()).toContain('1');
    await page.locator('#header-notifications').click();
    await page.waitForURL((url) => url.pathname === '/account/notifications');
    await checkPage(page, 'n-c-allocated');
    await expect.poll(() => page.locator('#notices').textContent()).toContain('has been allocated to you');

    // Nothing is due yet; then `now` moves to three days before the due date and the sweep runs.
    await runSweep(server.deps, mailer);
    const moved = new Date(`${addCalendarDays(dueOn, -3)}T09:00:00Z`);
    const result = await runSweep({ ...server.deps, now: () => moved }, mailer);
    expect(result.reminders.reminders).toBe(1);
    mailer?.close();
    await page.reload();
    await checkPage(page, 'n-d-reminder');
    await expect
      .poll(() => page.locator('#notices').textContent())
      .toContain('First report to the local policing body');
    await expect.poll(() => page.locator('#unread-count').textContent()).toContain('2 unread notices');
    const mails = await smtp.waitFor(3);
    expect(mails.map((m) => m.subject)).toEqual([
      'Probity: set up your account',
      `Probity: ${opened.reference}`,
      `Probity: ${opened.reference}`,
    ]);
    await page
      .getByRole('button', { name: /Mark as read/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === '/account/notifications');
    await expect.poll(() => page.locator('#unread-count').textContent()).toContain('1 unread notice');
  }, 300_000);
});
