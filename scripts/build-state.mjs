// Whether the compiled JavaScript in dist/ is current: it is when the build stamp is newer than every
// TypeScript source it was built from. Used by bin/probity.js (run the build, or fall back to the sources)
// and by scripts/build.mjs (skip a build that would change nothing).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const stampFile = path.join(root, 'dist', '.build-stamp');
const sourceFolders = ['src', 'bench'];
const configFiles = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function buildIsCurrent() {
  if (!fs.existsSync(stampFile)) return false;
  const built = fs.statSync(stampFile).mtimeMs;
  const sources = Math.max(
    ...sourceFolders.map((f) => newestMtime(path.join(root, f))),
    ...configFiles.map((f) => fs.statSync(path.join(root, f)).mtimeMs),
  );
  return built >= sources;
}
