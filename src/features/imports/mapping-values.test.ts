import { describe, expect, it } from 'vitest';
import { compileFile } from './map-row.ts';
import { compileDateFormats } from './source-dates.ts';
import { importedTrack } from './import-outcomes.ts';
import { loadMappingFile, parseMappingText } from './load-mapping.ts';
import { minimal } from '../../../test/fixtures/import/minimal-mapping.ts';
import { refusal } from '../../../test/support/refusal.ts';

/** How a mapping reads values, without a database: value maps, source dates, transforms and their messages. */

describe('value maps with wildcards (the NYC mapping)', () => {
  const nyc = loadMappingFile('mappings/nyc-ccrb.yaml').mapping;
  const header = [
    'officer_id',
    'complaint_id',
    'date',
    'fado_type',
    'allegation',
    'board_disposition',
    'nypd_disposition',
    'penalty',
  ];
  const map = compileFile(nyc, 2, 'active_complaints.csv', header, '2026-01-01');
  const row = (
    board: string,
    nypd: string,
    penalty: string,
    fado = 'Force',
    allegation = 'Physical force',
    date = '2010-03-04',
  ) => map(['000123', '201000001', date, fado, allegation, board, nypd, penalty], 2, '');

  it('reads the force’s columns only after "Substantiated", the first matching pattern winning', () => {
    expect(row('Unsubstantiated', 'Guilty - DCT', 'Termination').allegation?.outcome.outcome).toBe('no_case_to_answer');
    expect(row('Substantiated (Charges)', 'Guilty - DCT', 'Termination').allegation?.outcome).toEqual({
      outcome: 'misconduct',
      form: 'hearing',
      sanction: 'dismissal_without_notice',
    });
    expect(
      row('Substantiated (Charges)', 'No Disciplinary Action-DUP', 'Termination').allegation?.outcome.outcome,
    ).toBe('withdrawn');
    expect(
      row('Substantiated (Command Discipline A)', 'Command Discipline - A', 'Forfeit vacation 3 days').allegation
        ?.outcome,
    ).toEqual({ outcome: 'misconduct', form: 'meeting', sanction: 'written_warning' });
    expect(
      row('Substantiated (Charges)', 'Guilty - DCT', 'Suspen. days: 30 + Vacation days: 15').allegation?.outcome
        .sanction,
    ).toBe('final_written_warning');
    expect(row('Substantiated (Charges)', '', '').allegation?.outcome.outcome).toBe('open');
    expect(row('Miscellaneous', 'Filed', 'Retire').rejected).toBe('unmapped outcome "Miscellaneous | Filed | Retire"');
  });

  it('maps categories by fado type and allegation, and falls back to the year of the complaint id for a missing date', () => {
    expect(row('Exonerated', '', '', 'Abuse of Authority', 'Gun Pointed').allegation).toMatchObject({
      categoryCode: 'powers.use_of_force',
      standards: ['use_of_force'],
    });
    expect(row('Exonerated', '', '', 'Offensive Language', 'Gender Identity').allegation?.categoryCode).toBe(
      'discrimination.gender_reassignment',
    );
    expect(row('Exonerated', '', '', 'Abuse of Authority', 'Something new').allegation?.categoryCode).toBe(
      'powers.other',
    );
    expect(row('Exonerated', '', '', 'Force', 'Chokehold', '').allegation?.case.cameToAttentionOn).toBe('2010-01-01');
    expect(row('Exonerated', '', '', 'Force', 'Chokehold', '2003-11').allegation?.case.cameToAttentionOn).toBe(
      '2003-11-01',
    );
  });
});

describe('source dates and imported tracks', () => {
  it('reads declared formats strictly, a month without a day meaning its first day', () => {
    const parse = compileDateFormats(['DD/MM/YYYY', 'D.M.YYYY', 'YYYY-MM']);
    expect(parse('29/02/2024')).toBe('2024-02-29');
    expect(parse('3.7.2021')).toBe('2021-07-03');
    expect(parse('2019-11')).toBe('2019-11-01');
    expect(parse('29/02/2023')).toBeNull();
    expect(parse('31/06/2024')).toBeNull();
    expect(parse('2024-13')).toBeNull();
    expect(parse('2024-02-29')).toBeNull();
  });

  it('ends every outcome but open in the terminal status, a former officer’s gross misconduct as would-have-been-dismissed', () => {
    expect(importedTrack({ outcome: 'open', form: 'hearing', sanction: null }, false)).toEqual({
      status: 'received',
      reg17NoticeServed: false,
    });
    expect(importedTrack({ outcome: 'no_case_to_answer', form: 'hearing', sanction: null }, false)).toMatchObject({
      status: 'closed',
      caseToAnswer: 'no_case',
    });
    expect(importedTrack({ outcome: 'misconduct', form: 'meeting', sanction: 'written_warning' }, false)).toMatchObject(
      { status: 'closed', form: 'meeting', finding: 'misconduct', sanction: 'written_warning' },
    );
    expect(
      importedTrack({ outcome: 'gross_misconduct', form: 'hearing', sanction: 'dismissal_without_notice' }, true),
    ).toEqual({
      status: 'closed',
      reg17NoticeServed: false,
      severity: 'gross_misconduct',
      caseToAnswer: 'gross_misconduct',
      form: 'hearing',
      finding: 'would_have_been_dismissed',
    });
  });
});

describe('transforms, value-map options and messages', () => {
  const withPerson = (person: string, extra = '') =>
    parseMappingText(
      `name: t
${extra}files:
  - match: 'p*.csv'
    person:
${person}`,
      't.yaml',
    );

  it('normalises numbers, strips, changes case and applies declared replacements in placeholders', () => {
    const mapping = withPerson(
      `      key: '{id|number}'
      givenName: '{first|trim|title}'
      familyName: '{last|upper|noDots}'
      identifiers: [{ kind: collar, value: '{star|number|stripLeadingZeros}' }, { kind: staff, value: '{staff|stripPrefix:S-|stripSuffix:.0}' }]
      posting: { rank: '{rank|lower}', unit: { template: 'CPD unit {unit}', emptyIfAnyEmpty: true } }
`,
      "transforms: { noDots: { pattern: '\\.', replace: '' } }\n",
    );
    const map = compileFile(
      mapping,
      0,
      'p.csv',
      ['id', 'first', 'last', 'star', 'staff', 'rank', 'unit'],
      '2026-01-01',
    );
    const row = map(['130469.0', ' aNN marie ', 'o.neil', '00443.0', 'S-77.0', 'SERGEANT', ''], 2, 'raw');
    expect(row.rejected).toBeNull();
    expect(row.person).toMatchObject({ key: 't:130469', givenName: 'Ann Marie', familyName: 'ONEIL', posting: null });
    expect(row.person?.identifiers.map((i) => i.value)).toEqual(['443', '77']);
    expect(map(['12.50', 'a', 'b', '7', 'x', 'r', 'Gangs'], 3, 'raw').person).toMatchObject({
      key: 't:12.5',
      posting: { unitName: 'CPD unit Gangs', rank: 'r' },
    });
  });

  it('joins a list of template parts, dropping only the part whose placeholder is empty', () => {
    const mapping = withPerson(
      `      key: '{id}'
      givenName: '{first}'
      familyName: ['{last|upper}', { template: ' (district {district})', emptyIfAnyEmpty: true }]
`,
    );
    const map = compileFile(mapping, 0, 'p.csv', ['id', 'first', 'last', 'district'], '2026-01-01');
    expect(map(['1', 'Ann', 'Lee', '39'], 2, 'raw').person?.familyName).toBe('LEE (district 39)');
    expect(map(['2', 'Bo', 'Kay', ''], 3, 'raw').person?.familyName).toBe('KAY');
  });

  it('refuses an empty list of template parts, saying where', () => {
    const e = refusal(() => withPerson(`      key: '{id}'\n      givenName: []\n      familyName: '{id}'\n`));
    expect(JSON.stringify(e.fields)).toContain('givenName');
  });

  it('refuses an unknown transform, listing the ones there are', () => {
    const mapping = withPerson(`      key: '{id|integer}'\n      givenName: '{id}'\n      familyName: '{id}'\n`);
    const e = refusal(() => compileFile(mapping, 0, 'p.csv', ['id'], '2026-01-01'));
    expect(e.fields?.['files[0].person.key']).toBe(
      'unknown transform "integer" (built in: trim, upper, lower, title, number, stripPrefix, stripSuffix, stripLeadingZeros)',
    );
  });

  it('compares values without letter case when asked, and reads \\* as a literal star', () => {
    const mapping = withPerson(
      `      key: '{id}'
      givenName: '{id}'
      familyName: '{id}'
      sex: { column: sex, ignoreCase: true, values: { male: male, 'F*': female }, otherwise: not_stated }
      ethnicity: { column: eth, values: { 'White \\*': white, 'W*': other } }
`,
    );
    const map = compileFile(mapping, 0, 'p.csv', ['id', 'sex', 'eth'], '2026-01-01');
    expect(map(['1', 'MALE', 'White *'], 2, 'r').person).toMatchObject({ sex: 'male', ethnicity: 'white' });
    expect(map(['1', 'fem', 'White x'], 2, 'r').person).toMatchObject({ sex: 'female', ethnicity: 'other' });
    expect(map(['1', 'UNK', 'Black'], 2, 'r')).toMatchObject({ rejected: 'unmapped ethnicity "Black"' });
  });

  it('lists the allowed words for a bad constant, and the known settings for an unknown one', () => {
    const e = refusal(() =>
      parseMappingText(
        minimal('').replace("summary: 'Case {case}'", "summary: 'Case {case}', source: complaint"),
        'x.yaml',
      ),
    );
    expect(e.fields?.['files[0].allegation.case.source']).toBe(
      'must be one of: internal_report, public_complaint, anonymous_report, criminal_investigation, vetting, data_check, other (or a value map: { column, values, otherwise })',
    );
    const u = refusal(() =>
      withPerson(`      key: '{id}'\n      givenName: '{id}'\n      familyName: '{id}'\n      gender: x\n`),
    );
    expect(u.fields?.['files[0].person']).toMatch(
      /^Unrecognized key\(s\): gender \(the settings here are: key, givenName, familyName, personType, status, sex, ethnicity, dateOfBirth/,
    );
  });

  it('reads two-digit years with the 1969/2068 pivot', () => {
    const parse = compileDateFormats(['M/D/YY']);
    expect(parse('1/7/13')).toBe('2013-01-07');
    expect(parse('12/31/94')).toBe('1994-12-31');
    expect(parse('2/30/13')).toBeNull();
  });
});
