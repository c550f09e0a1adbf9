import { describe, expect, it } from 'vitest';
import { parseListCsv, parseListDate } from './list-csv.ts';

const header = 'source_id,family_name,given_name,date_of_birth,former_force,rank,identifiers,reason,listed_on';

describe('the national list CSV', () => {
  it('reads entries with quoted fields, a byte order mark, CRLF and UK dates', () => {
    const text = `\ufeff${header}\r\nBL-1,Quill,Ada,07/04/1988,Northshire Police,Constable,"4521; W-77","Dismissed: gross misconduct, honesty",2024-02-01\r\nBL-2,Vane,Bo,,,,,,\r\n`;
    const { entries, errors } = parseListCsv(text, '2026-01-01');
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      {
        line: 2,
        sourceId: 'BL-1',
        familyName: 'Quill',
        givenName: 'Ada',
        dateOfBirth: '1988-04-07',
        formerForce: 'Northshire Police',
        rank: 'Constable',
        identifiers: ['4521', 'W-77'],
        reason: 'Dismissed: gross misconduct, honesty',
        listedOn: '2024-02-01',
      },
      {
        line: 3,
        sourceId: 'BL-2',
        familyName: 'Vane',
        givenName: 'Bo',
        dateOfBirth: null,
        formerForce: '',
        rank: '',
        identifiers: [],
        reason: '',
        listedOn: null,
      },
    ]);
  });

  it('reports every bad row by line number', () => {
    const text = [
      header,
      'A1,Quill,Ada,31/02/1988,,,,,',
      'A2,,Bo,,,,,,',
      'A1,Vane,Cy,2030-01-01,,,,,',
      'A4,Wren,Di,,,,,,,extra',
      'A5,Yew,Ed,,,,,,1 March 2020',
    ].join('\n');
    const { errors } = parseListCsv(text, '2026-01-01');
    expect(errors).toEqual([
      'Line 2: date_of_birth "31/02/1988" is not a real date',
      'Line 3: family_name is blank',
      'Line 4: source_id "A1" is repeated (first on line 2); date_of_birth is in the future',
      'Line 5: 10 fields but the header has 9',
      'Line 6: listed_on "1 March 2020" use YYYY-MM-DD or DD/MM/YYYY',
    ]);
  });

  it('needs the required columns, and some entries', () => {
    expect(parseListCsv('family_name,given_name\nQuill,Ada\n', '2026-01-01').errors).toEqual([
      'Line 1: the header row must name the columns source_id (found: family_name, given_name)',
    ]);
    expect(parseListCsv('', '2026-01-01').errors).toEqual([
      'The file is empty: it needs a header row and at least one entry',
    ]);
    expect(parseListCsv(`${header}\n`, '2026-01-01').errors).toEqual(['The file has a header row but no entries']);
  });

  it('says where the file stops being CSV', () => {
    const { errors, entries } = parseListCsv(`${header}\nA1,"Quill,Ada,,,,,,,\n`, '2026-01-01');
    expect(entries).toEqual([]);
    expect(errors[0]).toMatch(/^Line \d+: the file is not valid CSV \(Quote Not Closed/);
  });

  it('reads both date forms', () => {
    expect(parseListDate('1/2/1990')).toEqual({ iso: '1990-02-01' });
    expect(parseListDate(' ')).toEqual({ iso: null });
    expect(parseListDate('1990-13-01')).toEqual({ error: 'is not a real date' });
  });
});
