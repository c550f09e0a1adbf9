import { describe, expect, it } from 'vitest';
import { givenRationale, reviewDecisionProblems, type ReviewDecisionFacts } from './decision-rules.ts';

const ctx = {
  today: '2026-03-20',
  openedOn: '2026-03-02',
  status: 'open' as const,
  unresolvedItemIds: [] as string[],
  liveClearances: 1,
};
const reason = 'The matter was fully explained and presents no continuing risk';
const full = { relevance: reason, riskAssessment: reason, mitigation: reason, reason };
const base: ReviewDecisionFacts = {
  outcome: 'maintain',
  decidedOn: '2026-03-20',
  rationale: 'The checks are clear and the allegation was not proven',
  conditions: '',
  items: {},
  harmTestConsidered: false,
  policeFriendOffered: false,
  reasonsForOfficer: '',
};

describe('the rules of a review’s outcome', () => {
  it('maintains a clearance with a real rationale and nothing unresolved', () => {
    expect(reviewDecisionProblems(base, ctx)).toEqual({});
  });

  it('wants a rationale in words, not a placeholder', () => {
    expect(reviewDecisionProblems({ ...base, rationale: 'ok' }, ctx)).toHaveProperty('rationale');
  });

  it('needs a rationale for EACH unresolved adverse item to keep the clearance (every part of it)', () => {
    const problems = reviewDecisionProblems(
      { ...base, items: { a: full, b: { ...full, mitigation: 'n/a' } } },
      { ...ctx, unresolvedItemIds: ['a', 'b', 'c'] },
    );
    expect(Object.keys(problems).sort()).toEqual(
      [
        'items.b.mitigation',
        'items.c.mitigation',
        'items.c.reason',
        'items.c.relevance',
        'items.c.riskAssessment',
      ].sort(),
    );
    expect(problems['items.b.mitigation']).toMatch(/for this adverse information/);
    expect(reviewDecisionProblems({ ...base, items: { a: full } }, { ...ctx, unresolvedItemIds: ['a'] })).toEqual({});
  });

  it('needs the conditions to maintain with conditions', () => {
    expect(reviewDecisionProblems({ ...base, outcome: 'maintain_with_conditions' }, ctx)).toHaveProperty('conditions');
    expect(
      reviewDecisionProblems(
        {
          ...base,
          outcome: 'maintain_with_conditions',
          conditions: 'No access to the intelligence systems for twelve months',
        },
        ctx,
      ),
    ).toEqual({});
  });

  it('needs the withdrawal assessment to withdraw: harm test, officer told, police friend, reasons — but no per-item rationale', () => {
    const withdraw = { ...base, outcome: 'withdraw' as const };
    expect(Object.keys(reviewDecisionProblems(withdraw, { ...ctx, unresolvedItemIds: ['a'] })).sort()).toEqual([
      'harmTestConsidered',
      'officerInformedOn',
      'policeFriendOffered',
      'reasonsForOfficer',
    ]);
    const complete = {
      ...withdraw,
      harmTestConsidered: true,
      officerInformedOn: '2026-03-10',
      policeFriendOffered: true,
      reasonsForOfficer: 'The conviction for dishonesty is incompatible with holding clearance',
    };
    expect(reviewDecisionProblems(complete, { ...ctx, unresolvedItemIds: ['a'] })).toEqual({});
    expect(
      reviewDecisionProblems({ ...complete, officerInformedOn: '2026-03-21', decidedOn: '2026-03-20' }, ctx),
    ).toHaveProperty('officerInformedOn');
  });

  it('cannot withdraw what the person does not hold', () => {
    const complete = {
      ...base,
      outcome: 'withdraw' as const,
      harmTestConsidered: true,
      officerInformedOn: '2026-03-10',
      policeFriendOffered: true,
      reasonsForOfficer: 'The conviction is incompatible with clearance',
    };
    expect(reviewDecisionProblems(complete, { ...ctx, liveClearances: 0 })).toEqual({
      outcome: 'This person holds no clearance to withdraw',
    });
  });

  it('refuses a date in the future or before the review opened, and a review already decided', () => {
    expect(reviewDecisionProblems({ ...base, decidedOn: '2026-03-21' }, ctx)).toHaveProperty('decidedOn');
    expect(reviewDecisionProblems({ ...base, decidedOn: '2026-03-01' }, ctx)).toHaveProperty('decidedOn');
    expect(reviewDecisionProblems(base, { ...ctx, status: 'completed' })).toHaveProperty('outcome');
    expect(reviewDecisionProblems({ ...base, decidedOn: undefined }, ctx)).toEqual({
      decidedOn: 'Enter the date of the decision',
    });
  });

  it('keeps only the parts of a rationale that were given', () => {
    expect(givenRationale(undefined)).toBeNull();
    expect(givenRationale({ relevance: '  ', reason: ' Because ' })).toEqual({ reason: 'Because' });
  });
});
