import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/errors.ts';
import { defaultTaxonomy } from '../misconduct/taxonomy.ts';
import { assignFiles } from './assign-files.ts';
import { checkTaxonomyCodes, loadMappingFile, parseMappingText } from './load-mapping.ts';
import { compileFile } from './map-row.ts';
import { compileDateFormats } from './source-dates.ts';
import { importedTrack } from './import-outcomes.ts';

/** The mapping file and the row mapping, without a database: every refusal must say what and where. */

const taxonomy = new Set(defaultTaxonomy.map((t) => t.code));

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const minimal = (allegation: string) => `
name: tiny
files:
  - match: 'rows*.csv'
    allegation:
      key: '{id}'
      person: 'p/{officer}'
      description: '{what}'
      case: { key: '{case}', reference: 'T-{case}', cameToAttention: { column: when }, summary: 'Case {case}' }
      category: { column: what, standards: [duties_responsibilities], values: { Rude: behaviours.impolite_language } }
      outcome: { column: result, values: { Upheld: misconduct, 'No case': no_case_to_answer }, sanction: { column: penalty, values: { Warning: written_warning, '': none } } }
${allegation}`;

describe('the mapping file', () => {
  it('reads the shipped NYC mapping and the UK fixture mapping, with checksums', () => {
    const nyc = loadMappingFile('mappings/nyc-ccrb.yaml');
    expect(nyc.mapping.name).toBe('nyc-ccrb');
    expect(nyc.mapping.files.map((f) => f.match)).toEqual([
      'active_officers*.csv',
      'inactive_officers*.csv',
      'active_complaints*.csv',
      'inactive_complaints*.csv',
    ]);
    expect(nyc.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(() => checkTaxonomyCodes(nyc.mapping, nyc.fileName, taxonomy)).not.toThrow();
    const uk = loadMappingFile('test/fixtures/import/uk-psd/psd-mapping.yaml');
    expect(uk.mapping.dateFormats).toEqual(['DD/MM/YYYY']);
    expect(uk.mapping.batchSize).toBe(5000);
  });

  it('refuses bad YAML, naming the line', () => {
    const e = refusal(() => parseMappingText('name: x\nfiles:\n  - match: [unclosed\n', 'bad.yaml'));
    expect(e.code).toBe('validation');
    expect(e.message).toMatch(/^The mapping file bad\.yaml is not valid YAML: .*line \d+/);
  });

  it('refuses bad JSON', () => {
    const e = refusal(() => parseMappingText('{"name": "x",', 'bad.json'));
    expect(e.message).toMatch(/^The mapping file bad\.json is not valid JSON/);
  });

  it('names every place that is wrong: unknown settings, bad outcomes and sanctions, a meeting finding gross misconduct', () => {
    const text = minimal('      colour: blue\n')
      .replace('Upheld: misconduct', 'Upheld: guilty')
      .replace('Warning: written_warning', 'Warning: fine')
      .replace("'No case': no_case_to_answer", "'No case': { outcome: gross_misconduct, form: meeting }");
    const e = refusal(() => parseMappingText(text, 'tiny.yaml'));
    expect(e.message).toBe('The mapping file tiny.yaml is not valid');
    expect(e.fields?.['files[0].allegation']).toMatch(/Unrecognized key.*colour/);
    expect(e.fields?.['files[0].allegation.outcome.values.Upheld']).toMatch(
      /must be an outcome \(no_further_action, no_case_to_answer/,
    );
    expect(e.fields?.['files[0].allegation.outcome.sanction.values.Warning']).toMatch(
      /must be one of: written_warning, final_written_warning, reduction_in_rank, dismissal_without_notice, none/,
    );
  });

  it('refuses a misconduct meeting that finds gross misconduct', () => {
    const e = refusal(() =>
      parseMappingText(
        minimal('').replace("'No case': no_case_to_answer", "'No case': { outcome: gross_misconduct, form: meeting }"),
        'tiny.yaml',
      ),
    );
    expect(e.fields?.['files[0].allegation.outcome.values["No case"]']).toBe(
      'a misconduct meeting cannot find gross misconduct: give form: hearing',
    );
  });

  it('refuses an unknown taxonomy code, suggesting the codes of its group', () => {
    const mapping = parseMappingText(
      minimal('').replace('behaviours.impolite_language', 'behaviours.impolite'),
      'tiny.yaml',
    );
    const e = refusal(() => checkTaxonomyCodes(mapping, 'tiny.yaml', taxonomy));
    expect(e.message).toBe('The mapping file tiny.yaml names categories that are not in the taxonomy');
    expect(e.fields?.['files[0].allegation.category.values.Rude']).toMatch(
      /^unknown taxonomy code "behaviours\.impolite" \(codes under behaviours: behaviours, behaviours\.impolite_language/,
    );
  });

  it('refuses a file whose header lacks a column the mapping reads, listing the columns it has', () => {
    const mapping = parseMappingText(minimal(''), 'tiny.yaml');
    const e = refusal(() =>
      compileFile(mapping, 0, 'rows.csv', ['id', 'officer', 'what', 'case', 'when', 'result'], '2026-01-01'),
    );
    expect(e.message).toBe('The mapping tiny does not fit rows.csv');
    expect(e.fields).toEqual({
      'files[0].allegation.outcome.sanction.column':
        'column "penalty" is not in rows.csv (its columns: id, officer, what, case, when, result)',
    });
  });

  it('matches files to entries by name and imports them in the mapping’s order; an unmatched file is refused', () => {
    const nyc = loadMappingFile('mappings/nyc-ccrb.yaml').mapping;
    const order = assignFiles(nyc, [
      'x/inactive_complaints.csv',
      'x/active_officers.csv',
      'x/active_complaints.csv',
      'x/inactive_officers.csv',
    ]);
    expect(order.map((f) => f.name)).toEqual([
      'active_officers.csv',
      'inactive_officers.csv',
      'active_complaints.csv',
      'inactive_complaints.csv',
    ]);
    const e = refusal(() => assignFiles(nyc, ['x/active_officers.csv', 'x/officers.txt', 'x/active_officers.csv']));
    expect(e.fields?.['files[1]']).toMatch(
      /^officers\.txt matches no entry of the mapping nyc-ccrb \(patterns: active_officers\*\.csv/,
    );
    expect(e.fields?.['files[2]']).toBe('active_officers.csv is given twice');
  });
});

describe('mapping a row', () => {
  const mapping = parseMappingText(minimal(''), 'tiny.yaml');
  const header = ['id', 'officer', 'what', 'case', 'when', 'result', 'penalty'];
  const map = compileFile(mapping, 0, 'rows.csv', header, '2026-01-01');

  it('makes an allegation with its case, namespaced source keys and the regime of its date', () => {
    const row = map(['a1', '042', 'Rude', 'C9', '2024-05-07', 'Upheld', 'Warning'], 2, 'raw');
    expect(row.rejected).toBeNull();
    expect(row.allegation).toMatchObject({
      key: 'tiny:a1',
      personKey: 'tiny:p/042',
      case: {
        key: 'tiny:C9',
        reference: 'T-C9',
        cameToAttentionOn: '2024-05-07',
        regimeVersion: '2020+2024',
        source: 'other',
        caseType: 'conduct_matter',
        summary: 'Case C9',
      },
      categoryCode: 'behaviours.impolite_language',
      standards: ['duties_responsibilities'],
      outcome: { outcome: 'misconduct', form: 'hearing', sanction: 'written_warning' },
    });
  });

  it('rejects with the reason: unmapped values (noted), bad and future dates, wrong column counts', () => {
    const unmapped = map(['a1', '042', 'Shouting', 'C9', '2024-05-07', 'Upheld', 'Warning'], 3, 'raw');
    expect(unmapped.rejected).toBe('unmapped category "Shouting"');
    expect(unmapped.unmapped).toEqual([{ map: 'category', value: 'Shouting', rejected: true }]);
    expect(unmapped.allegation).toBeNull();
    expect(map(['a1', '042', 'Rude', 'C9', '07/05/2024', 'Upheld', ''], 4, 'raw').rejected).toBe(
      '"07/05/2024" in when is not a date in the format YYYY-MM-DD',
    );
    expect(map(['a1', '042', 'Rude', 'C9', '2026-01-02', 'Upheld', ''], 5, 'raw').rejected).toBe(
      'the date 2026-01-02 is in the future',
    );
    expect(map(['a1', '042', 'Rude', 'C9', '', 'Upheld', ''], 6, 'raw').rejected).toBe('when is empty');
    expect(map(['a1', '042'], 7, 'raw').rejected).toBe('expected 7 columns, found 2');
  });

  it('takes no sanction for outcomes that have none, and reads "none" as no sanction', () => {
    expect(map(['a2', '042', 'Rude', 'C9', '2020-01-01', 'No case', 'Warning'], 2, '').allegation?.outcome).toEqual({
      outcome: 'no_case_to_answer',
      form: 'hearing',
      sanction: null,
    });
    expect(map(['a3', '042', 'Rude', 'C9', '2020-01-01', 'Upheld', ''], 2, '').allegation?.outcome.sanction).toBeNull();
  });
});

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
      'a file entry needs person, allegation or both; or history, complaint or complainant alone',
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
