import fs from 'node:fs';
import type { Command } from 'commander';
import type { Deps } from '../kernel/deps.ts';
import { AppError } from '../kernel/errors.ts';
import { findUserByEmail } from '../features/auth/accounts.repository.ts';
import { principalOf } from '../features/auth/sessions.ts';
import { importItems, type ImportSummary } from '../features/recommendations/import-items.ts';
import { openContext } from './context.ts';

/**
 * `probity recommendations import --report <id> --file <items.csv> --as <email>`: loads a report's items
 * from CSV as a named account of the commissioner's office (the same use case, rules and audit as the
 * upload page: all or nothing, line-numbered errors, idempotent by kind and number).
 */
export function registerRecommendationCommands(program: Command): void {
  const group = program.command('recommendations').description('the inspection recommendation tracker');
  group
    .command('import')
    .description(
      'load a report’s items from a CSV file (columns: kind, number, text, owner_body, deadline, themes, verified)',
    )
    .requiredOption('--report <id>', 'the report (its id, from the report page’s address)')
    .requiredOption('--file <path>', 'the CSV file')
    .requiredOption('--as <email>', 'an account of the commissioner’s office: the import is audited as theirs')
    .action(recommendationsImportCommand);
}

export type ImportOptions = { report: string; file: string; as: string };

/** The command's work on given dependencies (tests call it with a test database). */
export async function importItemsFromFile(deps: Deps, o: ImportOptions): Promise<ImportSummary> {
  let csv: string;
  try {
    csv = fs.readFileSync(o.file, 'utf8');
  } catch {
    throw new AppError('validation', `Cannot read the file ${o.file}`);
  }
  const user = await findUserByEmail(deps.db, o.as);
  if (!user || user.status !== 'active') throw new AppError('validation', `No active account ${o.as}`);
  return importItems(deps, principalOf(user), o.report, { csv }, 'cli');
}

export async function recommendationsImportCommand(o: ImportOptions): Promise<void> {
  const ctx = await openContext('probity recommendations import');
  try {
    const s = await importItemsFromFile(ctx.deps, o);
    console.log(`Imported ${s.lines} items: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged.`);
  } finally {
    await ctx.close();
  }
}
