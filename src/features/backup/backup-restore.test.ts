import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { testEngine } from '../../../test/support/engine.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { findEvidence } from '../misconduct/evidence.repository.ts';
import { createBackup } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { codeMigrations, migrateUpTo } from './code-migrations.ts';
import {
  buildBackupScene,
  depsFor,
  evidenceBytes,
  openTestDatabase,
  removeTempFiles,
  tableContents,
  tempFile,
  type Engine,
} from '../../../test/fixtures/backup/backup-test-support.ts';

/**
 * Backup and restore on real databases: a demo-like database goes through a file into an empty one and
 * comes out identical, table by table, with its evidence bytes and an intact audit chain; a blank database
 * (no schema) and an older schema work too; and, when PostgreSQL is available, a backup crosses engines.
 */

let source: Database;
let scene: Awaited<ReturnType<typeof buildBackupScene>>;
let file: string;
let sourceContents: Record<string, string[]>;

const backupOf = (database: Database, out: string) =>
  createBackup({ db: database.db, engine: database.engine, now: () => new Date('2026-03-01T09:30:00Z') }, out);

beforeAll(async () => {
  source = await openTestDatabase(testEngine, 'migrated');
  scene = await buildBackupScene(depsFor(source));
  file = tempFile('scene.probity.gz');
  await backupOf(source, file);
  sourceContents = await tableContents(source);
}, 300_000);

afterAll(async () => {
  removeTempFiles();
  await source?.close();
});

describe('probity backup', () => {
  it('writes every table of the catalog (tables added by any feature), in foreign-key order, with exact counts', async () => {
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as {
      format: string;
      createdAt: string;
      migration: { id: string };
      tables: { name: string; rows: number }[];
    };
    expect(header.format).toBe('probity-backup');
    expect(header.createdAt).toBe('2026-03-01T09:30:00.000Z');
    expect(header.migration.id).toBe(codeMigrations().at(-1)?.id);
    expect(header.tables.map((t) => t.name).sort()).toEqual(Object.keys(sourceContents).sort());
    // The scene really filled the tables that matter (so that "equal" below means something).
    for (const name of [
      'forces',
      'units',
      'people',
      'users',
      'sessions',
      'cases',
      'allegations',
      'clocks',
      'case_evidence',
      'audit_events',
      'list_matches',
    ]) {
      expect(sourceContents[name]?.length, name).toBeGreaterThan(0);
    }
    for (const t of header.tables) expect(t.rows, t.name).toBe(sourceContents[t.name]?.length);
    const position = (name: string) => header.tables.findIndex((t) => t.name === name);
    expect(position('forces')).toBeLessThan(position('people'));
    expect(position('people')).toBeLessThan(position('person_identifiers'));
    expect(position('cases')).toBeLessThan(position('case_evidence'));
    expect(position('users')).toBeLessThan(position('sessions'));
    expect(lines.at(-2)).toBe(
      JSON.stringify(['end-of-backup', header.tables.length, header.tables.reduce((n, t) => n + t.rows, 0)]),
    );
  }, 180_000);

  it('is readable by its owner only, never overwrites an existing file, and names a missing directory', async () => {
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const before = fs.readFileSync(file);
    await expect(backupOf(source, file)).rejects.toThrow(/already exists/);
    await expect(backupOf(source, '/no/such/directory/probity.gz')).rejects.toThrow(
      'No such directory: /no/such/directory',
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  }, 180_000);

  it('refuses a database with no schema, and leaves no file behind', async () => {
    const blank = await openTestDatabase(testEngine, 'blank');
    try {
      const out = tempFile('blank.probity.gz');
      await expect(backupOf(blank, out)).rejects.toThrow(/no schema/);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      await blank.close();
    }
  }, 180_000);
});

describe('probity restore', () => {
  it('restores into an empty database: every table equal, evidence bytes intact, audit chain verified, sequences moved on', async () => {
    const target = await openTestDatabase(testEngine, 'migrated');
    try {
      const steps: string[] = [];
      const summary = await restoreBackup(target, file, { forceReplace: false, onStep: (s) => steps.push(s) });
      expect(summary.audit).toMatchObject({ ok: true });
      expect(summary.audit.rows).toBeGreaterThanOrEqual(3);
      expect(summary.rows).toBe(Object.values(sourceContents).reduce((n, rows) => n + rows.length, 0));
      expect(summary.replaced).toEqual([]);
      expect(steps.some((s) => s.startsWith('Checking every table'))).toBe(true);
      expect(await tableContents(target)).toEqual(sourceContents);

      const evidence = await findEvidence(target.db, 'west', scene.caseId, scene.evidenceId);
      expect(evidence?.content.equals(evidenceBytes)).toBe(true);
      expect(evidence?.sha256).toBe(createHash('sha256').update(evidenceBytes).digest('hex'));

      // The audit sequence continues after the restored rows, and the chain stays intact when it grows.
      const [before] = await target.query<{ max: string }>('select max(seq)::text as max from audit_events');
      await target.db.transaction((tx) =>
        recordAudit(
          tx,
          systemActor('restore test', 'west'),
          { type: 'user', id: scene.aa.user.id },
          { type: 'user.setup_link_issued', userId: scene.aa.user.id },
        ),
      );
      const [after] = await target.query<{ max: string }>('select max(seq)::text as max from audit_events');
      expect(Number(after?.max)).toBe(Number(before?.max) + 1);
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true, rows: summary.audit.rows + 1 });
    } finally {
      await target.close();
    }
  }, 180_000);

  it('restores into a blank database (no schema), recording every migration so that migrate has nothing left to do', async () => {
    const target = await openTestDatabase(testEngine, 'blank');
    try {
      const summary = await restoreBackup(target, file, { forceReplace: false });
      expect(summary.newerMigrations).toBe(0);
      expect(await tableContents(target)).toEqual(sourceContents);
      const applied = await target.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(applied[0]?.n).toBe(codeMigrations().length);
    } finally {
      await target.close();
    }
  }, 180_000);

  it('restores a backup of an older schema at that schema, then applies the newer migrations', async () => {
    const old = await openTestDatabase(testEngine, 'blank');
    const target = await openTestDatabase(testEngine, 'blank');
    try {
      const migrations = codeMigrations();
      const foundation = 1; // 0000_foundation and the append-only audit trigger
      await old.db.transaction((tx) => migrateUpTo(tx, migrations, foundation));
      await old.exec(`insert into forces (id, name) values ('north', 'Northshire Police')`);
      const oldFile = tempFile('old.probity.gz');
      await backupOf(old, oldFile);

      const summary = await restoreBackup(target, oldFile, { forceReplace: false });
      expect(summary.migration).toBe(migrations[foundation]?.id);
      expect(summary.newerMigrations).toBe(migrations.length - 1 - foundation);
      expect(await target.query('select id, name from forces')).toEqual([{ id: 'north', name: 'Northshire Police' }]);
      const applied = await target.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
      expect(applied[0]?.n).toBe(migrations.length);
      // The later migrations ran on the restored data: the taxonomy they insert is there.
      const taxonomy = await target.query<{ n: number }>('select count(*)::int as n from allegation_categories');
      expect(taxonomy[0]?.n).toBeGreaterThan(20);
    } finally {
      await old.close();
      await target.close();
    }
  }, 180_000);

  it('keeps the audit log append-only while it loads: the restored table still refuses UPDATE and DELETE', async () => {
    const target = await openTestDatabase(testEngine, 'migrated');
    try {
      await restoreBackup(target, file, { forceReplace: false });
      await expect(target.exec(`update audit_events set actor_label = 'nobody'`)).rejects.toThrow(/append-only/);
      await expect(target.exec(`delete from audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await target.close();
    }
  }, 180_000);
});

/** Both engines are at hand when the suite runs on PostgreSQL (PGlite is embedded): cross in both directions. */
if (testEngine === 'pg') {
  describe('across engines', () => {
    const cross = async (from: Engine, to: Engine) => {
      const origin = await openTestDatabase(from, 'migrated');
      const target = await openTestDatabase(to, 'blank');
      try {
        await buildBackupScene(depsFor(origin));
        const out = tempFile(`${from}-to-${to}.probity.gz`);
        await backupOf(origin, out);
        const summary = await restoreBackup(target, out, { forceReplace: false });
        expect(summary.sourceEngine).toBe(from);
        expect(summary.audit).toMatchObject({ ok: true });
        expect(await tableContents(target)).toEqual(await tableContents(origin));
        // A backup of the restored copy is the same file, row for row, as the original's.
        const again = tempFile('again.probity.gz');
        await backupOf(target, again);
        const body = (f: string) => gunzipSync(fs.readFileSync(f)).toString('utf8').split('\n').slice(1).join('\n');
        expect(body(again)).toBe(body(out));
      } finally {
        await origin.close();
        await target.close();
      }
    };

    it('restores an embedded (PGlite) backup into PostgreSQL', () => cross('pglite', 'pg'), 300_000);
    it('restores a PostgreSQL backup into the embedded database (PGlite)', () => cross('pg', 'pglite'), 300_000);
  });
}
