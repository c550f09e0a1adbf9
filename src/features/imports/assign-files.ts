import path from 'node:path';
import { AppError } from '../../lib/errors.ts';
import type { Mapping } from './mapping-schema.ts';

/**
 * Which entry of the mapping reads which file, by the entry's `match` pattern on the file's name, and the
 * order of import: the mapping's order of entries (people files before the complaints that name them),
 * then the order given on the command line.
 */
export type AssignedFile = { path: string; name: string; specIndex: number };

export function assignFiles(mapping: Mapping, files: readonly string[]): AssignedFile[] {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  const assigned: AssignedFile[] = [];
  files.forEach((file, i) => {
    const name = path.basename(file);
    const resolved = path.resolve(file);
    if (seen.has(resolved)) problems[`files[${i}]`] = `${name} is given twice`;
    seen.add(resolved);
    const specIndex = mapping.files.findIndex((f) => globToRegExp(f.match).test(name));
    if (specIndex === -1)
      problems[`files[${i}]`] ??=
        `${name} matches no entry of the mapping ${mapping.name} (patterns: ${mapping.files.map((f) => f.match).join(', ')})`;
    else assigned.push({ path: file, name, specIndex });
  });
  if (Object.keys(problems).length > 0) throw new AppError('validation', 'Check the files to import', problems);
  return assigned
    .map((a, order) => ({ a, order }))
    .sort((x, y) => x.a.specIndex - y.a.specIndex || x.order - y.order)
    .map(({ a }) => a);
}

export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}
