import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { testEngine } from '../../../test/support/engine.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup, RestoreRefused } from './restore-backup.ts';
import { codeMigrations } from './code-migrations.ts';
import { BackupFileError } from './backup-format.ts';
import {
  buildBackupScene,
  depsFor,
  openTestDatabase,
  removeTempFiles,
  tableContents,
  tableNames,
  tempFile,
} from '../../../test/fixtures/backup/backup-test-support.ts';

/**
 * What a restore refuses, and that a refused or failed restore changes nothing: a target holding data
 * (unless --force-replace), a truncated, corrupt or altered file, a backup from newer code, a file that is
 * not a backup. The "occupied" target holds data of its own and every damaged file is tried against it
 * WITH --force-replace, the case where the most would be lost.
 */

let source: Database;
let occupied: Database;
let blank: Database;
let file: string;
let lines: string[];
let occupiedBefore: Record<string, string[]>;

const write = (name: string, body: string | Buffer, gzip = true) => {
  const out = tempFile(name);
  fs.writeFileSync(out, gzip ? gzipSync(body) : body);
  return out;
};

beforeAll(async () => {
  source = await openTestDatabase(testEngine, 'migrated');
  await buildBackupScene(depsFor(source));
  file = tempFile('good.probity.gz');
  await createBackup({ db: source.db, engine: source.engine, now: () => new Date() }, file);
  lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');

  occupied = await openTestDatabase(testEngine, 'migrated');
  await occupied.exec(`insert into forces (id, name) values ('north', 'Northshire Police')`);
  await occupied.db.transaction((tx) =>
    recordAudit(
      tx,
      systemActor('test', 'north'),
      { type: 'force', id: 'north' },
      { type: 'audit.searched', filters: {}, resultCount: 0 },
    ),
  );
  occupiedBefore = await tableContents(occupied);
  blank = await openTestDatabase(testEngine, 'blank');
}, 300_000);

afterAll(async () => {
  removeTempFiles();
  await source?.close();
  await occupied?.close();
  await blank?.close();
});

/** The restore fails with a BackupFileError matching `message`, and neither target changed at all. */
async function refusedAndUnchanged(damaged: string, message: RegExp) {
  for (const [target, forceReplace] of [
    [occupied, true],
    [blank, false],
  ] as const) {
    const error = await restoreBackup(target, damaged, { forceReplace }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupFileError);
    expect((error as Error).message).toMatch(message);
  }
  expect(await tableContents(occupied)).toEqual(occupiedBefore);
  expect(await tableNames(blank)).toEqual([]);
}

describe('restore refuses', () => {
  it('a target that already holds data, naming it and changing nothing', async () => {
    const attempt = restoreBackup(occupied, file, { forceReplace: false });
    await expect(attempt).rejects.toThrow(RestoreRefused);
    await expect(restoreBackup(occupied, file, { forceReplace: false })).rejects.toThrow(
      /already holds data \(audit_chain_heads, audit_events, forces\).*--force-replace/,
    );
    expect(await tableContents(occupied)).toEqual(occupiedBefore);
  }, 180_000);

  it('a truncated file (cut part-way), naming the problem', async () => {
    const bytes = fs.readFileSync(file);
    const cut = tempFile('cut.probity.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await refusedAndUnchanged(cut, /truncated/);
  }, 180_000);

  it('a file cut at a line end and compressed again (valid gzip, but the closing line is missing)', async () => {
    await refusedAndUnchanged(write('short.probity.gz', `${lines.slice(0, -3).join('\n')}\n`), /truncated/);
  }, 180_000);

  it('a corrupt file (bytes changed inside the compressed data)', async () => {
    const bytes = Buffer.from(fs.readFileSync(file));
    for (let i = Math.floor(bytes.length / 2); i < Math.floor(bytes.length / 2) + 16; i++)
      bytes[i] = (bytes[i] ?? 0) ^ 0xff;
    const corrupt = tempFile('corrupt.probity.gz');
    fs.writeFileSync(corrupt, bytes);
    await refusedAndUnchanged(corrupt, /corrupt|damaged|truncated/);
  }, 180_000);

  it('a file whose rows were altered (valid gzip and JSON): the checksum does not match', async () => {
    const altered = lines.map((l) => l.replace('"name":"Eastmoor Police"', '"name":"Eastmoor Constabulary"'));
    expect(altered).not.toEqual(lines);
    await refusedAndUnchanged(
      write('altered.probity.gz', altered.join('\n')),
      /rows of table forces do not match their checksum/,
    );
  }, 180_000);

  it('a file with a row removed: the counts do not match', async () => {
    const start = lines.indexOf(JSON.stringify(['table', 'forces']));
    const shortened = [...lines.slice(0, start + 1), ...lines.slice(start + 2)];
    await refusedAndUnchanged(
      write('fewer.probity.gz', shortened.join('\n')),
      /table forces (holds 1 rows where its header says 2|do not match)/,
    );
  }, 180_000);

  it('a row the database refuses (a value of the wrong type) with the database’s reason', async () => {
    const header = JSON.parse(lines[0] ?? '{}') as { tables: { name: string; rows: number }[] };
    const start = lines.indexOf(JSON.stringify(['table', 'forces']));
    const bad = '{"id":"west","name":"West Police","created_at":"not a date"}';
    const forceLines = lines.slice(start + 1, start + 1 + (header.tables.find((t) => t.name === 'forces')?.rows ?? 0));
    const replaced = [bad, ...forceLines.slice(1)];
    const sha = createHash('sha256')
      .update(replaced.map((l) => `${l}\n`).join(''))
      .digest('hex');
    const body = [
      ...lines.slice(0, start + 1),
      ...replaced,
      JSON.stringify(['end', 'forces', replaced.length, sha]),
      ...lines.slice(start + 2 + forceLines.length),
    ];
    await refusedAndUnchanged(
      write('badrow.probity.gz', body.join('\n')),
      /Table forces could not be loaded: .*not a date/,
    );
  }, 180_000);

  it('a backup made by a newer version of Probity (a schema this code does not have)', async () => {
    const header = JSON.parse(lines[0] ?? '{}') as { migration: { createdAt: number } };
    header.migration.createdAt = (codeMigrations().at(-1)?.createdAt ?? 0) + 1000;
    await refusedAndUnchanged(
      write('newer.probity.gz', [JSON.stringify(header), ...lines.slice(1)].join('\n')),
      /newer version of Probity.*Upgrade Probity/,
    );
  }, 180_000);

  it('a file that is not a backup: another gzip file, a file that is not gzip, a missing file', async () => {
    await refusedAndUnchanged(write('other.gz', 'name,collar\nAlice,812\n'), /not a Probity backup/);
    await refusedAndUnchanged(
      write('plain.csv', 'name,collar\nAlice,812\n', false),
      /corrupt \(incorrect header check\)/,
    );
    await refusedAndUnchanged(tempFile('missing.probity.gz'), /No such file/);
  }, 180_000);
});

describe('restore --force-replace', () => {
  it('replaces everything the target held, in one transaction, and the audit chain verifies', async () => {
    const target = await openTestDatabase(testEngine, 'migrated');
    try {
      await target.exec(`insert into forces (id, name) values ('north', 'Northshire Police')`);
      const summary = await restoreBackup(target, file, { forceReplace: true });
      expect(summary.replaced).toEqual(['forces']);
      expect(summary.audit).toMatchObject({ ok: true });
      expect(await tableContents(target)).toEqual(await tableContents(source));
    } finally {
      await target.close();
    }
  }, 180_000);
});
