import type { Command } from 'commander';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { createForce } from '../features/organisation/create-force.ts';
import { listForces } from '../features/organisation/forces.repository.ts';
import { openContext } from './context.ts';

/** `probity force create|list`: the tenants. A new force is empty until people are imported or created. */
export function registerForceCommands(program: Command): void {
  const force = program.command('force').description('forces (tenants)');
  force
    .command('create')
    .description('create an empty force with its top unit (e.g. before `probity import`)')
    .argument('<id>', 'short lower-case id, e.g. nypd')
    .argument('<name>', 'full name, e.g. "New York City Police Department"')
    .action(async (id: string, name: string) => {
      const ctx = await openContext('probity force create');
      try {
        const created = await createForce(ctx.deps, systemActor('probity force create'), { id, name });
        console.log(`Created force ${created.id} (${created.name}).`);
      } finally {
        await ctx.close();
      }
    });
  force
    .command('list')
    .description('list the forces')
    .action(async () => {
      const ctx = await openContext('probity force list');
      try {
        for (const f of await listForces(ctx.deps.db)) console.log(`${f.id}\t${f.name}`);
      } finally {
        await ctx.close();
      }
    });
}
