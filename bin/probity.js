#!/usr/bin/env node
// Entry point of the `probity` command. Runs the JavaScript compiled into dist/ (built by `npm install` and
// `npm run build`). When a source file changed since the last build — a developer's checkout — it runs the
// TypeScript sources through tsx instead, so the command never runs stale code.
import { buildIsCurrent } from '../scripts/build-state.mjs';

let main;
if (buildIsCurrent()) {
  ({ main } = await import('../dist/src/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
await main(process.argv);
