/*
 * Child process of dashboard.ts: opens the bench database named by the environment and times the oversight
 * dashboard use case (every query of the dashboard, in one transaction) as the given account, `runs`
 * times after one warm-up, printing one JSON line per run: { ms, sections } or { error }.
 * Usage: node --import tsx bench/dashboard-probe.ts <email> <runs>
 */
import { loadConfig } from '../src/app/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { findUserByEmail } from '../src/features/auth/accounts.repository.ts';
import { principalOf } from '../src/features/auth/sessions.ts';

type ViewDashboard = (deps: unknown, principal: unknown, query: Record<string, unknown>) => Promise<{ sections: unknown[] }>;

const [email = '', runsText = '3'] = process.argv.slice(2);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(config.database);
try {
  // Loaded by name: the dashboard is being built alongside the benchmark, and a changed signature should
  // come back as an error line, not stop the benchmark's build.
  const modulePath = '../src/features/oversight/view-dashboard.ts';
  const { viewDashboard } = (await import(modulePath)) as { viewDashboard?: ViewDashboard };
  if (!viewDashboard) throw new Error('src/features/oversight/view-dashboard.ts exports no viewDashboard');
  const user = await findUserByEmail(database.db, email);
  if (!user) throw new Error(`no account ${email}`);
  const deps = { db: database.db, config, now: () => new Date() };
  for (let i = 0; i <= Number(runsText); i++) {
    const start = performance.now();
    const dashboard = await viewDashboard(deps, principalOf(user), {});
    if (i > 0) process.stdout.write(`${JSON.stringify({ ms: performance.now() - start, sections: dashboard.sections.length })}\n`);
  }
} catch (err) {
  process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
} finally {
  await database.close();
}
