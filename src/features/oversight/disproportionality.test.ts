import { describe, expect, it } from 'vitest';
import { discloseTable } from './disclosure-control.ts';
import {
  completeGroups,
  computeDisproportionality,
  disproportionalityTable,
  ratePer1000,
  relativeRate,
  type GroupCounts,
} from './disproportionality.ts';

const counts = (subject: number, assessed: number, caseToAnswer: number, proceedings: number, dismissed: number) => ({
  subject,
  assessed,
  case_to_answer: caseToAnswer,
  proceedings,
  dismissed,
});

/** A force of 490: White 400, Black 40, Asian 50 (no Mixed, Other or Not stated). */
const ethnicity: GroupCounts[] = [
  { group: 'white', workforce: 400, counts: counts(20, 10, 6, 4, 2) },
  { group: 'black', workforce: 40, counts: counts(6, 4, 3, 2, 1) },
  { group: 'asian', workforce: 50, counts: counts(2, 1, 1, 0, 0) },
];

describe('disproportionality', () => {
  it('computes rates per 1,000 and relative rates against the reference group by hand', () => {
    const result = computeDisproportionality(completeGroups('ethnicity', ethnicity), 'white');
    const by = new Map(result.groups.map((g) => [g.group, g]));
    // White: 20 / 400 × 1,000 = 50.0 per 1,000 (the reference: relative rate 1.00).
    expect(by.get('white')?.stages.subject).toEqual({ count: 20, workforce: 400, ratePer1000: 50, relativeRate: 1 });
    // Black: 6 / 40 × 1,000 = 150.0; 150 / 50 = 3.00 times as likely to be the subject of an allegation.
    expect(by.get('black')?.stages.subject).toEqual({ count: 6, workforce: 40, ratePer1000: 150, relativeRate: 3 });
    // Asian: 2 / 50 × 1,000 = 40.0; 40 / 50 = 0.80.
    expect(by.get('asian')?.stages.subject.relativeRate).toBeCloseTo(0.8, 10);
    // Dismissal: White 2 / 400 × 1,000 = 5.0, Black 1 / 40 × 1,000 = 25.0 → 25 / 5 = 5.00.
    expect(by.get('black')?.stages.dismissed.relativeRate).toBe(5);
    // Case to answer: White 6 / 400 × 1,000 = 15.0, Black 3 / 40 × 1,000 = 75.0 → 5.00; Asian 1 / 50 × 1,000 = 20.0 → 1.33….
    expect(by.get('black')?.stages.case_to_answer.relativeRate).toBe(5);
    expect(by.get('asian')?.stages.case_to_answer.relativeRate).toBeCloseTo(20 / 15, 10);
    // Nobody is Mixed: no workforce, so no rate and no relative rate.
    expect(by.get('mixed')?.stages.subject).toEqual({ count: 0, workforce: 0, ratePer1000: null, relativeRate: null });
    // Everyone: 28 / 490 × 1,000 = 57.142…; no relative rate for the whole force.
    expect(result.all.workforce).toBe(490);
    expect(result.all.stages.subject.ratePer1000).toBeCloseTo(57.142857, 5);
    expect(result.all.stages.subject.relativeRate).toBeNull();
    expect(result.groups.map((g) => g.group)).toEqual(['asian', 'black', 'mixed', 'white', 'other', 'not_stated']);
  });

  it('has no relative rate when the reference group has no one at the stage', () => {
    expect(ratePer1000(0, 0)).toBeNull();
    expect(relativeRate(10, 0)).toBeNull();
    const result = computeDisproportionality(ethnicity, 'asian');
    // Asian proceedings: 0 / 50 → 0.0 per 1,000: nothing to compare with.
    expect(result.groups.find((g) => g.group === 'black')?.stages.proceedings.relativeRate).toBeNull();
  });

  it('shows PSD every figure of the stage table, and hides rates built on small counts from everyone else', () => {
    const result = computeDisproportionality(completeGroups('ethnicity', ethnicity), 'white');
    const spec = disproportionalityTable('ethnicity', 'subject', result);
    const psd = discloseTable(spec, { threshold: 5, unsuppressed: true });
    const row = (t: ReturnType<typeof discloseTable>, label: string) =>
      t.rows.find((r) => r.label === label)?.cells.map((c) => c.text);
    expect(row(psd, 'Black')).toEqual(['6', '40', '150.0', '3.00']);
    expect(row(psd, 'All people')).toEqual(['28', '490', '57.1', '–']);
    const pcc = discloseTable(spec, { threshold: 5, unsuppressed: false });
    // Asian 2 is hidden (primary); the people column would then give it away (28 − 20 − 6), so the smallest
    // shown count above zero goes too: Black 6, with the rates computed from it.
    expect(row(pcc, 'Asian')).toEqual(['[c]', '50', '[c]', '[c]']);
    expect(row(pcc, 'Black')).toEqual(['[c]', '40', '[c]', '[c]']);
    expect(row(pcc, 'Mixed')).toEqual(['0', '0', '–', '–']);
    expect(row(pcc, 'White')).toEqual(['20', '400', '50.0', '1.00']);
    expect(row(pcc, 'All people')).toEqual(['28', '490', '57.1', '–']);
  });
});
