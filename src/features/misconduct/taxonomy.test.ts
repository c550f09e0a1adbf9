import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database } from '../../db/client.ts';
import { defaultTaxonomy } from './taxonomy.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the allegation taxonomy', () => {
  it('is loaded by the migration exactly as declared in taxonomy.ts', async () => {
    const rows = await database.query<{
      code: string;
      parent_code: string | null;
      label: string;
      legacy_codes: string[];
      serious: boolean;
    }>(`select code, parent_code, label, legacy_codes, serious from allegation_categories order by code`);
    const expected = defaultTaxonomy
      .map((e) => ({
        code: e.code,
        parent_code: e.parent ?? null,
        label: e.label,
        legacy_codes: e.legacy ?? [],
        serious: e.serious ?? false,
      }))
      .sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(rows).toEqual(expected);
  });

  it('has a parent for every sub-category and the serious categories the integrity flag needs', () => {
    const codes = new Set(defaultTaxonomy.map((e) => e.code));
    for (const e of defaultTaxonomy) if (e.parent) expect(codes.has(e.parent)).toBe(true);
    const serious = defaultTaxonomy.filter((e) => e.serious).map((e) => e.code);
    expect(serious).toEqual(
      expect.arrayContaining([
        'sexual_conduct.assault',
        'abuse_of_position.sexual',
        'discreditable.vawg',
        'discreditable.domestic_abuse',
        'discrimination.race',
      ]),
    );
  });
});
