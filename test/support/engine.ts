import os from 'node:os';
import path from 'node:path';

/** Which database the suite runs on: PGlite by default, PostgreSQL with PROBITY_TEST_ENGINE=pg (npm run test:pg). */
export const testEngine: 'pglite' | 'pg' = process.env['PROBITY_TEST_ENGINE'] === 'pg' ? 'pg' : 'pglite';

/** The PostgreSQL server for test:pg; each test file gets its own database cloned from a migrated template. */
export const testPgAdminUrl = process.env['PROBITY_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const testPgTemplate = process.env['PROBITY_TEST_PG_TEMPLATE'] ?? 'probity_test_template';

export function pgUrlFor(database: string): string {
  const url = new URL(testPgAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Where global setup dumps a migrated, empty PGlite data directory for every test file to load. */
export function newPgliteTemplateFile(): string {
  return path.join(os.tmpdir(), `probity-test-template-${process.pid}-${Date.now()}.tar.gz`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateFile: string;
  }
}
