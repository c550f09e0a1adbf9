import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { migrateDatabase, openDatabase, pgliteOptions } from '../../src/db/client.ts';
import type { TestProject } from 'vitest/node';
import { newPgliteTemplateFile, pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from './engine.ts';

/**
 * Migrates an empty database once per run (creating one takes seconds); each test file then clones it:
 * PGlite by loading a dumped data directory, PostgreSQL by CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (testEngine === 'pglite') {
    const client = await PGlite.create({ ...(await pgliteOptions()) });
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const { migrationsFolder } = await import('../../src/db/client.ts');
    await migrate(drizzle(client), { migrationsFolder });
    const dump = await client.dumpDataDir('gzip');
    const file = newPgliteTemplateFile();
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    project.provide('pgliteTemplateFile', file);
    return () => fs.rmSync(file, { force: true });
  }
  const admin = new pg.Client({ connectionString: testPgAdminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${testPgTemplate}`);
  await admin.query(`create database ${testPgTemplate}`);
  await admin.end();
  const database = await openDatabase({ engine: 'pg', url: pgUrlFor(testPgTemplate), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
  project.provide('pgliteTemplateFile', '');
  return () => undefined;
}
