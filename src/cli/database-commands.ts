import { seedDemo } from '../app/seed-demo.ts';
import { printDemoSignIns } from './demo-sign-ins.ts';
import { openContext } from './context.ts';

export async function migrateCommand(): Promise<void> {
  const ctx = await openContext('probity migrate', { migrate: true });
  await ctx.close();
  console.log(`Migrations applied (${ctx.config.database.engine}).`);
}

export async function seedCommand(): Promise<void> {
  const ctx = await openContext('probity seed');
  try {
    const summary = await seedDemo(ctx.deps, { onProgress: (step) => console.log(step) });
    if (!summary.seeded) console.log('The database already holds an organisation; demo data not loaded.');
    else {
      console.log(
        `Loaded ${summary.forces.join(', ')}: ${summary.people} people, ${summary.users} accounts, ${summary.cases} conduct cases with ${summary.allegations} allegations.`,
      );
      printDemoSignIns(ctx.config.publicUrl);
    }
  } finally {
    await ctx.close();
  }
}

export async function sqlCommand(statement: string): Promise<void> {
  const ctx = await openContext('probity sql', { migrate: false });
  try {
    const rows = await ctx.database.query(statement);
    if (rows.length > 0) console.table(rows);
    else console.log('OK (no rows)');
  } finally {
    await ctx.close();
  }
}
