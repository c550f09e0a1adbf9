/*
 * Child process of dashboard.ts: opens the bench database named by the environment and times the oversight
 * dashboard use case (every query of the dashboard, in one transaction) as the given account, `runs`
 * times after one warm-up; then, in another transaction, each of its queries on its own (the dashboard's
 * own `step` hook). Prints one JSON line per run: { ms, sections, queries: { name: ms } } or { error }.
 * Usage: node --import tsx bench/dashboard-probe.ts <email> <runs>
 */
import { loadConfig } from '../src/kernel/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { findUserByEmail } from '../src/features/auth/accounts.repository.ts';
import { principalOf } from '../src/features/auth/sessions.ts';

type Step = <T>(name: string, run: () => Promise<T>) => Promise<T>;
type DashboardModule = {
  viewDashboard?: (
    deps: unknown,
    principal: unknown,
    query: Record<string, unknown>,
  ) => Promise<{ sections: unknown[] }>;
  dashboardPeriod?: (deps: unknown, query: Record<string, unknown>) => { today: string; period: unknown };
  dashboardIn?: (
    deps: unknown,
    tx: unknown,
    principal: unknown,
    period: unknown,
    today: string,
    step?: Step,
  ) => Promise<unknown>;
};

const [email = '', runsText = '3'] = process.argv.slice(2);
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const database = await openDatabase(config.database);
try {
  // Loaded by name: a changed signature comes back as an error line, not a failed build of the benchmark.
  const modulePath = '../src/features/oversight/view-dashboard.ts';
  const { viewDashboard, dashboardPeriod, dashboardIn } = (await import(modulePath)) as DashboardModule;
  if (!viewDashboard) throw new Error('src/features/oversight/view-dashboard.ts exports no viewDashboard');
  const user = await findUserByEmail(database.db, email);
  if (!user) throw new Error(`no account ${email}`);
  const principal = principalOf(user);
  const deps = { db: database.db, config, now: () => new Date() };
  for (let i = 0; i <= Number(runsText); i++) {
    const start = performance.now();
    const dashboard = await viewDashboard(deps, principal, {});
    const ms = performance.now() - start;
    const queries: Record<string, number> = {};
    if (dashboardPeriod && dashboardIn) {
      const { today, period } = dashboardPeriod(deps, {});
      const step: Step = async (name, run) => {
        const t = performance.now();
        try {
          return await run();
        } finally {
          queries[name] = (queries[name] ?? 0) + performance.now() - t;
        }
      };
      await database.db.transaction((tx) => dashboardIn(deps, tx, principal, period, today, step));
    }
    if (i > 0) process.stdout.write(`${JSON.stringify({ ms, sections: dashboard.sections.length, queries })}\n`);
  }
} catch (err) {
  process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.message : String(err) })}\n`);
} finally {
  await database.close();
}
