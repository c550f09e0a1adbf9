import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { inject } from 'vitest';
import { pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from './engine.ts';

/**
 * A fresh, migrated, empty database for one test file, on the engine the suite runs on.
 * Close it with the returned database's close(); on PostgreSQL the database is dropped too.
 */
export async function createTestDatabase(): Promise<Database> {
  if (testEngine === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplateFile'))]);
    return openDatabase({ engine: 'pglite', dataDir: 'memory://' }, { loadDataDir: blob });
  }
  const name = `probity_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgAdminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${testPgTemplate}`);
  await admin.end();
  const database = await openDatabase({ engine: 'pg', url: pgUrlFor(name), poolSize: 4 });
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
