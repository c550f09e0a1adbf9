import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Db } from '../../db/client.ts';
import { csvLine, writeWithBackpressure } from './csv-write.ts';
import { readRejects } from './import-runs.repository.ts';

/**
 * The rejects file of a run: one line per rejected row with its file, line, reason and the row as it was
 * read. Written from the database, where rejects commit with their batch, so a resumed run's file is
 * complete and has no row twice.
 */
export async function writeRejectsFile(db: Db, forceId: string, runId: string, file: string): Promise<number> {
  const out = fs.createWriteStream(file);
  await writeWithBackpressure(out, csvLine(['file', 'line', 'reason', 'row']));
  let after = { fileIndex: -1, line: 0 };
  let count = 0;
  for (;;) {
    const page = await readRejects(db, forceId, runId, after, 1000);
    for (const r of page) await writeWithBackpressure(out, csvLine([r.fileName, r.line, r.reason, r.raw]));
    count += page.length;
    const last = page.at(-1);
    if (!last || page.length < 1000) break;
    after = { fileIndex: last.fileIndex, line: last.line };
  }
  out.end();
  await finished(out);
  return count;
}
