import { registerRecommendationCommands } from './recommendation-commands.ts';
import { Command, Option } from 'commander';
import { ConfigError } from '../kernel/config/config.ts';
import { AppError } from '../kernel/errors.ts';
import { roles } from '../kernel/access/roles.ts';
import { benchCommand } from './bench-commands.ts';
import { registerBackupCommands } from './backup-commands.ts';
import { registerRandomReviewCommands } from './random-review-commands.ts';
import { registerImportCommands } from './import-commands.ts';
import { registerVettingListCommands } from './vetting-list-commands.ts';
import { registerForceCommands } from './force-commands.ts';
import { registerEiCommands } from './ei-commands.ts';

/**
 * The `probity` command. Each action opens the database it needs and closes it again, and loads its own
 * modules when it runs, so that `probity --help` or one command does not load the whole server.
 */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('probity')
    .description('Probity: police professional standards, vetting and oversight')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('serve')
    .description('start the web application (PORT, default 3000)')
    .option('--demo', 'load the demo organisation on first start')
    .action(async (o: { demo?: boolean }) => (await import('./serve.ts')).serve({ demo: !!o.demo }));

  program
    .command('migrate')
    .description('apply database migrations')
    .action(async () => (await import('./database-commands.ts')).migrateCommand());

  program
    .command('seed')
    .description('load data')
    .option('--demo', 'the fictional demo organisation with one account per role')
    .addOption(
      new Option('--scale <scale>', 'synthetic data at scale: one force, or all 43 forces over ten years').choices([
        'force',
        'national',
      ]),
    )
    .option('--seed <n>', 'with --scale: the random seed (same seed, same data)')
    .option('--force <force>', 'with --scale force: which force (e.g. hertfordshire, metropolitan)')
    .action(
      async (o: { demo?: boolean; scale?: 'force' | 'national'; seed?: string; force?: string }, cmd: Command) => {
        if (o.demo && !o.scale && o.seed === undefined && o.force === undefined)
          return (await import('./database-commands.ts')).seedCommand();
        if (o.scale && !o.demo)
          return (await import('./scale-commands.ts')).seedScaleCommand({
            scale: o.scale,
            ...(o.seed !== undefined ? { seed: o.seed } : {}),
            ...(o.force !== undefined ? { force: o.force } : {}),
          });
        cmd.error(
          o.demo
            ? 'error: --demo cannot be combined with --scale, --seed or --force'
            : 'error: choose --demo or --scale force|national',
        );
      },
    );

  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description('create an account and print its one-time set-up link')
    .requiredOption('--email <email>', 'sign-in email address')
    .addOption(new Option('--role <role>', 'role').choices([...roles]).makeOptionMandatory())
    .option('--force <force>', 'force id', 'westshire')
    .option('--name <name>', 'display name')
    .option('--person <personId>', 'link the account to its holder’s person record')
    .action(async (o: Parameters<typeof import('./account-commands.ts').createUserCommand>[0]) =>
      (await import('./account-commands.ts')).createUserCommand(o),
    );

  const token = program.command('token').description('API tokens');
  token
    .command('create')
    .description('create an API token for a user and print it (shown once)')
    .requiredOption('--user <email>', 'the account the token acts as')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (o: { user: string; name: string }) => (await import('./account-commands.ts')).createTokenCommand(o));

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('check the hash chain of the whole audit log; exit 1 naming the first bad row')
    .option('--checkpoint <file>', 'also check the log against the latest signed checkpoint in this file')
    .option('--public-key <file>', 'the Ed25519 public key (PEM) that signed it (default: the configured signing key)')
    .action(async (o: { checkpoint?: string; publicKey?: string }) =>
      (await import('./audit-commands.ts')).auditVerifyCommand(o),
    );
  audit
    .command('checkpoint')
    .description(
      'sign the head of every audit chain and write it outside the database (PROBITY_AUDIT_CHECKPOINT_FILE, PROBITY_AUDIT_CHECKPOINT_SYSLOG)',
    )
    .action(async () => (await import('./audit-commands.ts')).auditCheckpointCommand());
  audit
    .command('keygen')
    .description('make an Ed25519 key pair for signing audit checkpoints')
    .requiredOption('--out <dir>', 'the directory to write the key files to')
    .action(async (o: { out: string }) => (await import('./audit-commands.ts')).auditKeygenCommand(o));

  const clocks = program.command('clocks').description('statutory clocks');
  clocks
    .command('sweep')
    .description(
      'mark clocks due and overdue once, start the next 6-monthly PCC report clock, expire clearances and open renewal reviews (run daily, e.g. from cron)',
    )
    .option('--today <date>', 'the date to sweep as (YYYY-MM-DD), for testing')
    .action(async (o: { today?: string }) => (await import('./clock-commands.ts')).sweepClocksCommand(o));

  registerBackupCommands(program);
  registerRandomReviewCommands(program);
  registerImportCommands(program);
  registerForceCommands(program);
  registerVettingListCommands(program);
  registerRecommendationCommands(program);
  registerEiCommands(program);

  program
    .command('sql')
    .description('run one SQL statement against the database and print the rows (administrators)')
    .argument('<statement>')
    .action(async (statement: string) => (await import('./database-commands.ts')).sqlCommand(statement));

  program
    .command('bench')
    .description(
      'benchmark: NYC import vs COPY, the API under load vs a bare route, queries vs a table scan (npm run bench)',
    )
    .addOption(new Option('--engine <engine>', 'database engine').choices(['pglite', 'pg', 'both']).default('both'))
    .addOption(
      new Option('--scale <scale>', 'data size (PGlite always runs at force scale)')
        .choices(['force', 'national'])
        .default('force'),
    )
    .option('--quick', 'a small force and a few seconds per scenario, to smoke-test the harness')
    .option('--keep', 'keep the seeded databases, and reuse them next time (same scale and seed)')
    .option('--seed <n>', 'seed of the synthetic data')
    .option('--duration <seconds>', 'seconds of load per HTTP scenario (default 10, quick 3)')
    .option('--only <parts>', 'comma-separated: import, http, queries')
    .action(benchCommand);

  program
    .command('demo-code')
    .description('print the current 6-digit code of a demo account')
    .argument('<email>')
    .action(async (email: string) => (await import('./account-commands.ts')).demoCodeCommand(email));

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
  else if (err instanceof AppError)
    console.error(
      `Error: ${err.message}${
        err.fields
          ? `\n${Object.entries(err.fields)
              .map(([k, v]) => `  ${k}: ${v}`)
              .join('\n')}`
          : ''
      }`,
    );
  else if (err instanceof Error) console.error(`Error: ${err.message}`);
  else console.error(err);
  return 2;
}
