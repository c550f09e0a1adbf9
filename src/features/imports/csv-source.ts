import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../../kernel/errors.ts';

/**
 * A CSV file read as a stream: the header, then one row at a time with its line number and raw text, so
 * that memory stays flat whatever the file's size. A byte order mark and CRLF line ends are handled; a row
 * with the wrong number of fields is passed on (the mapping rejects it with a reason); a file the parser
 * cannot read at all (an unclosed quote) stops with the line where it went wrong.
 */
export type SourceRow = { fields: string[]; line: number; raw: string };
export type CsvSource = {
  header: string[];
  rows: AsyncGenerator<SourceRow>;
  bytesRead: () => number;
  close: () => void;
};

type ParsedRecord = { record: string[]; raw: string; info: { lines: number } };

export async function openCsv(file: string, options: { trim: boolean }): Promise<CsvSource> {
  const name = path.basename(file);
  const input = fs.createReadStream(file);
  const parser = input
    .pipe(crlfToLf())
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, raw: true, info: true }));
  input.on('error', (err) => parser.destroy(err));
  const iterator = parser[Symbol.asyncIterator]() as AsyncIterator<ParsedRecord>;
  const clean = options.trim ? (f: string[]) => f.map((v) => v.trim()) : (f: string[]) => f;
  const first = await next(iterator, name);
  if (!first) throw new AppError('validation', `${name} is empty: expected a header row`);
  const header = first.record.map((h) => h.trim());
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const r = await next(iterator, name);
      if (!r) return;
      // `info.lines` is the line the record ENDS on; its own line breaks (quoted) and blank lines before it say where it starts.
      const raw = r.raw.replace(/\n$/, '').replace(/^\n+/, '');
      yield { fields: clean(r.record), line: r.info.lines - (raw.match(/\n/g)?.length ?? 0), raw };
    }
  }
  return { header, rows: rows(), bytesRead: () => input.bytesRead, close: () => parser.destroy() };
}

/**
 * CRLF → LF before parsing. Real exports mix them (the NYC files have an LF header over CRLF rows), which
 * the parser's line-ending detection cannot follow. A CR at the end of a chunk waits for the next chunk.
 */
function crlfToLf(): Transform {
  let held = '';
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let text = held + chunk.toString('latin1');
      held = text.endsWith('\r') ? '\r' : '';
      if (held) text = text.slice(0, -1);
      done(null, Buffer.from(text.replace(/\r\n/g, '\n'), 'latin1'));
    },
    flush(done) {
      done(null, held ? Buffer.from(held, 'latin1') : null);
    },
  });
}

async function next(iterator: AsyncIterator<ParsedRecord>, name: string): Promise<ParsedRecord | null> {
  try {
    const r = await iterator.next();
    return r.done ? null : r.value;
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    if (e.code === 'ENOENT') throw new AppError('validation', `Cannot read ${name}: no such file`);
    throw new AppError(
      'validation',
      `${name} cannot be read as CSV${e.lines ? ` at line ${e.lines}` : ''}: ${e.message}`,
    );
  }
}

/** The file's SHA-256 and size, read as a stream. */
export async function fileChecksum(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of fs.createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch (err) {
    throw new AppError(
      'validation',
      `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  return { sha256: hash.digest('hex'), bytes };
}
