// Compiles the TypeScript sources once into dist/ (run by `npm install` through "prepare", and by `npm start`
// when a source changed since), so that the server and every CLI command start from plain JavaScript.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildIsCurrent, root, stampFile } from './build-state.mjs';

if (process.argv.includes('--if-stale') && buildIsCurrent()) process.exit(0);
const started = Date.now();
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
fs.mkdirSync(path.dirname(stampFile), { recursive: true });
fs.writeFileSync(stampFile, new Date().toISOString() + '\n');
console.error(`Built Probity into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
