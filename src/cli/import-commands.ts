import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { exportRecords, exporterFor } from '../features/imports/export-records.ts';
import { duration } from '../features/imports/import-progress.ts';
import { runImport, type ImportSummary } from '../features/imports/run-import.ts';
import { openContext } from './context.ts';

/** `probity import` and `probity export` (docs/import.md). */
export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'import CSV files through a declarative mapping (docs/import.md); resumable, and a rerun imports nothing twice',
    )
    .requiredOption('--mapping <file>', 'the mapping file (YAML or JSON), e.g. mappings/nyc-ccrb.yaml')
    .requiredOption('--force <force>', 'the force to import into')
    .option('--batch-size <rows>', 'source rows per transaction (default: the mapping’s, else 5000)', positiveInteger)
    .option('--rejects <file>', 'where to write the rejected rows (default: probity-import-<run id>-rejected.csv)')
    .argument('<files...>', 'the CSV files; each is matched to an entry of the mapping by its name')
    .action(importCommand);

  program
    .command('export')
    .description('write people, cases or allegations as CSV, seeing only what the given user may see')
    .requiredOption('--force <force>', 'the force')
    .requiredOption('--as <email>', 'the account whose need-to-know applies (the export is audited as theirs)')
    .addOption(
      new Option('--what <records>', 'what to export')
        .choices(['people', 'cases', 'allegations'])
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'the file to write (default: standard output)')
    .action(exportCommand);
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000)
    throw new InvalidArgumentError('give a whole number from 1 to 100000');
  return n;
}

export async function importCommand(
  files: string[],
  o: { mapping: string; force: string; batchSize?: number; rejects?: string },
): Promise<void> {
  const ctx = await openContext('probity import');
  try {
    const summary = await runImport(
      ctx.deps,
      { forceId: o.force, mappingFile: o.mapping, files, batchSize: o.batchSize, rejectsFile: o.rejects },
      process.stderr,
    );
    printSummary(summary);
  } finally {
    await ctx.close();
  }
}

const n = (v: number) => v.toLocaleString('en-GB');

function printSummary(s: ImportSummary): void {
  const rate = s.seconds > 0 ? Math.round(s.rowsThisRun / s.seconds) : s.rowsThisRun;
  console.log(
    `Import run ${s.runId} completed in ${duration(s.seconds)} (${n(s.rowsThisRun)} rows this run, ${n(rate)} rows/s).`,
  );
  if (s.resumedFrom)
    console.log(`  resumed after batch ${s.resumedFrom.batches}; the counts below are for the whole run`);
  console.log(`  rows read:             ${n(s.rowsRead)}`);
  console.log(`  imported:              ${n(s.imported)}`);
  console.log(`  skipped as duplicates: ${n(s.duplicates)}`);
  console.log(`  rejected:              ${n(s.rejected)}${s.rejectsFile ? ` (reasons in ${s.rejectsFile})` : ''}`);
  const c = s.created;
  console.log(
    `  created: ${n(c.people)} people, ${n(c.identifiers)} numbers, ${n(c.postings)} postings, ${n(c.units)} units, ` +
      `${n(c.cases)} cases, ${n(c.subjects)} subjects, ${n(c.allegations)} allegations` +
      (c.complaints || c.complainants ? `, ${n(c.complaints)} complaints, ${n(c.complainants)} complainants` : '') +
      (c.signals ? `, ${n(c.signals)} early-intervention signals` : ''),
  );
  for (const [map, values] of Object.entries(s.unmapped)) {
    const entries = Object.entries(values).sort((a, b) => b[1] - a[1]);
    const total = entries.reduce((t, [, v]) => t + v, 0);
    const shown = entries.slice(0, 8).map(([value, rows]) => `"${value}" (${n(rows)})`);
    console.log(
      `  unmapped ${map}: ${n(entries.length)} values in ${n(total)} rows: ${shown.join(', ')}${entries.length > 8 ? ', …' : ''}`,
    );
  }
}

export async function exportCommand(o: {
  force: string;
  as: string;
  what: 'people' | 'cases' | 'allegations';
  out?: string;
}): Promise<void> {
  const ctx = await openContext('probity export');
  try {
    const principal = await exporterFor(ctx.deps, o.as, o.force);
    const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
    const { rows } = await exportRecords(
      ctx.deps,
      principal,
      { what: o.what, destination: o.out ?? 'standard output' },
      out,
    );
    if (o.out) {
      out.end();
      await finished(out);
      console.error(`Exported ${n(rows)} ${o.what} to ${o.out} as ${principal.email}.`);
    }
  } finally {
    await ctx.close();
  }
}
