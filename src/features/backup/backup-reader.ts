import fs from 'node:fs';
import {
  BackupFileError,
  isRowLine,
  parseControl,
  parseHeader,
  type BackupHeader,
  type BackupTable,
} from './backup-format.ts';
import { readGzipLines } from './line-reader.ts';
import { SectionDigest } from './table-rows.ts';

/** At most this many rows, or about this many characters, go to the database in one insert. */
const BATCH_ROWS = 500;
const BATCH_CHARS = 8 * 1024 * 1024;

/**
 * Reads a backup file front to back, once, checking as it goes: the header first, then each table's
 * section in the header's order (its row count and SHA-256 against the section's end line and the
 * header), then the closing line and the end of the file. Any mismatch throws a BackupFileError, which
 * the restore turns into a rollback.
 */
export class BackupReader {
  /** Row count and checksum of each section read so far, as computed from the file. */
  readonly digests = new Map<string, { rows: number; sha256: string }>();

  private constructor(
    readonly header: BackupHeader,
    private readonly lines: AsyncGenerator<Buffer>,
    readonly close: () => void,
  ) {}

  static async open(file: string): Promise<BackupReader> {
    if (!fs.existsSync(file)) throw new BackupFileError(`No such file: ${file}`);
    const { lines, close } = readGzipLines(file);
    try {
      const first = await lines.next();
      return new BackupReader(parseHeader(first.done ? undefined : first.value.toString('utf8')), lines, close);
    } catch (err) {
      close();
      throw err;
    }
  }

  private async nextLine(where: string): Promise<string> {
    const next = await this.lines.next();
    if (next.done) throw new BackupFileError(`The backup file is truncated: it ends ${where}. Nothing was restored.`);
    return next.value.toString('utf8');
  }

  /** The next table's rows in batches. The section must be the one the header names next. */
  async *rows(table: BackupTable): AsyncGenerator<string[]> {
    const where = `at table ${table.name}`;
    const start = parseControl(await this.nextLine(`before table ${table.name}`), where);
    if (start.kind !== 'table' || start.table !== table.name)
      throw new BackupFileError(`The backup file is damaged: table ${table.name} should come next.`);
    const digest = new SectionDigest();
    let batch: string[] = [];
    let chars = 0;
    for (;;) {
      const line = await this.nextLine(`part-way through table ${table.name}`);
      if (!isRowLine(line)) {
        const end = parseControl(line, where);
        if (end.kind !== 'end' || end.table !== table.name)
          throw new BackupFileError(`The backup file is damaged ${where}: the section does not end properly.`);
        const sha256 = digest.hex();
        if (digest.rows !== end.rows || digest.rows !== table.rows) {
          throw new BackupFileError(
            `The backup file is damaged: table ${table.name} holds ${digest.rows} rows where its header says ${table.rows}.`,
          );
        }
        if (sha256 !== end.sha256)
          throw new BackupFileError(
            `The backup file is damaged: the rows of table ${table.name} do not match their checksum (the file was altered or corrupted).`,
          );
        this.digests.set(table.name, { rows: digest.rows, sha256 });
        if (batch.length > 0) yield batch;
        return;
      }
      digest.add(line);
      batch.push(line);
      chars += line.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) {
        yield batch;
        batch = [];
        chars = 0;
      }
    }
  }

  /** The closing line must account for every table and row, and nothing may follow it. */
  async finish(): Promise<void> {
    const end = parseControl(await this.nextLine('before its closing line'), 'at its end');
    const rows = this.header.tables.reduce((n, t) => n + t.rows, 0);
    if (end.kind !== 'end-of-backup' || end.tables !== this.header.tables.length || end.rows !== rows) {
      throw new BackupFileError('The backup file is damaged at its end: the closing line does not match the header.');
    }
    const after = await this.lines.next();
    if (!after.done) throw new BackupFileError('The backup file is damaged: there is more after its closing line.');
  }
}
