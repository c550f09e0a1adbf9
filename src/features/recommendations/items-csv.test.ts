import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseItemsCsv } from './items-csv.ts';

const fixture = (name: string) =>
  fs.readFileSync(new URL(`../../../test/fixtures/recommendations/${name}`, import.meta.url), 'utf8');

describe('the report items CSV', () => {
  it('reads items with quoted commas, both date forms, short kind names and themes', () => {
    const { items, errors } = parseItemsCsv(fixture('items.csv'));
    expect(errors).toEqual([]);
    expect(items).toEqual([
      {
        line: 2,
        kind: 'recommendation',
        number: 1,
        text: 'Forces should check every clearance, and record it.',
        ownerBody: 'ChiefConstables',
        deadline: '2023-04-30',
        themes: ['vetting', 'records'],
        textVerified: true,
      },
      {
        line: 3,
        kind: 'recommendation',
        number: 2,
        text: 'Forces should record vetting rationale.',
        ownerBody: 'ChiefConstables',
        deadline: '2023-10-31',
        themes: ['vetting'],
        textVerified: false,
      },
      {
        line: 4,
        kind: 'recommendation',
        number: 3,
        text: 'The College should update guidance.',
        ownerBody: 'CollegeOfPolicing',
        deadline: null,
        themes: ['guidance'],
        textVerified: false,
      },
      {
        line: 5,
        kind: 'area_for_improvement',
        number: 1,
        text: 'Forces could improve their records.',
        ownerBody: 'ChiefConstables',
        deadline: null,
        themes: [],
        textVerified: false,
      },
    ]);
  });

  it('names every bad line with every problem on it', () => {
    const { errors } = parseItemsCsv(fixture('items-bad.csv'));
    expect(errors).toHaveLength(4);
    expect(errors[0]).toBe('Line 3: kind must be recommendation or area_for_improvement');
    expect(errors[1]).toMatch(
      /^Line 4: owner_body must be one of ChiefConstables, .*; deadline must be a real date as YYYY-MM-DD or DD\/MM\/YYYY; verified must be yes or no; number/,
    );
    expect(errors[2]).toBe('Line 5: recommendation 1 is also on line 2');
    expect(errors[3]).toBe('Line 6: text is empty');
  });

  it('counts lines of quoted text that run over several lines', () => {
    const { items, errors } = parseItemsCsv(
      'kind,number,text,owner_body\nrecommendation,1,"First line\nsecond line",NPCC\nrecommendation,x,Bad,NPCC\n',
    );
    expect(items[0]?.text).toBe('First line\nsecond line');
    expect(errors).toEqual(['Line 4: number must be a whole number']);
  });

  it('refuses a file without the required columns, an empty file and broken quoting', () => {
    expect(parseItemsCsv('kind,text\nrecommendation,x\n').errors).toEqual([
      'Line 1: the header row must name the columns number, owner_body (found: kind, text)',
    ]);
    expect(parseItemsCsv('').errors).toEqual(['The file is empty: it needs a header row and at least one item']);
    expect(parseItemsCsv('kind,number,text,owner_body\n').errors).toEqual(['The file has a header row but no items']);
    expect(parseItemsCsv('kind,number,text,owner_body\nrecommendation,1,"unclosed,NPCC\n').errors[0]).toMatch(
      /^Line \d+: the file is not valid CSV/,
    );
  });
});
