import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../../db/client.ts';
import { ACTION_TABLE } from './allegation-table.ts';
import { ACTION_TYPES, type AllegationStatus } from './allegation-types.ts';
import { ALLEGATION_CLOCK_PERIODS, CLOCK_ENDINGS, clockEndingsOf, clockOutlivedItsStage } from './clock-endings.ts';

describe('what ends each clock (issue 17)', () => {
  it('supersedes the officer’s statement window with the report, and meets the pre-hearing with the finding', () => {
    expect(clockEndingsOf('submit_report', 'under_investigation', 'report_submitted')).toContainEqual({
      kind: 'stop_clock',
      period: 'reg18_representations',
      outcome: 'superseded',
    });
    expect(clockEndingsOf('record_finding', 'hearing_scheduled', 'finding_recorded')).toEqual([
      { kind: 'stop_clock', period: 'pre_hearing' },
    ]);
    expect(clockEndingsOf('withdraw', 'hearing_scheduled', 'withdrawn')).toEqual([
      { kind: 'stop_clock', period: 'pre_hearing', outcome: 'superseded' },
    ]);
    // A step that keeps the allegation where its clocks live ends nothing (a notice served mid-investigation).
    expect(clockEndingsOf('serve_reg17_notice', 'under_investigation', 'under_investigation')).toEqual([]);
  });

  it('leaves no clock that lives only in some states running once any step leaves those states', () => {
    const wrong: string[] = [];
    for (const action of ACTION_TYPES) {
      for (const from of ACTION_TABLE[action].from) {
        for (const period of ALLEGATION_CLOCK_PERIODS) {
          const rule = CLOCK_ENDINGS[period];
          if (rule.scope !== 'allegation' || rule.livesIn === 'any' || !rule.livesIn.includes(from)) continue;
          // Every state the step could lead to: a clock out of place there must be ended by the step.
          for (const to of new Set<AllegationStatus>([...rule.livesIn, 'closed', 'withdrawn', 'report_submitted'])) {
            if (!clockOutlivedItsStage(period, to)) continue;
            const ends = clockEndingsOf(action, from, to).some((e) => e.period === period);
            if (!ends) wrong.push(`${action} ${from} → ${to} leaves ${period} running`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the repair migration applies the same table (a change to one must change the other)', () => {
    const file = fs.readdirSync(migrationsFolder).find((f) => f.endsWith('_casework-clock-repair.sql'));
    if (!file) throw new Error('no repair migration');
    const text = fs.readFileSync(path.join(migrationsFolder, file), 'utf8');
    const rows = [...text.matchAll(/\('([a-z0-9_]+)', '\{([a-z_,]*)\}', '\{([a-z_,]*)\}'\)/g)].map((m) => ({
      period: m[1],
      metBy: (m[2] ?? '').split(',').filter(Boolean),
      livesIn: (m[3] ?? '').split(',').filter(Boolean),
    }));
    const declared = ALLEGATION_CLOCK_PERIODS.flatMap((period) => {
      const rule = CLOCK_ENDINGS[period];
      return rule.scope === 'allegation' && rule.livesIn !== 'any'
        ? [{ period, metBy: [...rule.metBy], livesIn: [...rule.livesIn] }]
        : [];
    });
    expect(rows).toEqual(declared);
  });
});
