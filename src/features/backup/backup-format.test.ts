import { describe, expect, it } from 'vitest';
import {
  BackupFileError,
  controlLine,
  headerLine,
  isRowLine,
  parseControl,
  parseHeader,
  type BackupHeader,
} from './backup-format.ts';
import { codeMigrations, findMigration, tablesFilledByMigrations } from './code-migrations.ts';
import { keysOutOfOrder, loadOrder, type ForeignKey } from './table-order.ts';

const header: BackupHeader = {
  format: 'probity-backup',
  formatVersion: 1,
  createdAt: '2026-03-01T09:30:00.000Z',
  source: { engine: 'pglite', serverVersion: '18.6' },
  migration: { id: '0001_audit-append-only', createdAt: 1795574388427, hash: 'abc' },
  tables: [{ name: 'forces', rows: 2, columns: [{ name: 'id', type: 'text' }] }],
  sequences: [{ name: 'audit_events_seq_seq', lastValue: '41', isCalled: true }],
};

describe('the backup file format', () => {
  it('reads back the header it writes, one line ending in a newline', () => {
    const line = headerLine(header);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(parseHeader(line.slice(0, -1))).toEqual(header);
  });

  it('refuses a first line that is not a backup header, a newer format, a damaged header', () => {
    expect(() => parseHeader(undefined)).toThrow('The backup file is empty.');
    expect(() => parseHeader('name,collar')).toThrow(/not a Probity backup/);
    expect(() => parseHeader('{"hello":1}')).toThrow(/not a Probity backup/);
    expect(() => parseHeader(JSON.stringify({ ...header, formatVersion: 2 }))).toThrow(
      /format version 2.*Upgrade Probity/,
    );
    expect(() =>
      parseHeader(JSON.stringify({ ...header, tables: [{ name: 'forces', rows: -1, columns: [] }] })),
    ).toThrow(/header is damaged \(tables\.0\.rows/);
    expect(() => parseHeader(JSON.stringify({ ...header, tables: [header.tables[0], header.tables[0]] }))).toThrow(
      /table forces appears twice/,
    );
    expect(() => parseHeader('{"format":"probity-backup"')).toThrow(BackupFileError);
  });

  it('round-trips control lines, and tells them from row lines by their first character', () => {
    for (const c of [
      { kind: 'table', table: 'forces' },
      { kind: 'end', table: 'forces', rows: 2, sha256: 'a'.repeat(64) },
      { kind: 'end-of-backup', tables: 31, rows: 12345 },
    ] as const) {
      const line = controlLine(c).trimEnd();
      expect(isRowLine(line)).toBe(false);
      expect(parseControl(line, 'here')).toEqual(c);
    }
    expect(isRowLine('{"id":"west"}')).toBe(true);
  });

  it('refuses a damaged control line, saying where', () => {
    expect(() => parseControl('["end","forces",2', 'at table forces')).toThrow(
      'The backup file is damaged at table forces: a line is not valid JSON.',
    );
    expect(() => parseControl('["end","forces",2,"not-a-hash"]', 'at table forces')).toThrow(
      /at table forces: an unexpected line/,
    );
    expect(() => parseControl('["begin","forces"]', 'x')).toThrow(BackupFileError);
  });
});

describe('the load order', () => {
  const fk = (table: string, references: string, name = `${table}_${references}_fk`): ForeignKey => ({
    name,
    table,
    references,
    definition: '',
  });

  it('puts each table after the tables it refers to, ties by name', () => {
    const { order, deferred } = loadOrder(
      ['sessions', 'users', 'forces', 'people', 'audit_events'],
      [fk('sessions', 'users'), fk('users', 'forces'), fk('people', 'forces')],
    );
    expect(order).toEqual(['audit_events', 'forces', 'people', 'users', 'sessions']);
    expect(deferred).toEqual([]);
  });

  it('defers self-references and breaks cycles, deferring only the keys the order cannot satisfy', () => {
    const self = fk('units', 'units', 'units_parent_fk');
    const ab = fk('a', 'b');
    const ba = fk('b', 'a');
    const { order, deferred } = loadOrder(['units', 'b', 'a', 'forces'], [self, fk('units', 'forces'), ab, ba]);
    expect(order).toEqual(['forces', 'units', 'a', 'b']);
    expect(deferred).toEqual([self, ab]);
    expect(keysOutOfOrder(['b', 'a'], [ab, ba])).toEqual([ba]);
  });

  it('ignores keys to tables outside the list', () => {
    expect(loadOrder(['people'], [fk('people', 'elsewhere')])).toEqual({ order: ['people'], deferred: [] });
  });
});

describe('the code’s migrations', () => {
  const migrations = codeMigrations();

  it('are read in journal order with their tags, and a backup’s schema is found among them', () => {
    expect(migrations[0]?.id).toBe('0000_foundation');
    expect(migrations.map((m) => m.createdAt)).toEqual([...migrations.map((m) => m.createdAt)].sort((a, b) => a - b));
    const last = migrations.at(-1);
    expect(findMigration(migrations, last?.createdAt ?? 0)).toEqual({ index: migrations.length - 1 });
    expect(findMigration(migrations, (last?.createdAt ?? 0) + 1)).toEqual({ problem: 'newer' });
    expect(findMigration(migrations, 1)).toEqual({ problem: 'unknown' });
  });

  it('know which tables a migration fills with reference rows (the allegation taxonomy)', () => {
    const filled = tablesFilledByMigrations(migrations);
    expect(filled.has('allegation_categories')).toBe(true);
    expect(filled.has('forces')).toBe(false);
    expect(
      tablesFilledByMigrations([
        { id: 'x', createdAt: 1, hash: '', statements: ['INSERT INTO "public"."Codes" (a) VALUES (1)'] },
      ]),
    ).toEqual(new Set(['codes']));
  });
});
