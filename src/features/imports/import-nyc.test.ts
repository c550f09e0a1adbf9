import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { importedCounts, nycFiles as files } from '../../../test/fixtures/import/nyc-extract.ts';
import { createForce } from '../../../test/support/factories.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';
import { figuresOutOfStep } from '../misconduct/allegation-figures.repository.ts';
import { runImport } from './run-import.ts';

/**
 * The NYC mapping over the named extract of the real files (test/fixtures/import/README.md says which
 * lines and why). Every expected number below was counted by hand from those lines.
 */

let tmp = '';
let database: Database;
let deps: Deps;

const counts = () => importedCounts(database);

const importExtract = (rejectsFile: string, output: string[] = []) =>
  runImport(
    deps,
    { forceId: 'nypd', mappingFile: 'mappings/nyc-ccrb.yaml', files, batchSize: 5, rejectsFile },
    { write: (t) => output.push(t), isTTY: false },
  );

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-nyc-'));
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-01T12:00:00Z') };
  await createForce(database.db, 'nypd', 'New York City Police Department');
});

afterAll(async () => {
  await database.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('importing the NYC extract', () => {
  it('imports with the hand-counted totals, one committed batch at a time, and reports what it could not map', async () => {
    const output: string[] = [];
    const summary = await importExtract(path.join(tmp, 'first-rejects.csv'), output);
    expect(summary).toMatchObject({
      rowsRead: 56,
      imported: 50,
      duplicates: 4,
      rejected: 2,
      resumedFrom: null,
      rowsThisRun: 56,
    });
    expect(summary.created).toEqual({
      people: 18,
      identifiers: 16,
      postings: 18,
      units: 17,
      cases: 9,
      subjects: 14,
      allegations: 32,
      complaints: 0,
      complainants: 0,
      signals: 0,
    });
    expect(summary.unmapped).toEqual({ outcome: { 'Miscellaneous | Charge Dismissed - DCT | ': 2 } });
    expect(summary.rejectsFile).toBe(path.join(tmp, 'first-rejects.csv'));
    expect(await counts()).toMatchObject({
      people: 18,
      identifiers: 16,
      postings: 18,
      units: 18,
      cases: 9,
      subjects: 14,
      allegations: 32,
    });
    expect(await figuresOutOfStep(database.db, 'nypd')).toBe(0);
    // Batches never span files: 11, 9, 18 and 18 rows in batches of 5.
    const committed = output.filter((l) => l.startsWith('batch '));
    expect(committed).toHaveLength(3 + 2 + 4 + 4);
    expect(committed[0]).toMatch(
      /^batch 1 committed: active_officers\.csv: 5 rows read, [\d,]+ rows\/s, about .* left\n$/,
    );
    expect(output[0]).toBe(`Import run ${summary.runId}\n`);
  });

  it('keeps people with their numbers (00000 ignored), postings and units created once under the force', async () => {
    const smith = await database.query<{
      given_name: string;
      status: string;
      source_key: string;
      collar: string;
      valid_from: string;
      rank: string;
      unit: string;
      path: string;
    }>(
      `select p.given_name, p.status, p.source_key, i.value as collar, i.valid_from::text, pp.rank, u.name as unit, u.path
       from people p join person_identifiers i on i.person_id = p.id join person_postings pp on pp.person_id = p.id join units u on u.id = pp.unit_id
       where p.family_name = 'Smith'`,
    );
    expect(smith).toEqual([
      {
        given_name: 'Gerald',
        status: 'former',
        source_key: 'nyc-ccrb:inactive/000001',
        collar: '31902',
        valid_from: '1900-01-01',
        rank: 'Police Officer',
        unit: 'O D',
        path: 'New York City Police Department/O D',
      },
    ]);
    const noNumber = await database.query<{ n: number }>(
      `select count(*)::int as n from people p where p.family_name in ('Puello', 'Seidenstein') and not exists (select 1 from person_identifiers i where i.person_id = p.id)`,
    );
    expect(noNumber[0]?.n).toBe(2);
    const warrsec = await database.query<{ n: number }>(
      `select count(*)::int as n from person_postings pp join units u on u.id = pp.unit_id where u.name = 'WARRSEC'`,
    );
    expect(warrsec[0]?.n).toBe(2);
  });

  it('makes one case per complaint id across both files, closed unless an allegation is still open', async () => {
    const cases = await database.query<{
      reference: string;
      status: string;
      came: string;
      regime: string;
      source: string;
      subjects: number;
      allegations: number;
    }>(
      `select c.reference, c.status, c.came_to_attention_on::text as came, c.regime_version as regime, c.source,
        (select count(*)::int from case_subjects s where s.case_id = c.id) as subjects, (select count(*)::int from allegations a where a.case_id = c.id) as allegations
       from cases c order by c.reference`,
    );
    expect(cases.map((c) => [c.reference, c.status, c.came, c.subjects, c.allegations])).toEqual([
      ['CCRB-200000050', 'closed', '1999-12-31', 3, 5],
      ['CCRB-200201503', 'closed', '2002-03-01', 1, 3],
      ['CCRB-200604687', 'closed', '2006-01-01', 1, 1],
      ['CCRB-200606173', 'closed', '2006-01-01', 2, 2],
      ['CCRB-200800389', 'closed', '2007-12-31', 1, 3],
      ['CCRB-200801175', 'closed', '2008-01-23', 1, 1],
      ['CCRB-201102753', 'closed', '2011-03-02', 3, 7],
      ['CCRB-201507115', 'open', '2015-07-14', 1, 2],
      ['CCRB-201607599', 'closed', '2016-09-03', 1, 8],
    ]);
    expect(new Set(cases.map((c) => c.regime))).toEqual(new Set(['2012']));
    expect(new Set(cases.map((c) => c.source))).toEqual(new Set(['public_complaint']));
  });

  it('records each allegation’s final track with the source words kept', async () => {
    const rows = await database.query<{
      reference: string;
      state: string;
      facts: { track: Record<string, unknown>; imported: { outcome: string; source: Record<string, string> } };
    }>(
      `select c.reference, a.state, a.facts from allegations a join cases c on c.id = a.case_id join case_subjects s on s.id = a.subject_id join people p on p.id = s.person_id
       where p.family_name = 'Mccloud' order by a.description`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      reference: 'CCRB-200800389',
      state: 'closed',
      facts: {
        track: {
          status: 'closed',
          caseToAnswer: 'misconduct',
          form: 'hearing',
          finding: 'misconduct',
          sanction: 'dismissal_without_notice',
        },
        imported: {
          outcome: 'misconduct',
          source: {
            board_disposition: 'Substantiated (Charges)',
            nypd_disposition: 'Guilty - DCT',
            penalty: 'Termination',
            date: '2007-12-31',
          },
        },
      },
    });
    const states = await database.query<{ outcome: string; n: number }>(
      `select facts->'imported'->>'outcome' as outcome, count(*)::int as n from allegations group by 1 order by 1`,
    );
    expect(states).toEqual([
      { outcome: 'misconduct', n: 7 },
      { outcome: 'no_case_to_answer', n: 12 },
      { outcome: 'no_further_action', n: 1 },
      { outcome: 'open', n: 2 },
      { outcome: 'reflective_practice', n: 1 },
      { outcome: 'withdrawn', n: 9 },
    ]);
    const open = await database.query<{ state: string }>(
      `select distinct state from allegations where facts->'imported'->>'outcome' = 'open'`,
    );
    expect(open).toEqual([{ state: 'received' }]);
  });

  it('writes the rejected rows with their reasons to the rejects file', () => {
    expect(fs.readFileSync(path.join(tmp, 'first-rejects.csv'), 'utf8')).toBe(
      'file,line,reason,row\n' +
        'active_complaints.csv,3,"unmapped outcome ""Miscellaneous | Charge Dismissed - DCT | ""","034451,200006597,2000-09-13,Discourtesy,Demeanor/tone,Miscellaneous,Charge Dismissed - DCT,"\n' +
        'active_complaints.csv,4,"unmapped outcome ""Miscellaneous | Charge Dismissed - DCT | ""","034451,200006597,2000-09-13,Discourtesy,Word,Miscellaneous,Charge Dismissed - DCT,"\n',
    );
  });

  it('audits every committed batch as one import.batch event, in an intact chain', async () => {
    const events = await database.query<{
      payload: {
        batch: number;
        file: string;
        rows: number;
        imported: number;
        duplicates: number;
        people: number;
        cases: number;
        subjects: number;
        allegations: number;
      };
      actor_label: string;
    }>(`select payload, actor_label from audit_events where event_type = 'import.batch' order by seq`);
    expect(events).toHaveLength(13);
    expect(events.map((e) => e.payload.batch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(new Set(events.map((e) => e.actor_label))).toEqual(new Set(['probity import']));
    const sum = (k: 'rows' | 'imported' | 'people' | 'cases' | 'subjects' | 'allegations') =>
      events.reduce((n, e) => n + e.payload[k], 0);
    expect([sum('rows'), sum('imported'), sum('people'), sum('cases'), sum('subjects'), sum('allegations')]).toEqual([
      56, 50, 18, 9, 14, 32,
    ]);
    expect(events[1]?.payload).toMatchObject({
      file: 'active_officers.csv',
      rows: 5,
      imported: 4,
      duplicates: 1,
      people: 4,
    });
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('imports nothing the second time: every row is a duplicate or rejected again, and no record changes', async () => {
    const before = await counts();
    const summary = await importExtract(path.join(tmp, 'second-rejects.csv'));
    expect(summary).toMatchObject({ rowsRead: 56, imported: 0, duplicates: 54, rejected: 2 });
    expect(summary.created).toEqual({
      people: 0,
      identifiers: 0,
      postings: 0,
      units: 0,
      cases: 0,
      subjects: 0,
      allegations: 0,
      complaints: 0,
      complainants: 0,
      signals: 0,
    });
    const after = await counts();
    expect({ ...after, batch_events: before.batch_events }).toEqual(before);
    expect(after.batch_events).toBe((before.batch_events ?? 0) + 13);
    const runs = await database.query<{ status: string; rows_read: number }>(
      `select status, rows_read from import_runs order by started_at`,
    );
    expect(runs).toEqual([
      { status: 'completed', rows_read: 56 },
      { status: 'completed', rows_read: 56 },
    ]);
  });
});
