import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import type { Deps } from '../../../src/kernel/deps.ts';
import { buildServer } from '../../../src/app/server.ts';
import type { Database } from '../../../src/db/client.ts';
import { seedDemo } from '../../../src/app/seed-demo.ts';
import { DEMO_PASSWORD, demoTotpSecret } from '../../../src/features/organisation/demo-accounts.ts';
import { currentTotpCode } from '../../../src/features/auth/credentials.ts';
import { createTestDatabase } from '../../support/test-database.ts';

/** The last TOTP time step each demo account used: a code is accepted once (issue 12), so a second sign-in
 * in the same 30 seconds takes the next step's code (accepted 30 seconds early), or waits for one. */
const usedSteps = new Map<string, number>();

export async function unusedTotpCode(email: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    const last = usedSteps.get(email) ?? -1;
    if (last < step + 1) {
      const ahead = last < step ? 0 : 1;
      usedSteps.set(email, step + ahead);
      return currentTotpCode(demoTotpSecret(email), ahead);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
import { testConfig } from '../../support/test-app.ts';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go (gitignored), so a human can look at what the journeys saw. */
export const RESULTS_DIR = path.resolve('test-results');

export type RunningServer = {
  baseUrl: string;
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  close: () => Promise<void>;
};

/**
 * The real server on a socket, over a fresh migrated database loaded with the demo force. It listens on
 * a port the OS picks; the public URL (used in set-up links) is pointed at that port once it is known.
 * `seed` is passed to `seedDemo` (for example `{ cases: 0 }` for a journey that opens its own case).
 */
export async function startServer(options: { seed?: Parameters<typeof seedDemo>[1] } = {}): Promise<RunningServer> {
  const database = await createTestDatabase();
  const deps: Deps = {
    db: database.db,
    config: testConfig({ publicUrl: 'http://127.0.0.1:0' }),
    now: () => new Date(),
  };
  try {
    await seedDemo(deps, options.seed);
    const app = await buildServer(deps, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    deps.config.publicUrl = baseUrl;
    return {
      baseUrl,
      app,
      deps,
      database,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export type Browser = { context: BrowserContext; page: Page; close: () => Promise<void> };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function launchContext(
  javaScriptEnabled: boolean,
  baseUrl: string,
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    javaScriptEnabled,
    bypassCSP: true,
    baseURL: baseUrl,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * With JavaScript disabled Chromium runs no timers, and axe-core needs them, so axe cannot run in the
 * journey's own page. Each no-JavaScript browser therefore has an inspector: a second, JavaScript-enabled
 * browser that is handed the journey page's DOM at the same address, with every script request refused,
 * so it shows exactly what the no-JavaScript browser shows (same markup, same stylesheets) for axe to check.
 */
const inspectors = new WeakMap<BrowserContext, Page>();

/** Debian's Chromium, headless, in a throwaway profile; each call is a separate browser with its own cookies. */
export async function launchBrowser(options: { javaScriptEnabled: boolean; baseUrl: string }): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`${CHROMIUM_PATH} is missing: apt-get update && apt-get install -y chromium`);
  const main = await launchContext(options.javaScriptEnabled, options.baseUrl);
  const page = main.context.pages()[0] ?? (await main.context.newPage());
  let inspector: Awaited<ReturnType<typeof launchContext>> | undefined;
  if (!options.javaScriptEnabled) {
    inspector = await launchContext(true, options.baseUrl);
    const inspectorPage = inspector.context.pages()[0] ?? (await inspector.context.newPage());
    await inspectorPage.route('**/*', (route) =>
      route.request().resourceType() === 'script' ? route.abort() : route.fallback(),
    );
    inspectors.set(main.context, inspectorPage);
  }
  return {
    context: main.context,
    page,
    close: async () => {
      await main.close();
      await inspector?.close();
    },
  };
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

type AxeWindow = {
  axe?: { run: (context: Document, options: { runOnly: { type: 'tag'; values: string[] } }) => Promise<AxeResults> };
};

/** The page axe runs in: the page itself, or for a no-JavaScript browser its inspector showing the same DOM. */
async function pageToInspect(page: Page): Promise<Page> {
  const inspector = inspectors.get(page.context());
  if (!inspector) return page;
  const url = page.url();
  const html = await page.content();
  await inspector.route(
    (u) => u.href === url,
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    { times: 1 },
  );
  await inspector.goto(url);
  const scriptsRan = await inspector.evaluate(() => document.body.classList.contains('js-enabled'));
  if (scriptsRan)
    throw new Error("the accessibility inspector ran the page's scripts; it must show the no-JavaScript page");
  return inspector;
}

/**
 * Runs axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page as it is now and throws a readable
 * list of violations, if any. The script is injected as a tag, which the strict CSP allows only because
 * the browser bypasses CSP for tests.
 */
export async function checkAccessibility(page: Page): Promise<void> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const target = await pageToInspect(page);
  const loaded = await target.evaluate(() => typeof (window as unknown as AxeWindow).axe !== 'undefined');
  if (!loaded) await target.addScriptTag({ content: axeSource });
  const results = await target.evaluate(async (tags) => {
    const axe = (window as unknown as AxeWindow).axe;
    if (!axe) throw new Error('axe-core did not load');
    const r = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, WCAG_TAGS);
  if (results.length > 0) {
    const lines = results.map(
      (v) => `  - ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => `      at ${t}`).join('\n')}`,
    );
    const mode = target === page ? '' : ' (without JavaScript)';
    throw new Error(`Accessibility violations on ${page.url()}${mode}:\n${lines.join('\n')}`);
  }
}

/** Removes a journey's screenshots (names starting `prefix-`) left by an earlier run, which would be mistaken for this run's. */
export function clearScreenshots(prefix: string): void {
  if (!fs.existsSync(RESULTS_DIR)) return;
  for (const f of fs.readdirSync(RESULTS_DIR))
    if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) fs.rmSync(path.join(RESULTS_DIR, f));
}

/** A screenshot of the whole page into test-results/, named so a human can follow the journey. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`), fullPage: true });
}

/** Every page a journey lands on: checked for accessibility, and photographed. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await checkAccessibility(page);
}

/**
 * Signs in a demo account through the form, entering the current authenticator code if the two-factor
 * page asks for it. Every page on the way is checked. `label` prefixes the screenshots.
 */
export async function signIn(page: Page, email: string, label: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await checkPage(page, `${label}-sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForLoadState();
  if (new URL(page.url()).pathname === '/sign-in/two-factor') {
    await checkPage(page, `${label}-two-factor`);
    await page.getByLabel('Enter the 6-digit code from your authenticator app').fill(await unusedTotpCode(email));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForLoadState();
  }
}

/** Signs out with the link-styled button in the account bar, and lands on the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('.probity-account-bar').getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
}
