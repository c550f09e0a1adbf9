import { describe, expect, it } from 'vitest';
import { compileFile } from './map-row.ts';
import { parseMappingText } from './load-mapping.ts';
import { refusal } from '../../../test/support/refusal.ts';

/** The complaint and complainant entries of a mapping, without a database. */

describe('complaints and complainants', () => {
  const mapping = parseMappingText(
    `
name: comp
dateFormats: ['DD/MM/YYYY']
files:
  - match: 'complaints*.csv'
    complaint: { key: '{id}', reference: 'C-{id}', receivedOn: { column: made }, summary: '{what}', case: '{id}' }
  - match: 'people*.csv'
    complainant:
      complaint: '{complaint}'
      key: 'line {_line}'
      name: Complainant
      sex: { column: sex, values: { M: male, F: female }, otherwise: not_stated }
      age: { column: age, ignore: ['-1'] }
`,
    'comp.yaml',
  );

  it('maps a complaint row with the defaults: channel not recorded, status by its linked case', () => {
    const row = compileFile(
      mapping,
      0,
      'complaints.csv',
      ['id', 'made', 'what'],
      '2026-01-01',
    )(['7', '02/03/2024', 'Rude on the phone'], 2, '');
    expect(row.rejected).toBeNull();
    expect(row.complaint).toEqual({
      key: 'comp:7',
      reference: 'C-7',
      receivedOn: '2024-03-02',
      channel: 'not_recorded',
      summary: 'Rude on the phone',
      status: 'by_case',
      caseKey: 'comp:7',
      closedOn: null,
      source: {},
    });
    const future = compileFile(
      mapping,
      0,
      'complaints.csv',
      ['id', 'made', 'what'],
      '2026-01-01',
    )(['8', '02/03/2027', 'x'], 3, '');
    expect(future.rejected).toBe('the date 2027-03-02 is in the future');
  });

  it('keys a complainant without an id of its own by its line, and refuses an age that is not whole years', () => {
    const map = compileFile(mapping, 1, 'people.csv', ['complaint', 'sex', 'age'], '2026-01-01');
    expect(map(['7', 'F', '21.0'], 5, '').complainant).toEqual({
      key: 'comp:7/line 5',
      complaintKey: 'comp:7',
      name: 'Complainant',
      basis: 'directed_at',
      sex: 'female',
      ethnicity: null,
      age: 21,
    });
    expect(map(['7', '', ''], 6, '').complainant).toMatchObject({ key: 'comp:7/line 6', sex: 'not_stated', age: null });
    expect(map(['7', 'M', '-1'], 8, '').complainant).toMatchObject({ age: null });
    expect(map(['7', 'M', 'about 40'], 7, '').rejected).toBe(
      '"about 40" in age is not an age in whole years (0 to 120)',
    );
  });

  it('refuses an entry that mixes a complaint with a person, and a channel it does not know, saying the words', () => {
    const mixed = refusal(() =>
      parseMappingText(
        `name: x
files:
  - match: 'a*.csv'
    person: { key: '{id}', givenName: '{a}', familyName: '{b}' }
    complaint: { key: '{id}', reference: '{id}', receivedOn: { column: d }, summary: '{s}' }
`,
        'x.yaml',
      ),
    );
    expect(Object.values(mixed.fields ?? {})).toContain(
      'a file entry needs person, allegation or both; or history, complaint, complainant or signal alone',
    );
    const channel = refusal(() =>
      parseMappingText(
        `name: x
files:
  - match: 'a*.csv'
    complaint: { key: '{id}', reference: '{id}', receivedOn: { column: d }, summary: '{s}', channel: fax }
`,
        'x.yaml',
      ),
    );
    expect(Object.values(channel.fields ?? {}).join(' ')).toMatch(/must be one of: online, phone, letter, email/);
  });
});
