import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../misconduct/taxonomy.ts';
import { assignFiles } from './assign-files.ts';
import { compileFile } from './map-row.ts';
import { checkTaxonomyCodes, loadMappingFile, parseMappingText } from './load-mapping.ts';
import { minimal } from '../../../test/fixtures/import/minimal-mapping.ts';
import { refusal } from '../../../test/support/refusal.ts';

/** The mapping file and the row mapping, without a database: every refusal must say what and where. */

const taxonomy = new Set(defaultTaxonomy.map((t) => t.code));

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
