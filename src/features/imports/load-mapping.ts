import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { mappingSchema, type CategoryTarget, type Mapping } from './mapping-schema.ts';
import { fieldErrorsOf } from '../../kernel/validation.ts';

/**
 * Reads a mapping file (YAML, or JSON by its .json extension), validates it and says exactly what is wrong:
 * the YAML error with its line, or one message per place in the mapping. The checksum of the bytes read
 * identifies the mapping in the import run, so that a changed mapping starts a new run.
 */
export type LoadedMapping = { mapping: Mapping; fileName: string; checksum: string };

export function loadMappingFile(file: string): LoadedMapping {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new AppError(
      'validation',
      `Cannot read the mapping file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  const fileName = path.basename(file);
  return {
    mapping: parseMappingText(bytes.toString('utf8'), fileName),
    fileName,
    checksum: createHash('sha256').update(bytes).digest('hex'),
  };
}

export function parseMappingText(text: string, fileName: string): Mapping {
  const raw = fileName.endsWith('.json') ? parseJson(text, fileName) : parseYaml(text, fileName);
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('validation', `The mapping file ${fileName} is not valid`, zodFields(parsed.error));
  const problems = formProblems(parsed.data);
  if (Object.keys(problems).length > 0)
    throw new AppError('validation', `The mapping file ${fileName} is not valid`, problems);
  return parsed.data;
}

function parseYaml(text: string, fileName: string): unknown {
  const doc = parseDocument(text, { merge: true, prettyErrors: true });
  const [first] = doc.errors;
  if (first)
    throw new AppError('validation', `The mapping file ${fileName} is not valid YAML: ${first.message.split('\n')[0]}`);
  return doc.toJS({ maxAliasCount: 1000 });
}

function parseJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('validation', `The mapping file ${fileName} is not valid JSON: ${(err as Error).message}`);
  }
}

/** `files[2].allegation.category.values["Force | Gun fired"]`: the place as the author wrote it. */
export function mappingPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_][\w]*$/.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out || 'mapping';
}

function zodFields(error: z.ZodError): FieldErrors {
  return fieldErrorsOf(error, mappingPath);
}

/** Rules across fields the schema cannot express: a misconduct meeting never finds gross misconduct (§2.9). */
function formProblems(mapping: Mapping): FieldErrors {
  const problems: FieldErrors = {};
  mapping.files.forEach((file, i) => {
    const outcome = file.allegation?.outcome;
    if (!outcome) return;
    const targets = Object.entries(outcome.values).map(
      ([key, t]) => [mappingPath(['files', i, 'allegation', 'outcome', 'values', key]), t] as const,
    );
    for (const [where, t] of targets) {
      const form = typeof t === 'string' ? outcome.form : (t.form ?? outcome.form);
      const found = typeof t === 'string' ? t : t.outcome;
      if (form === 'meeting' && found === 'gross_misconduct')
        problems[where] = 'a misconduct meeting cannot find gross misconduct: give form: hearing';
    }
  });
  return problems;
}

/** Every taxonomy code the mapping names must be an active category (allegation_categories). */
export function checkTaxonomyCodes(mapping: Mapping, fileName: string, known: ReadonlySet<string>): void {
  const problems: FieldErrors = {};
  mapping.files.forEach((file, i) => {
    const category = file.allegation?.category;
    if (!category) return;
    const entries: (readonly [string, CategoryTarget])[] = Object.entries(category.values).map(
      ([key, t]) => [mappingPath(['files', i, 'allegation', 'category', 'values', key]), t] as const,
    );
    if (category.otherwise !== 'reject')
      entries.push([mappingPath(['files', i, 'allegation', 'category', 'otherwise']), category.otherwise]);
    for (const [where, target] of entries) {
      const code = typeof target === 'string' ? target : target.code;
      if (!known.has(code)) problems[where] = `unknown taxonomy code "${code}"${suggest(code, known)}`;
    }
  });
  if (Object.keys(problems).length > 0)
    throw new AppError(
      'validation',
      `The mapping file ${fileName} names categories that are not in the taxonomy`,
      problems,
    );
}

function suggest(code: string, known: ReadonlySet<string>): string {
  const group = code.split('.')[0] ?? '';
  const near = [...known].filter((k) => k.startsWith(`${group}.`) || k === group).slice(0, 12);
  return near.length > 0
    ? ` (codes under ${group}: ${near.join(', ')})`
    : ` (groups: ${[...known].filter((k) => !k.includes('.')).join(', ')})`;
}
