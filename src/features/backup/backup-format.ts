import { z } from 'zod';

/**
 * The backup file: gzip'd UTF-8 text, one JSON value per line, written and read in one streaming pass.
 *
 *   {"format":"probity-backup","formatVersion":1,…}     the header: migration, tables (in load order) with
 *                                                         their columns and exact row counts, sequences
 *   ["table","forces"]                                   a table's section starts
 *   {"id":"west","name":"West Police",…}                 one row per line: PostgreSQL's row_to_json, so bytea
 *   …                                                    is "\\x…" hex, jsonb is JSON, timestamps are ISO (UTC)
 *   ["end","forces",2,"<sha256>"]                        rows in the section and the SHA-256 of its row lines
 *   …                                                    (the next table)
 *   ["end-of-backup",31,12345]                           tables and rows in the whole file: a cut file has none
 *
 * A row line is always a JSON object and a control line a JSON array, so the two never mix up. The header
 * holds the counts (taken in the same snapshot as the rows); each section's checksum follows its rows,
 * because the file is written in a single pass without holding anything in memory.
 */

export const BACKUP_FORMAT = 'probity-backup';
export const BACKUP_FORMAT_VERSION = 1;

const columnSchema = z.strictObject({ name: z.string().min(1), type: z.string().min(1) });

export const backupHeaderSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string().min(1),
  source: z.strictObject({ engine: z.enum(['pglite', 'pg']), serverVersion: z.string() }),
  /** The last migration applied to the database backed up: drizzle's `created_at` (the journal's `when`), tag and hash. */
  migration: z.strictObject({ id: z.string(), createdAt: z.number().int(), hash: z.string() }),
  tables: z.array(
    z.strictObject({ name: z.string().min(1), rows: z.number().int().min(0), columns: z.array(columnSchema) }),
  ),
  sequences: z.array(
    z.strictObject({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() }),
  ),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupTable = BackupHeader['tables'][number];

export type ControlLine =
  | { kind: 'table'; table: string }
  | { kind: 'end'; table: string; rows: number; sha256: string }
  | { kind: 'end-of-backup'; tables: number; rows: number };

/** A file that is not a backup, is cut short, or does not add up. Nothing has been written when it is thrown. */
export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

export function headerLine(header: BackupHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function controlLine(control: ControlLine): string {
  switch (control.kind) {
    case 'table':
      return `${JSON.stringify(['table', control.table])}\n`;
    case 'end':
      return `${JSON.stringify(['end', control.table, control.rows, control.sha256])}\n`;
    case 'end-of-backup':
      return `${JSON.stringify(['end-of-backup', control.tables, control.rows])}\n`;
    default: {
      const unhandled: never = control;
      return String(unhandled);
    }
  }
}

export function parseHeader(line: string | undefined): BackupHeader {
  if (line === undefined) throw new BackupFileError('The backup file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new BackupFileError('This is not a Probity backup: its first line is not a backup header.');
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupFileError('This is not a Probity backup: its first line is not a backup header.');
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(
      `This backup uses format version ${version}; this version of Probity reads version ${BACKUP_FORMAT_VERSION}. Upgrade Probity to restore it.`,
    );
  }
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BackupFileError(
      `The backup header is damaged (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'}).`,
    );
  }
  const names = new Set<string>();
  for (const t of parsed.data.tables) {
    if (names.has(t.name)) throw new BackupFileError(`The backup header is damaged (table ${t.name} appears twice).`);
    names.add(t.name);
  }
  return parsed.data;
}

const controlSchema = z.union([
  z.tuple([z.literal('table'), z.string().min(1)]),
  z.tuple([z.literal('end'), z.string().min(1), z.number().int().min(0), z.string().regex(/^[0-9a-f]{64}$/)]),
  z.tuple([z.literal('end-of-backup'), z.number().int().min(0), z.number().int().min(0)]),
]);

/** A control line (a JSON array); anything else where one is due means the file is damaged. */
export function parseControl(line: string, where: string): ControlLine {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new BackupFileError(`The backup file is damaged ${where}: a line is not valid JSON.`);
  }
  const parsed = controlSchema.safeParse(raw);
  if (!parsed.success) throw new BackupFileError(`The backup file is damaged ${where}: an unexpected line.`);
  const v = parsed.data;
  if (v[0] === 'table') return { kind: 'table', table: v[1] };
  if (v[0] === 'end') return { kind: 'end', table: v[1], rows: v[2], sha256: v[3] };
  return { kind: 'end-of-backup', tables: v[1], rows: v[2] };
}

/** Row lines are JSON objects, control lines JSON arrays: the first byte tells them apart. */
export function isRowLine(line: string): boolean {
  return line.startsWith('{');
}

/** "0006_vetting-clearance-ended-by" or the journal's timestamp when the tag is unknown to this code. */
export function describeMigration(m: BackupHeader['migration']): string {
  return m.id || String(m.createdAt);
}
