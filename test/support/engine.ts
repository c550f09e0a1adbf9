import os from 'node:os';
import path from 'node:path';

/** Which database the suite runs on: PGlite by default, PostgreSQL with PROBITY_TEST_ENGINE=pg (npm run test:pg). */
export const testEngine: 'pglite' | 'pg' = process.env['PROBITY_TEST_ENGINE'] === 'pg' ? 'pg' : 'pglite';

/** The PostgreSQL server for test:pg; each test file gets its own database cloned from a migrated template. */
export const testPgAdminUrl = process.env['PROBITY_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testPgTemplate = 'probity_test_template';

export function pgUrlFor(database: string): string {
  const url = new URL(testPgAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A migrated, empty PGlite data directory, dumped once per run and loaded by every test file. */
export const pgliteTemplateFile = path.join(os.tmpdir(), `probity-test-template-${process.env['PROBITY_TEST_RUN'] ?? 'default'}.tar.gz`);
