import fs from 'node:fs';
import { createGunzip } from 'node:zlib';
import { BackupFileError } from './backup-format.ts';

/**
 * Splits a byte stream into lines (without the newline). Memory holds one line at a time, however long the
 * file; a long line (a row with an evidence file) is gathered from its chunks. A last line without a
 * newline is yielded too, so a cut file shows up as a damaged line rather than vanishing.
 */
export async function* splitLines(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const piece of source) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl !== -1; nl = chunk.indexOf(10, start)) {
      const part = chunk.subarray(start, nl);
      if (pending.length > 0) {
        pending.push(part);
        yield Buffer.concat(pending);
        pending = [];
      } else {
        yield part;
      }
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

/** What zlib says about a damaged gzip stream, in words an operator can act on. */
export function describeGzipError(err: unknown): BackupFileError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(message)) {
    return new BackupFileError('The backup file is truncated (it ends part-way through). Nothing was restored.');
  }
  return new BackupFileError(`The backup file is corrupt (${message}). Nothing was restored.`);
}

/** The lines of a gzip'd file; read errors and damaged compression become a BackupFileError. */
export function readGzipLines(file: string): { lines: AsyncGenerator<Buffer>; close: () => void } {
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  async function* lines(): AsyncGenerator<Buffer> {
    try {
      yield* splitLines(gunzip);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupFileError(`No such file: ${file}`);
      if (err instanceof BackupFileError) throw err;
      throw describeGzipError(err);
    }
  }
  return {
    lines: lines(),
    close: () => {
      input.destroy();
      gunzip.destroy();
    },
  };
}
