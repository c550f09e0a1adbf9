import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { createForce } from '../../../test/support/factories.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { runImport } from './run-import.ts';

/**
 * "A new source is a new mapping file": a made-up UK spreadsheet layout (officer and allegation on one row,
 * DD/MM/YYYY, its own words for findings and sanctions) imported with nothing but its mapping.
 */

const fixture = 'test/fixtures/import/uk-psd';
let tmp = '';
let database: Database;
let deps: Deps;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-uk-'));
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-01T12:00:00Z') };
  await createForce(database.db, 'westshire', 'Westshire Police');
});

afterAll(async () => {
  await database.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('importing a UK PSD spreadsheet with its own mapping', () => {
  it('imports people and allegations from the same rows, with the hand-counted totals', async () => {
    const summary = await runImport(deps, {
      forceId: 'westshire',
      mappingFile: path.join(fixture, 'psd-mapping.yaml'),
      files: [path.join(fixture, 'psd-allegations-2024.csv')],
      rejectsFile: path.join(tmp, 'rejects.csv'),
    });
    expect(summary).toMatchObject({ rowsRead: 11, imported: 8, duplicates: 1, rejected: 2 });
    expect(summary.created).toEqual({
      people: 4,
      identifiers: 4,
      postings: 4,
      units: 2,
      cases: 7,
      subjects: 8,
      allegations: 8,
      complaints: 0,
      complainants: 0,
      signals: 0,
    });
    expect(summary.unmapped).toEqual({
      'category (mapped by otherwise)': { Parking: 1 },
      outcome: { 'Pending review': 1 },
    });
    expect(fs.readFileSync(path.join(tmp, 'rejects.csv'), 'utf8')).toBe(
      'file,line,reason,row\n' +
        'psd-allegations-2024.csv,7,"""31/06/2024"" in Date Recorded is not a date in the format DD/MM/YYYY","PSD/2024/005,31/06/2024,Clarke,Sian,3321,Constable,Northgate,Serving,Rudeness,NFA,"\n' +
        'psd-allegations-2024.csv,9,"unmapped outcome ""Pending review""","PSD/2024/007,01/08/2024,Evans,Rhian,1503,Inspector,Riverside,Serving,Rudeness,Pending review,"\n',
    );
    const rejectedPerson = await database.query(`select 1 from people where family_name = 'Clarke'`);
    expect(rejectedPerson).toHaveLength(0);
  });

  it('reads the dates, regimes, statuses and outcomes as the mapping says', async () => {
    const cases = await database.query<{
      reference: string;
      came: string;
      regime: string;
      status: string;
      source: string;
    }>(
      `select reference, came_to_attention_on::text as came, regime_version as regime, status, source from cases order by reference`,
    );
    expect(cases.map((c) => [c.reference, c.came, c.regime, c.status])).toEqual([
      ['PSD/2024/001', '2024-01-03', '2020', 'closed'],
      ['PSD/2024/002', '2024-02-17', '2020', 'closed'],
      ['PSD/2024/003', '2024-02-29', '2020', 'closed'],
      ['PSD/2024/004', '2024-06-05', '2020+2024', 'closed'],
      ['PSD/2024/006', '2024-07-12', '2020+2024', 'open'],
      ['PSD/2024/008', '2024-05-20', '2020+2024', 'closed'],
      ['PSD/2025/001', '2025-06-02', '2020+2025', 'closed'],
    ]);
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(['internal_report']));
    const tracks = await database.query<{
      reference: string;
      family_name: string;
      category_code: string;
      standards: string[];
      track: Record<string, unknown>;
    }>(
      `select c.reference, p.family_name, a.category_code, a.standards, a.facts->'track' as track
       from allegations a join cases c on c.id = a.case_id join case_subjects s on s.id = a.subject_id join people p on p.id = s.person_id
       order by c.reference, p.family_name`,
    );
    const by = (ref: string, who: string) => tracks.find((t) => t.reference === ref && t.family_name === who);
    expect(by('PSD/2024/001', 'Hughes')).toMatchObject({
      category_code: 'powers.use_of_force',
      standards: ['use_of_force'],
      track: { status: 'closed', finding: 'misconduct', sanction: 'written_warning' },
    });
    expect(by('PSD/2024/001', 'Patel')?.track).toMatchObject({ status: 'closed', caseToAnswer: 'no_case' });
    expect(by('PSD/2024/002', 'Hughes')?.track).toMatchObject({
      finding: 'gross_misconduct',
      sanction: 'dismissal_without_notice',
    });
    // Okafor had left: gross misconduct is recorded as "would have been dismissed" (§2.14).
    expect(by('PSD/2024/003', 'Okafor')).toMatchObject({
      category_code: 'sexual_conduct.harassment',
      standards: ['discreditable_conduct'],
      track: { finding: 'would_have_been_dismissed' },
    });
    expect(by('PSD/2024/004', 'Evans')).toMatchObject({
      category_code: 'other',
      track: { status: 'closed', severity: 'none' },
    });
    expect(by('PSD/2024/006', 'Patel')?.track).toEqual({ status: 'received', reg17NoticeServed: false });
    expect(by('PSD/2024/008', 'Hughes')?.track).toMatchObject({ status: 'closed', caseToAnswer: 'misconduct' });
    expect(by('PSD/2025/001', 'Okafor')?.track).toMatchObject({ finding: 'not_proven', form: 'hearing' });
    const people = await database.query<{
      family_name: string;
      status: string;
      collar: string;
      unit: string;
      kind: string;
    }>(
      `select p.family_name, p.status, i.value as collar, u.name as unit, u.kind from people p
       join person_identifiers i on i.person_id = p.id join person_postings pp on pp.person_id = p.id join units u on u.id = pp.unit_id order by p.family_name`,
    );
    expect(people).toEqual([
      { family_name: 'Evans', status: 'current', collar: '1503', unit: 'Riverside', kind: 'area' },
      { family_name: 'Hughes', status: 'current', collar: '4471', unit: 'Northgate', kind: 'area' },
      { family_name: 'Okafor', status: 'former', collar: '2290', unit: 'Riverside', kind: 'area' },
      { family_name: 'Patel', status: 'current', collar: '812', unit: 'Northgate', kind: 'area' },
    ]);
  });
});
