import path from 'node:path';
import type { Command } from 'commander';
import { createBackup, type TableProgress } from '../features/backup/create-backup.ts';
import { restoreBackup } from '../features/backup/restore-backup.ts';
import { openContext } from './context.ts';

/** `probity backup` and `probity restore`: one portable file, either engine to either engine. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write the whole database to one gzip’d file (streamed; a consistent snapshot; either engine)')
    .requiredOption('--out <file>', 'the backup file to create (never overwritten)')
    .action(backupCommand);
  program
    .command('restore')
    .description('restore a backup into an empty database (either engine), check it and verify the audit log')
    .argument('<file>', 'a file written by probity backup')
    .option('--force-replace', 'replace everything in a database that already holds data')
    .action(restoreCommand);
}

export async function backupCommand(options: { out: string }): Promise<void> {
  const file = path.resolve(options.out);
  const ctx = await openContext('probity backup', { migrate: false });
  try {
    const started = Date.now();
    const progress = progressPrinter();
    const s = await createBackup({ db: ctx.deps.db, engine: ctx.database.engine, now: ctx.deps.now }, file, progress);
    console.log(
      `Backup written to ${s.file}: ${s.tables} tables, ${s.rows} rows, ${megabytes(s.bytes)} in ${seconds(started)} (schema ${s.migration}).`,
    );
  } finally {
    await ctx.close();
  }
}

export async function restoreCommand(file: string, options: { forceReplace?: boolean }): Promise<void> {
  const ctx = await openContext('probity restore', { migrate: false });
  try {
    const started = Date.now();
    const s = await restoreBackup(ctx.database, path.resolve(file), {
      forceReplace: options.forceReplace === true,
      onTable: progressPrinter(),
      onStep: (text) => console.error(text),
    });
    const target =
      ctx.config.database.engine === 'pglite'
        ? `the embedded database in ${ctx.config.database.dataDir}`
        : 'PostgreSQL';
    console.log(
      `Restored ${s.tables} tables, ${s.rows} rows into ${target} in ${seconds(started)}: a backup made ${s.createdAt} on ${s.sourceEngine === 'pglite' ? 'the embedded database' : 'PostgreSQL'} (schema ${s.migration}).`,
    );
    if (s.replaced.length > 0) console.log(`Replaced what the target held (${s.replaced.length} tables with data).`);
    if (s.newerMigrations > 0)
      console.log(`Applied ${s.newerMigrations} newer migration${s.newerMigrations === 1 ? '' : 's'}.`);
    if (s.audit.ok) {
      console.log(`Audit log intact: ${s.audit.rows} rows in ${s.audit.chains} chains verified.`);
    } else {
      const p = s.audit.problem;
      console.error(
        `AUDIT LOG TAMPERED: ${p.detail} (chain ${p.chain}${p.seq !== null ? `, row seq ${p.seq}` : ''}). The backup holds the log as it was.`,
      );
      process.exitCode = 1;
    }
  } finally {
    await ctx.close();
  }
}

/** Per-table progress on stderr: a running count on a terminal, one line per finished table always. */
function progressPrinter(): (p: TableProgress) => void {
  const tty = process.stderr.isTTY;
  return (p) => {
    if (p.rows >= p.of) {
      process.stderr.write(`${tty ? '\r\x1b[K' : ''}  ${p.table}: ${p.rows} ${p.rows === 1 ? 'row' : 'rows'}\n`);
    } else if (tty) {
      process.stderr.write(`\r\x1b[K  ${p.table}: ${p.rows} of ${p.of} rows…`);
    }
  };
}

function seconds(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
