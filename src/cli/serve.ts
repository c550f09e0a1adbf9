import { buildServer } from '../app/server.ts';
import { seedDemo } from '../app/seed-demo.ts';
import { printDemoSignIns } from './demo-sign-ins.ts';
import { demoReportingKeyFile } from './demo-reporting-key.ts';
import { reportingEnabled } from '../features/reporting/report-crypto.ts';
import { openContext } from './context.ts';
import { createMailer } from '../features/notifications/mailer.ts';
import { startScheduler, type Scheduler } from '../features/scheduler/scheduler.ts';

/** Starts Probity: migrate (embedded database, or when PROBITY_AUTO_MIGRATE=1), optionally load demo data, listen. */
export async function serve(options: { demo: boolean }): Promise<void> {
  const ctx = await openContext('probity serve', { serving: true });
  if (options.demo) {
    const started = Date.now();
    const summary = await seedDemo(ctx.deps, { onProgress: (step) => console.log(step) });
    if (summary.seeded)
      console.log(
        `Loaded the demo organisation: ${summary.people} people, ${summary.users} accounts, ${summary.cases} conduct cases with ${summary.allegations} allegations (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
  }
  if (options.demo && !reportingEnabled(ctx.config.reporting)) {
    // The demo only: a reporting master key kept beside the embedded database, so the anonymous channel works
    // out of the box. A real deployment keeps it apart from the data (PROBITY_REPORTING_KEY_FILE, docs/reporting.md).
    const keyFile = demoReportingKeyFile(ctx.config.database);
    ctx.config.reporting = { keyFile };
    console.log(
      `Anonymous reporting: demo key ${keyFile} (set PROBITY_REPORTING_KEY_FILE outside the data for real use).`,
    );
  }
  const app = await buildServer(ctx.deps);
  const mailer = createMailer(ctx.config.mail);
  let scheduler: Scheduler | null = null;
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    scheduler?.stop();
    mailer?.close();
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: ctx.config.port, host: ctx.config.host });
  const where =
    ctx.config.database.engine === 'pglite' ? `embedded database in ${ctx.config.database.dataDir}` : 'PostgreSQL';
  console.log(`\nProbity is running at ${ctx.config.publicUrl}  (${where})`);
  if (options.demo) printDemoSignIns(ctx.config.publicUrl);
  // The clock sweep, reminders and e-mail run inside the server unless PROBITY_SCHEDULER=0 (cron deployments).
  if (ctx.config.scheduler.enabled) {
    scheduler = startScheduler(ctx.deps, app.log, mailer);
    console.log(`Scheduler on: clock sweep now and at "${ctx.config.scheduler.sweepCron}" (UK time).`);
  }
  if (!mailer) console.log('E-mail: PROBITY_SMTP_URL is not set, so e-mail waits in the outbox (/admin/outbox).');
}
