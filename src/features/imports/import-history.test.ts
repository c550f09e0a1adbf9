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
import { runImport } from './run-import.ts';

/**
 * History files (postings and numbers added to people imported before), closing dates, and checking every
 * file before anything is written, over small hand-written files in a mapping of their own.
 */

// Made at load: the tests below write their files while the suite is being collected.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-import-hist-'));
let database: Database;
let deps: Deps;

const count = async (table: string, force: string) =>
  (await database.query<{ n: number }>(`select count(*)::int as n from ${table} where force_id = $1`, [force]))[0]!.n;

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date('2026-03-01T12:00:00Z') };
  await createForce(database.db, 'hist', 'History Constabulary');
});

afterAll(async () => {
  await database.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('history files, closing dates and checking every file first', () => {
  const write = (name: string, text: string) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const mapping = write(
    'hist.yaml',
    `name: hist
dateFormats: ['DD/MM/YYYY']
files:
  - match: 'officers*.csv'
    person:
      key: '{id|number}'
      givenName: '{first}'
      familyName: '{last}'
      sex: { column: sex, ignoreCase: true, values: { M: male, F: female }, otherwise: not_stated }
      dateOfBirth: { column: born, formats: ['YYYY'] }
      serviceStart: { column: joined }
      identifiers: [{ kind: collar, value: '{star|number}' }]
  - match: 'units*.csv'
    history:
      person: '{officer|number}'
      posting: { rank: '{rank}', unit: { template: 'CPD unit {unit}', emptyIfAnyEmpty: true }, validFrom: '{from}', validTo: '{to}' }
  - match: 'allegations*.csv'
    allegation:
      key: '{id}'
      person: '{officer|number}'
      description: '{what}'
      case: { key: '{case}', reference: 'H-{case}', cameToAttention: { column: received }, summary: 'Case {case}', closedOn: { column: case_closed } }
      category: { column: what, standards: [duties_responsibilities], values: { Rude: behaviours.impolite_language } }
      outcome: { column: result, values: { Upheld: misconduct, 'No case': no_case_to_answer, '': not_recorded } }
      closedOn: { column: closed }
`,
  );
  const officers = write(
    'officers.csv',
    'id,first,last,sex,born,joined,star\n130469.0,Ann,Lee,f,1970,01/09/1995,443.0\n',
  );
  const units = write(
    'units.csv',
    'officer,rank,unit,from,to\n130469,Officer,007 District,01/09/1995,31/12/2004\n130469,Sergeant,Detectives,01/01/2005,\n130469,Sergeant,,01/01/2010,\n999,Officer,Gangs,01/01/2000,\n',
  );
  const allegations = write(
    'allegations.csv',
    'id,officer,case,received,what,result,closed,case_closed\n1,130469,A,01/02/2020,Rude,Upheld,10/06/2020,\n2,130469,A,01/02/2020,Rude,No case,,\n3,130469,B,01/03/2021,Rude,,,20/05/2021\n',
  );
  const run = (list: string[], extra: Partial<Parameters<typeof runImport>[1]> = {}) =>
    runImport(deps, {
      forceId: 'hist',
      mappingFile: mapping,
      files: list,
      rejectsFile: path.join(tmp, 'hist-rejects.csv'),
      ...extra,
    });

  it('checks every file before writing anything: an error in the last file leaves the first unimported', async () => {
    const bad = write('allegations-bad.csv', 'id,officer,case,received,what,outcome,closed,case_closed\n');
    const e = await refused(() => run([officers, units, bad]));
    expect(e.message).toBe('The mapping hist does not fit allegations-bad.csv');
    expect(e.fields?.['files[2].allegation.outcome.column']).toMatch(/^column "result" is not in allegations-bad\.csv/);
    expect(await count('people', 'hist')).toBe(0);
    expect(await count('import_runs', 'hist')).toBe(0);
  });

  it('adds postings with their dates to an existing person, rejecting rows with a reason, never skipping', async () => {
    const first = await run([officers]);
    expect(first.created).toMatchObject({ people: 1, identifiers: 1 });
    const person = await database.query<Record<string, string>>(
      `select p.sex, p.date_of_birth::text as born, p.service_start::text as joined, i.value as star
        from people p join person_identifiers i on i.force_id = p.force_id and i.person_id = p.id where p.force_id = 'hist'`,
    );
    // "130469.0" is the person 130469; the star number "443.0" is 443, so a search for 443 finds her.
    expect(person).toEqual([{ sex: 'female', born: '1970-01-01', joined: '1995-09-01', star: '443' }]);
    const history = await run([units]);
    expect(history).toMatchObject({ rowsRead: 4, imported: 2, duplicates: 0, rejected: 2 });
    expect(history.created).toMatchObject({ postings: 2, units: 2 });
    const rejects = fs.readFileSync(history.rejectsFile!, 'utf8');
    // No bogus unit "CPD unit " from an empty unit column: the row is refused and says why.
    expect(rejects).toContain('the posting has no unit or no rank');
    expect(rejects).toContain('no person with the key ""hist:999""');
    const postings = await database.query<Record<string, string>>(
      `select u.name, pp.rank, pp.valid_from::text as f, pp.valid_to::text as t from person_postings pp
        join units u on u.force_id = pp.force_id and u.id = pp.unit_id where pp.force_id = 'hist' order by pp.valid_from`,
    );
    expect(postings).toEqual([
      { name: 'CPD unit 007 District', rank: 'Officer', f: '1995-09-01', t: '2004-12-31' },
      { name: 'CPD unit Detectives', rank: 'Sergeant', f: '2005-01-01', t: null },
    ]);
    const again = await run([units], { rejectsFile: path.join(tmp, 'hist-again.csv') });
    expect(again).toMatchObject({ imported: 0, duplicates: 2, rejected: 2 });
    expect(await count('person_postings', 'hist')).toBe(2);
  });

  it('dates the finalised allegations and cases, "not recorded" outcomes included, figures in step', async () => {
    const summary = await run([allegations]);
    expect(summary).toMatchObject({ imported: 3, rejected: 0 });
    const rows = await database.query<Record<string, string>>(
      `select a.source_key as key, a.facts->'imported'->>'outcome' as outcome, f.finalised_on::text as finalised
        from allegations a join allegation_figures f on f.force_id = a.force_id and f.allegation_id = a.id
        where a.force_id = 'hist' order by a.source_key`,
    );
    expect(rows).toEqual([
      { key: 'hist:1', outcome: 'misconduct', finalised: '2020-06-10' },
      { key: 'hist:2', outcome: 'no_case_to_answer', finalised: null },
      // Its own date is empty: the case's closing date.
      { key: 'hist:3', outcome: 'not_recorded', finalised: '2021-05-20' },
    ]);
    const cases = await database.query<Record<string, string>>(
      `select reference, status, closed_on::text as closed from cases where force_id = 'hist' order by reference`,
    );
    expect(cases).toEqual([
      { reference: 'H-A', status: 'closed', closed: '2020-06-10' },
      { reference: 'H-B', status: 'closed', closed: '2021-05-20' },
    ]);
    expect(await figuresOutOfStep(database.db, 'hist')).toBe(0);
  });
});
