import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../kernel/time/iso-date.ts';
import { CONDUCT_PERIODS } from '../../../kernel/time/conduct-periods.ts';
import { computeDeadline } from '../../../kernel/time/periods.ts';
import { extendByCareerBreaks, warningInForceOn, warningLastDayInForce, type CareerBreak } from './warning-length.ts';

/** The slow, obvious reading of the rule: walk day by day, counting only days outside every break. */
function walk(startOn: string, baseLastDay: string, breaks: CareerBreak[]): string | null {
  const inBreak = (d: number) =>
    breaks.some((b) => toDayNumber(b.startsOn) <= d && (b.endsOn === null || d <= toDayNumber(b.endsOn)));
  let toRun = toDayNumber(baseLastDay) - toDayNumber(startOn) + 1;
  let d = toDayNumber(startOn);
  for (let guard = 0; guard < 20000; guard += 1, d += 1) {
    if (inBreak(d)) {
      if (breaks.some((b) => b.endsOn === null && toDayNumber(b.startsOn) <= d)) return null;
      continue;
    }
    toRun -= 1;
    if (toRun === 0) return fromDayNumber(d);
  }
  throw new Error('did not finish');
}

const BASE = toDayNumber('2026-01-01');
const day = fc.integer({ min: 0, max: 1500 }).map((n) => fromDayNumber(BASE + n));
const aBreak = fc
  .tuple(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 200 }), fc.boolean())
  .map(([s, len, open]): CareerBreak => ({
    startsOn: fromDayNumber(BASE + s),
    endsOn: open ? null : fromDayNumber(BASE + s + len),
  }));
const closedBreak = aBreak.map((b) => ({ ...b, endsOn: b.endsOn ?? b.startsOn }));
const warning = fc.tuple(day, fc.integer({ min: 1, max: 60 })).map(([startOn, months]) => ({ startOn, months }));

describe('career breaks extend a warning (Conduct Regs 2020 reg 42(4), 42(11), 62(5))', () => {
  it('reg 42(4): with no career break a warning ends on start + N months − 1 day', () => {
    fc.assert(
      fc.property(warning, ({ startOn, months }) => {
        const base = computeDeadline({ amount: months, unit: 'months', startRule: 'event_day' }, startOn);
        expect(warningLastDayInForce(startOn, months, [])).toBe(base);
      }),
    );
  });

  it('reg 42(11) / 62(5): agrees with walking the days one by one, for any breaks, open or overlapping', () => {
    fc.assert(
      fc.property(warning, fc.array(aBreak, { maxLength: 4 }), ({ startOn, months }, breaks) => {
        const base = computeDeadline({ amount: months, unit: 'months', startRule: 'event_day' }, startOn);
        expect(warningLastDayInForce(startOn, months, breaks)).toBe(walk(startOn, base, breaks));
      }),
    );
  });

  it('reg 42(11): the warning keeps its full running time, never ends early and never ends inside a break', () => {
    fc.assert(
      fc.property(warning, fc.array(closedBreak, { maxLength: 4 }), ({ startOn, months }, breaks) => {
        const base = computeDeadline({ amount: months, unit: 'months', startRule: 'event_day' }, startOn);
        const last = warningLastDayInForce(startOn, months, breaks);
        if (last === null) throw new Error('closed breaks always give an end');
        expect(last >= base).toBe(true);
        const inBreak = (d: number) =>
          breaks.some((b) => toDayNumber(b.startsOn) <= d && d <= toDayNumber(b.endsOn ?? b.startsOn));
        expect(inBreak(toDayNumber(last))).toBe(false);
        let running = 0;
        for (let d = toDayNumber(startOn); d <= toDayNumber(last); d += 1) if (!inBreak(d)) running += 1;
        expect(running).toBe(toDayNumber(base) - toDayNumber(startOn) + 1);
      }),
    );
  });

  it('reg 42(11): a break wholly before the warning or after its end changes nothing; adding a break never shortens it', () => {
    fc.assert(
      fc.property(
        warning,
        fc.array(closedBreak, { maxLength: 3 }),
        closedBreak,
        ({ startOn, months }, breaks, extra) => {
          const before = warningLastDayInForce(startOn, months, breaks);
          const after = warningLastDayInForce(startOn, months, [...breaks, extra]);
          if (before === null || after === null) throw new Error('closed breaks always give an end');
          expect(after >= before).toBe(true);
          if ((extra.endsOn ?? extra.startsOn) < startOn || extra.startsOn > before) expect(after).toBe(before);
        },
      ),
    );
  });
});

describe('career breaks extend a warning: real dates (Conduct Regs 2020 reg 42(11), reg 62(5))', () => {
  const fww = CONDUCT_PERIODS.final_written_warning_expiry.amount;
  const ww = CONDUCT_PERIODS.written_warning_expiry.amount;

  it('reg 62(5): a final written warning notified on Christmas Day 2026, with a break over Christmas 2026', () => {
    expect(warningLastDayInForce('2026-12-25', fww, [])).toBe('2028-12-24');
    // The break began the day before; from 25 Dec 2026 to 3 Jan 2027 inclusive is 10 days out of its time.
    const breaks = [{ startsOn: '2026-12-24', endsOn: '2027-01-03' }];
    expect(warningLastDayInForce('2026-12-25', fww, breaks)).toBe('2029-01-03');
  });

  it('reg 42(11): a written warning of 1 June 2025 with a 31-day break in December 2025', () => {
    expect(warningLastDayInForce('2025-06-01', ww, [])).toBe('2026-11-30');
    const breaks = [{ startsOn: '2025-12-01', endsOn: '2025-12-31' }];
    expect(warningLastDayInForce('2025-06-01', ww, breaks)).toBe('2026-12-31');
    // Still in force over Christmas 2026 because of the break; not without it.
    expect(warningInForceOn('2025-06-01', warningLastDayInForce('2025-06-01', ww, breaks), '2026-12-25')).toBe(true);
    expect(warningInForceOn('2025-06-01', warningLastDayInForce('2025-06-01', ww, []), '2026-12-25')).toBe(false);
  });

  it('reg 42(8): an open career break keeps a final written warning in force until the break ends', () => {
    const open = [{ startsOn: '2026-12-21', endsOn: null }];
    expect(warningLastDayInForce('2025-01-06', fww, open)).toBeNull();
    expect(warningInForceOn('2025-01-06', null, '2027-06-01')).toBe(true);
    // A break opened after the warning ran out changes nothing.
    expect(extendByCareerBreaks('2024-01-08', '2026-01-07', open)).toBe('2026-01-07');
  });
});
