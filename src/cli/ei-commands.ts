import type { Command } from 'commander';
import { AppError } from '../kernel/errors.ts';
import { ukToday } from '../kernel/time/dates.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { isIsoDate } from '../kernel/time/iso-date.ts';
import { importSignalFile, runEarlyInterventionForAll } from '../features/early-intervention/index.ts';
import { findForce } from '../features/organisation/forces.repository.ts';
import { openContext } from './context.ts';

/**
 * `probity ei run [--force F] [--today D]`: evaluates every active early-intervention rule (of one force, or
 * of every force with one) — the same run the scheduler makes daily; idempotent.
 * `probity ei import --mapping M --force F FILE`: loads signals of a named kind from a force's other system.
 */
export function registerEiCommands(program: Command): void {
  const ei = program.command('ei').description('early intervention');
  ei.command('run')
    .description(
      'evaluate the active early-intervention rules now (idempotent: a second run the same day changes no alert)',
    )
    .option('--force <force>', 'one force (default: every force with an active rule)')
    .option('--today <date>', 'the date to evaluate as (YYYY-MM-DD; default today in the UK)')
    .action(async (o: { force?: string; today?: string }) => {
      if (o.today !== undefined && !isIsoDate(o.today))
        throw new AppError('validation', `--today must be a real date as YYYY-MM-DD, not "${o.today}"`);
      const ctx = await openContext('probity ei run');
      try {
        if (o.force && !(await findForce(ctx.deps.db, o.force)))
          throw new AppError('validation', `No force with the id "${o.force}"`);
        const runs = await runEarlyInterventionForAll(ctx.deps, systemActor('probity ei run', o.force ?? null), {
          today: o.today ?? ukToday(ctx.deps.now()),
          trigger: 'cli',
          forceId: o.force,
        });
        if (!runs.length) console.log('No force has an active early-intervention rule: nothing to run.');
        for (const r of runs)
          console.log(
            `${r.forceId} on ${r.runOn}: ${r.rules} rules over ${r.events} signals; ${r.opened} alerts raised, ${r.changed} changed (run ${r.runId}).`,
          );
      } finally {
        await ctx.close();
      }
    });
  ei.command('import')
    .description('load early-intervention signals of one kind from a CSV file, as a signal mapping file says')
    .requiredOption('--mapping <file>', 'the signal mapping file (e.g. mappings/ei-use-of-force.yaml)')
    .requiredOption('--force <force>', 'force id')
    .argument('<file>', 'the CSV file')
    .action(async (file: string, o: { mapping: string; force: string }) => {
      const ctx = await openContext('probity ei import');
      try {
        if (!(await findForce(ctx.deps.db, o.force)))
          throw new AppError('validation', `No force with the id "${o.force}"`);
        const r = await importSignalFile(ctx.deps, systemActor('probity ei import', o.force), {
          forceId: o.force,
          mappingFile: o.mapping,
          csvFile: file,
        });
        console.log(
          `${r.kind}: ${r.read} rows read, ${r.inserted} signals loaded, ${r.duplicates} already loaded, ${r.rejected.length} rejected.`,
        );
        for (const x of r.rejected.slice(0, 20)) console.log(`  line ${x.line}: ${x.reason}`);
      } finally {
        await ctx.close();
      }
    });
}
