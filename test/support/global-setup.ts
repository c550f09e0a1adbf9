import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { migrateDatabase, openDatabase } from '../../src/db/client.ts';
import { pgUrlFor, pgliteTemplateFile, testEngine, testPgAdminUrl, testPgTemplate } from './engine.ts';

/**
 * Migrates an empty database once per run (creating one takes seconds); each test file then clones it:
 * PGlite by loading a dumped data directory, PostgreSQL by CREATE DATABASE … TEMPLATE.
 */
export default async function setup(): Promise<void> {
  process.env['PROBITY_TEST_RUN'] ??= String(process.pid);
  if (testEngine === 'pglite') {
    const client = await PGlite.create();
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const { migrationsFolder } = await import('../../src/db/client.ts');
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('gzip');
    fs.writeFileSync(pgliteTemplateFile, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    return;
  }
  const admin = new pg.Client({ connectionString: testPgAdminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${testPgTemplate}`);
  await admin.query(`create database ${testPgTemplate}`);
  await admin.end();
  const database = await openDatabase({ engine: 'pg', url: pgUrlFor(testPgTemplate), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
}
