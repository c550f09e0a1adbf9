import { describe, expect, it } from 'vitest';
import { FORCE_HEADCOUNTS } from './force-headcounts.ts';
import { CASES_PER_PERSON, DEFAULT_FORCE, planScale, totalsOf, UnknownForceError } from './scale-plan.ts';

describe('the size of the synthetic data', () => {
  it('nationally: the 43 forces of England and Wales, people and cases in proportion to officer headcount', () => {
    const plan = planScale({ scale: 'national', seed: 7 });
    expect(plan.forces).toHaveLength(43);
    expect(new Set(plan.forces.map((f) => f.id)).size).toBe(43);
    const officers = FORCE_HEADCOUNTS.reduce((n, f) => n + f.officers, 0);
    expect(officers).toBe(127_381);
    const totals = totalsOf(plan);
    // About 240,000 people and a million cases over ten years.
    expect(totals.people).toBeGreaterThan(225_000);
    expect(totals.people).toBeLessThan(245_000);
    expect(totals.cases).toBeGreaterThan(900_000);
    expect(totals.cases).toBeLessThan(1_050_000);
    for (const force of plan.forces) {
      const share = force.officers / officers;
      // Proportional up to rounding to whole people and cases.
      expect(Math.abs(force.people - share * totals.people)).toBeLessThan(2);
      expect(Math.abs(force.cases - force.people * CASES_PER_PERSON)).toBeLessThanOrEqual(0.5);
    }
    const met = plan.forces.find((f) => f.id === 'metropolitan');
    const warwickshire = plan.forces.find((f) => f.id === 'warwickshire');
    expect(met && warwickshire && met.people / warwickshire.people).toBeCloseTo(31_556 / 956, 1);
  });

  it('each force gets its own seed, derived from the run seed', () => {
    const a = planScale({ scale: 'national', seed: 7 });
    const b = planScale({ scale: 'national', seed: 8 });
    expect(new Set(a.forces.map((f) => f.seed)).size).toBe(43);
    expect(a.forces.map((f) => f.seed)).toEqual(planScale({ scale: 'national', seed: 7 }).forces.map((f) => f.seed));
    expect(a.forces[0]?.seed).not.toBe(b.forces[0]?.seed);
  });

  it('at force scale: one force of realistic size, about 15,000 cases over ten years', () => {
    const plan = planScale({ scale: 'force' });
    expect(plan.forces).toHaveLength(1);
    const [force] = plan.forces;
    expect(force?.id).toBe(DEFAULT_FORCE);
    expect(force?.people).toBeGreaterThan(3000);
    expect(force?.people).toBeLessThan(6000);
    expect(force?.cases).toBeGreaterThan(12_000);
    expect(force?.cases).toBeLessThan(20_000);
    expect(planScale({ scale: 'force', force: 'dorset' }).forces[0]?.name).toBe('Dorset Police');
  });

  it('shrinks for smoke tests, and refuses an unknown force or a force with the national scale', () => {
    const full = planScale({ scale: 'force', force: 'kent' }).forces[0];
    const small = planScale({ scale: 'force', force: 'kent', shrink: 0.1 }).forces[0];
    expect(small?.people).toBe(Math.round((full?.people ?? 0) / 10));
    expect(() => planScale({ scale: 'force', force: 'westshire' })).toThrow(UnknownForceError);
    expect(() => planScale({ scale: 'national', force: 'kent' })).toThrow(UnknownForceError);
    expect(() => planScale({ scale: 'force', shrink: 0 })).toThrow(RangeError);
  });
});
