import { describe, expect, it } from 'vitest';
import { checkDecision, isSubstantive, type DecisionContext, type DecisionProposal } from './decision-rules.ts';

const good = 'The matter is twelve years old and was disclosed in full';
const rationale = {
  relevance: good,
  riskAssessment: 'Low risk: no repetition in twelve years of employment',
  mitigation: 'Annual integrity review and supervisor briefing',
  reason: 'Isolated, old, disclosed and not related to honesty',
};
const base: DecisionProposal = {
  outcome: 'grant',
  rationale: 'All checks clear or mitigated as recorded below',
  conditions: '',
  reasonsForApplicant: '',
  itemRationales: {},
};
const ctx: DecisionContext = { adverseItemIds: [], pendingMatches: 0, confirmedBarredMatches: 0, pendingChecks: 0 };

describe('what counts as a reason', () => {
  it('refuses blanks, placeholders and single words', () => {
    for (const t of [
      '',
      '   ',
      'n/a',
      'N/A.',
      'none',
      'see above',
      'ok',
      'acceptable',
      'not applicable',
      '1234567890 1234 56',
      'x x x x x x x x',
    ])
      expect(isSubstantive(t)).toBe(false);
  });
  it('accepts a sentence', () => {
    expect(isSubstantive(good)).toBe(true);
    expect(isSubstantive('Caution in 2009 for criminal damage, aged 17')).toBe(true);
  });
});

describe('the grant rule', () => {
  it('grants with no adverse information when the reasons are given', () => {
    expect(checkDecision(base, ctx)).toEqual({ ok: true });
  });

  it('cannot grant while an adverse item lacks any part of its rationale', () => {
    const verdict = checkDecision(
      { ...base, itemRationales: { a1: { ...rationale, mitigation: 'n/a' } } },
      { ...ctx, adverseItemIds: ['a1', 'a2'] },
    );
    expect(verdict.ok).toBe(false);
    if (verdict.ok || verdict.kind !== 'incomplete') throw new Error('expected field errors');
    expect(Object.keys(verdict.fields).sort()).toEqual([
      'items.a1.mitigation',
      'items.a2.mitigation',
      'items.a2.reason',
      'items.a2.relevance',
      'items.a2.riskAssessment',
    ]);
    expect(verdict.fields['items.a1.mitigation']).toMatch(/Enter mitigation/);
  });

  it('grants once every adverse item has a full rationale', () => {
    expect(
      checkDecision(
        { ...base, itemRationales: { a1: rationale, a2: rationale } },
        { ...ctx, adverseItemIds: ['a1', 'a2'] },
      ),
    ).toEqual({ ok: true });
  });

  it('needs the conditions for a grant with conditions, and the same item rationale', () => {
    const verdict = checkDecision(
      { ...base, outcome: 'grant_with_conditions', itemRationales: {} },
      { ...ctx, adverseItemIds: ['a1'] },
    );
    if (verdict.ok || verdict.kind !== 'incomplete') throw new Error('expected field errors');
    expect(verdict.fields['conditions']).toMatch(/conditions or risk-mitigation plan/);
    expect(verdict.fields['items.a1.reason']).toBeDefined();
    const ok = checkDecision(
      {
        ...base,
        outcome: 'grant_with_conditions',
        conditions: 'Not to be posted to child protection for two years',
        itemRationales: { a1: rationale },
      },
      { ...ctx, adverseItemIds: ['a1'] },
    );
    expect(ok).toEqual({ ok: true });
  });

  it('does not ask for item rationale on a refusal, but asks for reasons and what the applicant may be told', () => {
    const verdict = checkDecision(
      { ...base, outcome: 'refuse', rationale: 'x', reasonsForApplicant: '' },
      { ...ctx, adverseItemIds: ['a1'] },
    );
    if (verdict.ok || verdict.kind !== 'incomplete') throw new Error('expected field errors');
    expect(Object.keys(verdict.fields).sort()).toEqual(['rationale', 'reasonsForApplicant']);
    expect(
      checkDecision(
        {
          ...base,
          outcome: 'refuse',
          rationale: 'Undisclosed conviction for dishonesty in 2019',
          reasonsForApplicant: 'Information was found that you did not declare',
        },
        { ...ctx, adverseItemIds: ['a1'] },
      ),
    ).toEqual({ ok: true });
  });

  it('needs the reason for a discontinuance', () => {
    const verdict = checkDecision({ ...base, outcome: 'discontinue', rationale: 'bail' }, ctx);
    if (verdict.ok || verdict.kind !== 'incomplete') throw new Error('expected field errors');
    expect(verdict.fields['rationale']).toMatch(/under investigation or on police bail/);
  });

  it('blocks every outcome while a list match waits for a human decision', () => {
    for (const outcome of ['grant', 'refuse', 'discontinue'] as const) {
      const verdict = checkDecision(
        { ...base, outcome, rationale: good, reasonsForApplicant: good },
        { ...ctx, pendingMatches: 2 },
      );
      expect(verdict).toEqual({
        ok: false,
        kind: 'blocked',
        message: 'Decide the 2 possible barred or advisory list matches before deciding the application',
      });
    }
  });

  it('blocks a grant over a confirmed barred-list match or a pending check, but not a refusal', () => {
    expect(checkDecision(base, { ...ctx, confirmedBarredMatches: 1 })).toEqual({
      ok: false,
      kind: 'blocked',
      message: 'The applicant is confirmed as on the Police Barred List: clearance cannot be granted',
    });
    expect(checkDecision(base, { ...ctx, pendingChecks: 3 })).toEqual({
      ok: false,
      kind: 'blocked',
      message: 'Record the result of every check before granting (3 still pending)',
    });
    expect(
      checkDecision(
        { ...base, outcome: 'refuse', rationale: good, reasonsForApplicant: good },
        { ...ctx, confirmedBarredMatches: 1, pendingChecks: 3 },
      ),
    ).toEqual({ ok: true });
  });
});
