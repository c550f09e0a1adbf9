import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError } from '../kernel/errors.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { findForce } from '../features/organisation/forces.repository.ts';
import { importListText, type ListKind } from '../features/vetting/lists/import-list.ts';
import { openContext } from './context.ts';

/**
 * `probity vetting import-list --force F --list barred|advisory FILE`: imports a national barred or advisory
 * list file (CSV, columns in docs/vetting.md) into a force's list entries. All or nothing: any bad row is
 * printed with its line number and nothing is imported (exit 2). Importing the same file again changes
 * nothing. The `vetting` group is shared with other vetting commands.
 */
export function registerVettingListCommands(program: Command): void {
  const vetting =
    program.commands.find((c) => c.name() === 'vetting') ?? program.command('vetting').description('vetting');
  vetting
    .command('import-list')
    .description(
      'import a national barred or advisory list (CSV) into a force: every row checked first, nothing imported if any is wrong',
    )
    .requiredOption('--force <force>', 'force id')
    .addOption(
      new Option('--list <list>', 'which list the file is').choices(['barred', 'advisory']).makeOptionMandatory(),
    )
    .argument('<file>', 'the CSV file')
    .action(importListCommand);
}

export async function importListCommand(file: string, o: { force: string; list: ListKind }): Promise<void> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('validation', `Cannot read the file ${file}`);
  }
  const ctx = await openContext('probity vetting import-list');
  try {
    if (!(await findForce(ctx.deps.db, o.force))) throw new AppError('validation', `No force with the id "${o.force}"`);
    const s = await importListText(ctx.deps, systemActor('probity vetting import-list', o.force), {
      forceId: o.force,
      list: o.list,
      text,
    }).catch((err: unknown) => {
      // One line per problem, without the field keys the API uses.
      if (err instanceof AppError && err.code === 'validation' && err.fields)
        throw new AppError(
          'validation',
          [
            err.message,
            ...Object.entries(err.fields)
              .filter(([k]) => k !== 'file')
              .map(([, v]) => `  ${v}`),
          ].join('\n'),
        );
      throw err;
    });
    console.log(
      `Imported the ${o.list} list into ${o.force}: ${s.rows} rows, ${s.inserted} new, ${s.updated} changed, ${s.unchanged} unchanged, ${s.removed} taken off the list, ${s.restored} back on it.`,
    );
  } finally {
    await ctx.close();
  }
}
