import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv-write.ts';

describe('writing CSV', () => {
  it('quotes what needs quoting and doubles quotes', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 42, ['x', 'y']])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,42,x;y\n',
    );
  });

  it('defuses spreadsheet formulas but leaves negative numbers alone', () => {
    expect(csvField('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
  });
});
