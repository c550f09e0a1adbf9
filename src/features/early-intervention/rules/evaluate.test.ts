import { describe, expect, it } from 'vitest';
import { changeSince, evaluateRule, windowStart, type RuleSpec, type Signal } from './evaluate.ts';

const sig = (personId: string, kind: string, occurredOn: string, category: string | null = null): Signal => ({
  key: `${kind}:${personId}:${occurredOn}`,
  personId,
  kind,
  occurredOn,
  category,
  ref: { type: 'event', id: `${personId}-${occurredOn}` },
});
const rule = (over: Partial<RuleSpec> = {}): RuleSpec => ({
  signalKinds: ['conduct_allegation'],
  categoryPrefix: null,
  windowDays: 365,
  warningLevel: 2,
  criticalLevel: 3,
  ...over,
});

describe('the window', () => {
  it('counts today and the days before it, across a year end and a leap day', () => {
    expect(windowStart('2026-03-02', 365)).toBe('2025-03-03');
    expect(windowStart('2025-01-05', 10)).toBe('2024-12-27');
    // 2024 is a leap year: 29 February is one of the 30 days.
    expect(windowStart('2024-03-10', 30)).toBe('2024-02-10');
    expect(windowStart('2026-03-02', 1)).toBe('2026-03-02');
  });

  it('counts a signal on the first day of the window and not the day before, nor one dated after today', () => {
    const r = rule({ windowDays: 90, warningLevel: 1, criticalLevel: 5 });
    // 90 days ending 2026-03-02 start on 2025-12-03 (December 29 + January 31 + February 28 + 2 = 90).
    const inside = evaluateRule(r, [sig('p1', 'conduct_allegation', '2025-12-03')], '2026-03-02');
    const outside = evaluateRule(r, [sig('p1', 'conduct_allegation', '2025-12-02')], '2026-03-02');
    const future = evaluateRule(r, [sig('p1', 'conduct_allegation', '2026-03-03')], '2026-03-02');
    expect(inside.map((c) => c.personId)).toEqual(['p1']);
    expect(outside).toEqual([]);
    expect(future).toEqual([]);
  });

  it('moves with the day: the same signals alert today and not a month later', () => {
    const signals = [sig('p1', 'conduct_allegation', '2025-03-10'), sig('p1', 'conduct_allegation', '2025-09-01')];
    expect(evaluateRule(rule(), signals, '2026-03-02')).toHaveLength(1);
    expect(evaluateRule(rule(), signals, '2026-03-10')).toHaveLength(0);
  });
});

describe('levels, kinds and categories', () => {
  const signals = [
    sig('p1', 'conduct_allegation', '2026-01-01', 'discrimination.race'),
    sig('p1', 'conduct_allegation', '2026-01-05', 'discrimination'),
    sig('p1', 'conduct_allegation', '2026-01-09', 'honesty'),
    sig('p1', 'use_of_force', '2026-01-10'),
    sig('p2', 'conduct_allegation', '2026-02-01', 'honesty'),
  ];

  it('alerts at the warning level and at the critical level, with exactly the signals that counted', () => {
    const [p1, ...rest] = evaluateRule(rule(), signals, '2026-03-02');
    expect(rest).toEqual([]);
    expect(p1?.level).toBe('critical');
    expect(p1?.events.map((e) => e.occurredOn)).toEqual(['2026-01-01', '2026-01-05', '2026-01-09']);
    const warning = evaluateRule(rule({ criticalLevel: 4 }), signals, '2026-03-02');
    expect(warning.map((c) => [c.personId, c.level])).toEqual([['p1', 'warning']]);
  });

  it('filters by category and its sub-categories, never by a code that merely starts alike', () => {
    const r = rule({ categoryPrefix: 'discrimination', warningLevel: 2 });
    const withLookalike = [...signals, sig('p1', 'conduct_allegation', '2026-01-11', 'discriminationx')];
    const [p1] = evaluateRule(r, withLookalike, '2026-03-02');
    expect(p1?.events.map((e) => e.category)).toEqual(['discrimination.race', 'discrimination']);
  });

  it('counts several kinds together when the rule names them', () => {
    const r = rule({ signalKinds: ['conduct_allegation', 'use_of_force'], criticalLevel: 4 });
    expect(evaluateRule(r, signals, '2026-03-02')[0]?.level).toBe('critical');
  });
});

describe('what changed since the last run', () => {
  const today = '2026-03-02';
  const signals = [sig('p1', 'conduct_allegation', '2025-03-05'), sig('p1', 'conduct_allegation', '2026-01-01')];

  it('lists the signals that now count and those that left the window, and the level', () => {
    const first = evaluateRule(rule(), signals, today)[0];
    if (!first) throw new Error('expected an alert');
    expect(changeSince(null, first)).toEqual({
      added: first.events.map((e) => e.key),
      dropped: [],
      levelFrom: null,
      levelTo: 'warning',
    });
    expect(changeSince({ keys: first.events.map((e) => e.key), level: 'warning' }, first)).toBeNull();
    const later = evaluateRule(rule(), [...signals, sig('p1', 'conduct_allegation', '2026-03-06')], '2026-03-06')[0];
    if (!later) throw new Error('expected an alert');
    expect(changeSince({ keys: first.events.map((e) => e.key), level: 'warning' }, later)).toEqual({
      added: ['conduct_allegation:p1:2026-03-06'],
      dropped: ['conduct_allegation:p1:2025-03-05'],
      levelFrom: 'warning',
      levelTo: 'warning',
    });
  });
});
