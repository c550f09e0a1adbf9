import { createHash } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { closeRowCursor, fetchRowLines, openRowCursor, type TableInfo } from './backup.repository.ts';

/**
 * A table's rows as row_to_json lines, in key order, a batch at a time through a cursor: memory holds one
 * batch, whatever the table's size. Tables with binary columns (evidence files) come one row at a time.
 */
export async function* tableRowBatches(tx: Db, table: TableInfo): AsyncGenerator<string[]> {
  const batch = table.columns.some((c) => c.binary) ? 1 : 1000;
  await openRowCursor(tx, table);
  try {
    for (;;) {
      const lines = await fetchRowLines(tx, batch);
      if (lines.length === 0) return;
      yield lines;
    }
  } finally {
    await closeRowCursor(tx);
  }
}

/** The checksum of a section: SHA-256 over each row line followed by a newline, exactly as written to the file. */
export class SectionDigest {
  private readonly hash = createHash('sha256');
  rows = 0;

  add(line: string | Buffer): void {
    this.hash.update(line);
    this.hash.update('\n');
    this.rows += 1;
  }

  hex(): string {
    return this.hash.digest('hex');
  }
}

/** Row count and checksum of a table as the database holds it now (used to check a restore before it commits). */
export async function digestTable(tx: Db, table: TableInfo): Promise<{ rows: number; sha256: string }> {
  const digest = new SectionDigest();
  for await (const lines of tableRowBatches(tx, table)) for (const line of lines) digest.add(line);
  return { rows: digest.rows, sha256: digest.hex() };
}
