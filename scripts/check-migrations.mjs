// Fails when the schema and the checked-in migrations disagree: generating a migration must produce nothing.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const dir = 'src/db/migrations';
const before = new Set(fs.readdirSync(dir));
const output = execFileSync('npx', ['drizzle-kit', 'generate', '--name', 'schema-drift-check'], { encoding: 'utf8' });
const added = fs.readdirSync(dir).filter((f) => !before.has(f));
if (added.length > 0 || !/No schema changes/i.test(output)) {
  for (const f of added) fs.rmSync(`${dir}/${f}`);
  execFileSync('git', ['checkout', '--', `${dir}/meta`]);
  console.error(`Schema and migrations differ: run "npm run db:generate" and commit the migration.\n${output}`);
  process.exit(1);
}
console.log('Migrations match the schema.');
