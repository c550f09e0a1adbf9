import { Command, Option } from 'commander';
import { ConfigError } from '../app/config.ts';
import { AppError } from '../lib/errors.ts';
import { roles } from '../features/access/roles.ts';
import { serve } from './serve.ts';
import { migrateCommand, seedCommand, sqlCommand } from './database-commands.ts';
import { createUserCommand, createTokenCommand, demoCodeCommand } from './account-commands.ts';
import { auditVerifyCommand } from './audit-commands.ts';
import { sweepClocksCommand } from './clock-commands.ts';

/** The `probity` command. Each action opens the database it needs and closes it again. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('probity')
    .description('Probity: police professional standards, vetting and oversight')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('start the web application (PORT, default 3000)')
    .option('--demo', 'load the demo organisation on first start')
    .action((o: { demo?: boolean }) => serve({ demo: !!o.demo }));

  program.command('migrate').description('apply database migrations').action(migrateCommand);

  program
    .command('seed')
    .description('load data')
    .requiredOption('--demo', 'the fictional demo organisation with one account per role')
    .action(seedCommand);

  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account and print its one-time set-up link')
    .requiredOption('--email <email>', 'sign-in email address')
    .addOption(new Option('--role <role>', 'role').choices([...roles]).makeOptionMandatory())
    .option('--force <force>', 'force id', 'westshire')
    .option('--name <name>', 'display name')
    .option('--person <personId>', 'link the account to its holder’s person record')
    .action(createUserCommand);

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token for a user and print it (shown once)')
    .requiredOption('--user <email>', 'the account the token acts as')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(createTokenCommand);

  const audit = program.command('audit').description('the audit log');
  audit.command('verify').description('check the hash chain of the whole audit log; exit 1 naming the first bad row').action(auditVerifyCommand);

  const clocks = program.command('clocks').description('statutory clocks');
  clocks
    .command('sweep')
    .description('mark clocks due and overdue once, and start the next 6-monthly PCC report clock (run daily, e.g. from cron)')
    .option('--today <date>', 'the date to sweep as (YYYY-MM-DD), for testing')
    .action(sweepClocksCommand);

  program.command('sql').description('run one SQL statement against the database and print the rows (administrators)').argument('<statement>').action(sqlCommand);

  program.command('demo-code').description('print the current 6-digit code of a demo account').argument('<email>').action(demoCodeCommand);

  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err && typeof err === 'object' && 'exitCode' in err && typeof err.exitCode === 'number') {
    // commander already printed its message (help, version, usage errors).
    return err.exitCode;
  }
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError) console.error(`Error: ${err.message}${err.fields ? `\n${Object.entries(err.fields).map(([k, v]) => `  ${k}: ${v}`).join('\n')}` : ''}`);
  else if (err instanceof Error) console.error(`Error: ${err.message}`);
  else console.error(err);
  return 2;
}
