import path from 'node:path';
import { AppError } from '../../kernel/errors.ts';
import type { LookupFile } from './lookup-tables.ts';
import type { Mapping } from './mapping-schema.ts';

/**
 * Which entry of the mapping reads which file, by the entry's `match` pattern on the file's name, and the
 * order of import: the mapping's order of entries (people files before the complaints that name them),
 * then the order given on the command line.
 */
export type AssignedFile = { path: string; name: string; specIndex: number };

/**
 * The files to import, in order; a file a lookup's `match` names is a lookup file (see lookupFiles), and is
 * imported as well only when an entry of `files` also matches it.
 */
export function assignFiles(mapping: Mapping, files: readonly string[]): AssignedFile[] {
  return assignAll(mapping, files).imported;
}

export function assignAll(
  mapping: Mapping,
  files: readonly string[],
): { imported: AssignedFile[]; lookups: LookupFile[] } {
  const problems: Record<string, string> = {};
  const seen = new Set<string>();
  const assigned: AssignedFile[] = [];
  const lookups: LookupFile[] = [];
  const lookupNames = Object.keys(mapping.lookups);
  files.forEach((file, i) => {
    const name = path.basename(file);
    const resolved = path.resolve(file);
    if (seen.has(resolved)) problems[`files[${i}]`] = `${name} is given twice`;
    seen.add(resolved);
    const lookup = lookupNames.find((l) => globToRegExp(mapping.lookups[l]!.match).test(name));
    const specIndex = mapping.files.findIndex((f) => globToRegExp(f.match).test(name));
    if (lookup) {
      if (lookups.some((f) => f.name === lookup))
        problems[`files[${i}]`] ??= `${name} is a second file for the lookup ${lookup}: give one`;
      else lookups.push({ name: lookup, path: file, fileName: name });
      // A lookup file may also be imported by an entry of its own (the complaints file: a join for the
      // accused officers' rows, and the complaints themselves).
      if (specIndex !== -1) assigned.push({ path: file, name, specIndex });
      return;
    }
    if (specIndex === -1)
      problems[`files[${i}]`] ??= `${name} matches no entry of the mapping ${mapping.name} (patterns: ${[
        ...mapping.files.map((f) => f.match),
        ...lookupNames.map((l) => `${mapping.lookups[l]!.match} (lookup ${l})`),
      ].join(', ')})`;
    else assigned.push({ path: file, name, specIndex });
  });
  for (const l of lookupNames)
    if (!lookups.some((f) => f.name === l))
      problems[`lookups.${l}`] =
        `the lookup ${l} needs a file matching "${mapping.lookups[l]!.match}" among the files given`;
  if (Object.keys(problems).length > 0) throw new AppError('validation', 'Check the files to import', problems);
  const imported = assigned
    .map((a, order) => ({ a, order }))
    .sort((x, y) => x.a.specIndex - y.a.specIndex || x.order - y.order)
    .map(({ a }) => a);
  return { imported, lookups };
}

export function globToRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}
