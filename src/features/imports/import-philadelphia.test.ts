import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { createForce } from '../../../test/support/factories.ts';
import { refusedAsync as refused } from '../../../test/support/refusal.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { figuresOutOfStep } from '../misconduct/allegation-figures.repository.ts';
import { earliestReceivedOn } from '../oversight/oversight.repository.ts';
import { selectableYears } from '../oversight/period.ts';
import { runImport } from './run-import.ts';

/**
 * The Philadelphia mapping over the named extract of the real files (test/fixtures/import/README.md says
 * which lines and why): a join (each complaint's date is only in the complaints file), person attributes,
 * transforms, case-insensitive maps, "not recorded" outcomes and the source's own words. Counted by hand.
 */

const dir = 'test/fixtures/import/philadelphia-ppd';
const files = ['ppd_complaint_disciplines.csv', 'ppd_complaints.csv', 'ppd_complainant_demographics.csv'].map((f) =>
  path.join(dir, f),
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-ppd-'));
let database: Database;
let deps: Deps;

const importExtract = (force: string, extra: Partial<Parameters<typeof runImport>[1]> = {}) =>
  runImport(deps, {
    forceId: force,
    mappingFile: 'mappings/philadelphia-ppd.yaml',
    files,
    batchSize: 5,
    rejectsFile: path.join(tmp, `${force}-rejects.csv`),
    ...extra,
  });

const count = async (table: string, force: string) =>
  (await database.query<{ n: number }>(`select count(*)::int as n from ${table} where force_id = $1`, [force]))[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-01T12:00:00Z') };
  await createForce(database.db, 'ppd', 'Philadelphia Police Department');
});

afterAll(async () => {
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('importing the Philadelphia extract through its mapping alone', () => {
  it('joins each allegation to its complaint, with the hand-counted totals', async () => {
    const summary = await importExtract('ppd');
    // 22 accused-officer rows (12 imported, 1 duplicate, 9 rejected), 8 complaints, 10 complainants (1 rejected).
    expect(summary).toMatchObject({ rowsRead: 40, imported: 29, duplicates: 1, rejected: 10 });
    expect(summary.created).toEqual({
      people: 12,
      identifiers: 0,
      postings: 12,
      units: 5,
      cases: 6,
      subjects: 12,
      allegations: 12,
      complaints: 8,
      complainants: 9,
      signals: 0,
    });
    expect(summary.unmapped).toEqual({});
    const rejects = fs.readFileSync(summary.rejectsFile!, 'utf8');
    expect(rejects.match(/the person key is empty/g)).toHaveLength(8);
    expect(rejects).toContain('no row of the lookup complaint has the key ""19-0001""');
    expect(rejects).toContain('no complaint with the key ""ppd:16-0457""');
    expect(await figuresOutOfStep(database.db, 'ppd')).toBe(0);
  });

  it('takes the case date and words from the complaints file (M/D/YY), the regime from the mapping', async () => {
    const cases = await database.query<Record<string, string>>(
      `select reference, came_to_attention_on::text as d, regime_version as regime, status, summary, source
        from cases where force_id = 'ppd' order by reference`,
    );
    expect(cases.map((c) => `${c.reference} ${c.d} ${c.status}`)).toEqual([
      'PPD-15-0167 2015-04-14 closed',
      'PPD-15-0204 2015-04-30 closed',
      'PPD-15-0501 2015-08-27 open',
      'PPD-16-0190 2016-04-20 closed',
      'PPD-17-0400 2017-08-07 closed',
      'PPD-20-0150 2020-04-01 open',
    ]);
    expect(new Set(cases.map((c) => c.regime))).toEqual(new Set(['2020']));
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(['public_complaint']));
    expect(cases[0]!.summary).toBe('Criminal Allegation (district N/A)');
    // " DEPARTMENTAL VIOLATIONS": the leading space trimmed, the words put in title case.
    expect(cases[5]!.summary).toBe('Departmental Violations (district 39)');
    // The oversight year menu reaches back to the force's earliest allegation (1 April 2015 starts 2015/16).
    expect(await earliestReceivedOn(database.db, 'ppd')).toBe('2015-04-14');
    expect(selectableYears('2026-03-01', '2015-04-14').at(-1)).toBe(2015);
  });

  it('maps sex and ethnicity (latino → other), ids written as numbers, units only where the column is filled', async () => {
    const people = await database.query<Record<string, string>>(
      `select p.source_key as key, p.given_name as given, p.family_name as family, p.sex, p.ethnicity, u.name as unit
        from people p left join person_postings pp on pp.force_id = p.force_id and pp.person_id = p.id
        left join units u on u.force_id = pp.force_id and u.id = pp.unit_id
        where p.force_id = 'ppd' order by p.source_key`,
    );
    expect(people).toHaveLength(12);
    const byKey = new Map(people.map((p) => [p.key, p]));
    expect(byKey.get('ppd:80716478')).toMatchObject({
      given: 'SF',
      family: 'Officer 80716478',
      sex: 'female',
      ethnicity: 'black',
      unit: '0900 09TH DISTRICT',
    });
    expect(byKey.get('ppd:24791261')).toMatchObject({ sex: 'male', ethnicity: 'black', unit: '9815 NARCOTICS BUREAU' });
    expect(people.filter((p) => p.sex === null || p.ethnicity === null)).toEqual([]);
  });

  it('records outcomes with the source words beside them, and no finalised date the source does not give', async () => {
    const rows = await database.query<Record<string, string>>(
      `select a.source_key as key, a.state, a.facts->'imported'->>'outcome' as outcome,
          a.facts->'imported'->>'sourceOutcome' as words, a.category_code as category, f.finalised_on as finalised
        from allegations a join allegation_figures f on f.force_id = a.force_id and f.allegation_id = a.id
        where a.force_id = 'ppd' order by a.source_key`,
    );
    const of = (k: string) => rows.find((r) => (r.key ?? '').startsWith(`ppd:${k}`))!;
    expect(of('15-0167-24791261')).toMatchObject({
      outcome: 'misconduct',
      words: 'Sustained Finding / Guilty Finding',
      category: 'discreditable.domestic_abuse',
    });
    expect(of('15-0204-59394418')).toMatchObject({ outcome: 'not_proven' });
    expect(of('17-0400-95981981')).toMatchObject({ outcome: 'reflective_practice', category: 'powers.other' });
    expect(of('16-0190-55492555')).toMatchObject({ outcome: 'no_further_action' });
    expect(of('20-0150-22847711')).toMatchObject({ outcome: 'open', state: 'received', words: 'Pending / Pending' });
    expect(rows.filter((r) => r.finalised !== null)).toEqual([]);
  });

  it('makes each complaint a Schedule 3 complaint linked to its conduct case, with its complainants', async () => {
    const complaints = await database.query<Record<string, string | number | null>>(
      `select c.reference, c.status, c.channel, r.reference as "case", c.outcome_decided_on::text as decided,
          (select count(*)::int from complaint_subjects s where s.force_id = c.force_id and s.complaint_id = c.id) as subjects,
          (select count(*)::int from complaint_allegations a where a.force_id = c.force_id and a.complaint_id = c.id) as allegations,
          (select count(*)::int from complaint_complainants p where p.force_id = c.force_id and p.complaint_id = c.id) as complainants,
          (select d.details->'imported'->'source'->>'general_cap_classification' from complaint_decisions d
            where d.force_id = c.force_id and d.complaint_id = c.id and d.kind = 'logged') as class
        from complaints c left join cases r on r.force_id = c.force_id and r.id = c.case_id
        where c.force_id = 'ppd' order by c.reference`,
    );
    const row = (ref: string) => complaints.find((c) => c.reference === ref)!;
    expect(complaints).toHaveLength(8);
    expect(new Set(complaints.map((c) => c.channel))).toEqual(new Set(['not_recorded']));
    // No accused officer with an id: no linked case, nobody named, finalised on a date the source does not give.
    expect(row('PPD-13-0001')).toMatchObject({ case: null, status: 'finalised', subjects: 0, complainants: 1 });
    // Two complainants alike (the same row twice in the source): two people, each by their line.
    expect(row('PPD-13-0503')).toMatchObject({ case: null, complainants: 2 });
    // Four accused officers, all pending: the case is open, so the complaint is being handled.
    expect(row('PPD-15-0501')).toMatchObject({
      case: 'PPD-15-0501',
      status: 'being_handled',
      subjects: 4,
      allegations: 4,
      decided: null,
    });
    // An exact repeat of one officer's row is one allegation; the complaint takes the case's four subjects.
    expect(row('PPD-17-0400')).toMatchObject({ status: 'finalised', subjects: 4, allegations: 4 });
    // The source's words are kept (trimmed, as every value of this mapping).
    expect(row('PPD-20-0150')).toMatchObject({ status: 'being_handled', class: 'DEPARTMENTAL VIOLATIONS' });
    const people = await database.query<Record<string, string | number | null>>(
      `select c.reference, p.name, p.sex, p.ethnicity, p.age from complaint_complainants p
        join complaints c on c.force_id = p.force_id and c.id = p.complaint_id where p.force_id = 'ppd'
        order by c.reference, p.source_key`,
    );
    expect(people[0]).toEqual({
      reference: 'PPD-13-0001',
      name: 'Complainant (name not published)',
      sex: 'female',
      ethnicity: 'black',
      age: 21,
    });
    // An empty race and age are "not stated" and "not recorded".
    expect(people[1]).toMatchObject({ reference: 'PPD-13-0503', ethnicity: 'not_stated', age: null });
  });

  it('imports nothing the second time', async () => {
    const again = await importExtract('ppd', { rejectsFile: path.join(tmp, 'again.csv') });
    expect(again).toMatchObject({ rowsRead: 40, imported: 0, duplicates: 30, rejected: 10 });
    expect(await count('allegations', 'ppd')).toBe(12);
    expect(await count('complaints', 'ppd')).toBe(8);
    expect(await count('complaint_complainants', 'ppd')).toBe(9);
  });

  it('refuses an import without its lookup file, and a lookup file with a missing column, writing nothing', async () => {
    const before = await count('import_runs', 'ppd');
    const missing = await refused(() => importExtract('ppd', { files: [files[0]!] }));
    expect(missing.fields?.['lookups.complaint']).toBe(
      'the lookup complaint needs a file matching "ppd_complaints*.csv" among the files given',
    );
    const bad = path.join(tmp, 'ppd_complaints_bad.csv');
    fs.writeFileSync(bad, 'complaint_id,received\n15-0167,4/14/15\n');
    const wrong = await refused(() => importExtract('ppd', { files: [files[0]!, bad] }));
    // The bad file is the lookup and a file of complaints: both uses are checked before anything is written.
    expect(wrong.message).toBe(
      'The mapping philadelphia-ppd does not fit ppd_complaint_disciplines.csv, ppd_complaints_bad.csv',
    );
    expect(wrong.fields?.['ppd_complaint_disciplines.csv: files[0].allegation.case.cameToAttention.column']).toMatch(
      /^column "date_received" is not in the lookup file ppd_complaints_bad\.csv \(its columns: complaint_id, received\)/,
    );
    expect(wrong.fields?.['ppd_complaints_bad.csv: files[1].complaint.receivedOn.column']).toMatch(
      /^column "date_received" is not in ppd_complaints_bad\.csv/,
    );
    expect(await count('import_runs', 'ppd')).toBe(before);
  });
});
