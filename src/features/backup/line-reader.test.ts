import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeGzipError, readGzipLines, splitLines } from './line-reader.ts';

async function collect(chunks: (string | Buffer)[]): Promise<string[]> {
  const lines: string[] = [];
  async function* source() {
    for (const c of chunks) yield c;
  }
  for await (const line of splitLines(source())) lines.push(line.toString('utf8'));
  return lines;
}

describe('splitting a stream into lines', () => {
  it('joins a line spread over chunks and splits several lines in one chunk', async () => {
    expect(await collect(['{"a":', '1}\n{"b"', ':2}\n["end"]\n'])).toEqual(['{"a":1}', '{"b":2}', '["end"]']);
  });

  it('keeps a multi-byte character split between two chunks', async () => {
    const bytes = Buffer.from('{"name":"Zoë ✓"}\n');
    const cut = bytes.indexOf(Buffer.from('✓')) + 1;
    expect(await collect([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['{"name":"Zoë ✓"}']);
  });

  it('yields a last line without its newline (a cut file shows as a damaged line) and empty lines as empty', async () => {
    expect(await collect(['one\n\ntwo'])).toEqual(['one', '', 'two']);
    expect(await collect([])).toEqual([]);
  });

  it('reads a long line (an evidence file) whole', async () => {
    const long = 'x'.repeat(3 * 1024 * 1024);
    const chunks = [...long.match(/.{1,65536}/g)!, '\nend\n'];
    const lines = await collect(chunks);
    expect(lines.map((l) => l.length)).toEqual([long.length, 3]);
  });
});

describe('reading a gzip file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-lines-'));

  it('gives its lines, and a truncated file a clear error', async () => {
    const file = path.join(dir, 'ok.gz');
    const body = gzipSync(Array.from({ length: 5000 }, (_, i) => `{"n":${i}}`).join('\n') + '\n');
    fs.writeFileSync(file, body);
    const all: string[] = [];
    for await (const line of readGzipLines(file).lines) all.push(line.toString());
    expect(all).toHaveLength(5000);
    expect(all[4999]).toBe('{"n":4999}');

    const cut = path.join(dir, 'cut.gz');
    fs.writeFileSync(cut, body.subarray(0, body.length - 20));
    const reading = (async () => {
      for await (const _line of readGzipLines(cut).lines) void _line;
    })();
    await expect(reading).rejects.toThrow(
      'The backup file is truncated (it ends part-way through). Nothing was restored.',
    );
  });

  it('names zlib’s complaint for a file that is not gzip at all', () => {
    expect(
      describeGzipError(Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' })).message,
    ).toBe('The backup file is corrupt (incorrect header check). Nothing was restored.');
  });
});
