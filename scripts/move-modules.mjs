// Moves source files (git mv) and rewrites every relative import that points at them or out of them, in src/,
// test/, scripts/, bench/, bin/ and the root config files. A relative specifier in `from '…'`, `import '…'`,
// `import('…')`, `vi.mock('…')`, `vi.importActual('…')` or `new URL('…', import.meta.url)` is resolved against
// the file's old place and written again from its new place, so history follows the files and nothing else in
// the line changes.
//
//   node scripts/move-modules.mjs scripts/moves/<map>.json            move the files and rewrite imports
//   node scripts/move-modules.mjs scripts/moves/<map>.json --dry-run  print what it would do
//   node scripts/move-modules.mjs scripts/moves/<map>.json --imports-only
//       after a merge: move nothing; rewrite the specifiers that still point at an old place (also in a file that
//       git carried to its new place while its imports were written against the old one).
//
// The map is a JSON object { "old/path.ts": "new/path.ts", … }, paths from the repository root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [mapFile, ...flags] = process.argv.slice(2);
if (!mapFile) {
  console.error('usage: node scripts/move-modules.mjs <map.json> [--dry-run] [--imports-only]');
  process.exit(2);
}
const dryRun = flags.includes('--dry-run');
const importsOnly = flags.includes('--imports-only');
/** @type {Record<string, string>} */
const map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
const inverse = Object.fromEntries(Object.entries(map).map(([from, to]) => [to, from]));

const SPECIFIER =
  /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bvi\.(?:mock|doMock|importActual)\(\s*|\bnew URL\(\s*)(['"])(\.\.?\/[^'"\n]+)\2/g;
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root })
  .toString()
  .split('\n')
  .filter((f) => SOURCE.test(f) && !f.startsWith('dist/') && !f.includes('node_modules/'))
  .filter((f) => fs.existsSync(path.join(root, f)));

const posix = (p) => p.split(path.sep).join('/');
const fromRoot = (abs) => posix(path.relative(root, abs));
const exists = (rel) => fs.existsSync(path.join(root, rel));
function specifier(fromFile, toFile) {
  const rel = posix(path.relative(path.dirname(path.join(root, fromFile)), path.join(root, toFile)));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Where a specifier written in `file` (now at `at`) points after the moves, or null to leave it. */
function retarget(file, at, spec) {
  if (!importsOnly) {
    const target = fromRoot(path.resolve(path.dirname(path.join(root, file)), spec));
    const moved = map[target] ?? target;
    return at === file && moved === target ? null : moved;
  }
  const here = fromRoot(path.resolve(path.dirname(path.join(root, at)), spec));
  if (exists(here)) return null;
  if (map[here] && exists(map[here])) return map[here];
  const old = inverse[at];
  if (old) {
    const there = fromRoot(path.resolve(path.dirname(path.join(root, old)), spec));
    const moved = map[there] ?? there;
    if (exists(moved)) return moved;
  }
  return null;
}

let rewritten = 0;
const writes = [];
for (const file of files) {
  const at = importsOnly ? file : (map[file] ?? file);
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const next = text.replace(SPECIFIER, (whole, lead, quote, spec) => {
    const target = retarget(file, at, spec);
    if (target === null) return whole;
    const again = specifier(at, target);
    if (again === spec) return whole;
    rewritten++;
    if (dryRun) console.log(`${at}: ${spec} → ${again}`);
    return `${lead}${quote}${again}${quote}`;
  });
  if (next !== text || at !== file) writes.push({ file, at, text: next });
}

if (!importsOnly)
  for (const [from, to] of Object.entries(map)) {
    if (!exists(from)) throw new Error(`nothing to move at ${from}`);
    if (exists(to)) throw new Error(`${to} already exists`);
    if (dryRun) console.log(`git mv ${from} ${to}`);
    else {
      fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
      execFileSync('git', ['mv', from, to], { cwd: root });
    }
  }
if (!dryRun) for (const w of writes) fs.writeFileSync(path.join(root, w.at), w.text);
console.error(
  `${importsOnly ? 0 : Object.keys(map).length} files moved, ${rewritten} specifiers rewritten in ${writes.length} files${dryRun ? ' (dry run)' : ''}`,
);
