import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../src/db/client.ts';
import { inject } from 'vitest';
import { pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from './engine.ts';

/**
 * A fresh database for one test file, on the engine the suite runs on unless `engine` says otherwise:
 * migrated and empty (cloned from the run's template), or with `state: 'blank'` no schema at all.
 * Close it with the returned database's close(); on PostgreSQL the database is dropped too.
 */
export async function createTestDatabase(
  o: { engine?: 'pglite' | 'pg'; state?: 'migrated' | 'blank'; poolSize?: number } = {},
): Promise<Database> {
  const state = o.state ?? 'migrated';
  if ((o.engine ?? testEngine) === 'pglite') {
    // The run's template is a PGlite data directory only when the suite runs on PGlite.
    const template = state === 'migrated' ? inject('pgliteTemplateFile') : '';
    const database = await openDatabase(
      { engine: 'pglite', dataDir: 'memory://' },
      template ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : {},
    );
    if (state === 'migrated' && !template) await migrateDatabase(database);
    return database;
  }
  const name = `probity_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${state === 'migrated' ? testPgTemplate : 'template0'}`);
  await admin.end();
  const database = await openDatabase({ engine: 'pg', url: pgUrlFor(name), poolSize: o.poolSize ?? 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: testPgAdminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
