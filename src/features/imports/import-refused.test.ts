import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../kernel/errors.ts';
import { importedCounts, nycDir as dir, nycFiles as files } from '../../../test/fixtures/import/nyc-extract.ts';
import { createForce } from '../../../test/support/factories.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { runImport } from './run-import.ts';

/** An import refused before it starts (its force, its files, its mapping) writes nothing. */

let tmp = '';
let database: Database;
let deps: Deps;
const counts = () => importedCounts(database);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-refused-'));
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-01T12:00:00Z') };
  await createForce(database.db, 'nypd', 'New York City Police Department');
});

afterAll(async () => {
  await database.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('refusing an import', () => {
  it('refuses an unknown force, a missing file or a file no entry matches, writing nothing', async () => {
    const before = await counts();
    const refused = async (raw: Parameters<typeof runImport>[1]) => {
      const err = await runImport(deps, raw).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      return err as AppError;
    };
    expect((await refused({ forceId: 'nowhere', mappingFile: 'mappings/nyc-ccrb.yaml', files })).fields).toEqual({
      forceId: 'No force with id "nowhere"',
    });
    expect(
      (
        await refused({
          forceId: 'nypd',
          mappingFile: 'mappings/nyc-ccrb.yaml',
          files: [path.join(dir, 'gone_active_officers.csv')],
        })
      ).fields?.['files[0]'],
    ).toMatch(/matches no entry/);
    expect(
      (
        await refused({
          forceId: 'nypd',
          mappingFile: 'mappings/nyc-ccrb.yaml',
          files: [path.join(tmp, 'active_officers.csv')],
        })
      ).message,
    ).toMatch(/Cannot read .*active_officers\.csv: ENOENT/);
    expect((await refused({ forceId: 'nypd', mappingFile: 'mappings/none.yaml', files })).message).toBe(
      'Cannot read the mapping file mappings/none.yaml: ENOENT',
    );
    expect((await refused({ forceId: 'nypd', mappingFile: 'mappings/nyc-ccrb.yaml', files: [] })).fields).toEqual({
      files: 'Give at least one CSV file to import',
    });
    expect(await counts()).toEqual(before);
  });
});
