import type { Deps } from '../src/kernel/deps.ts';
import type { Database } from '../src/db/client.ts';
import { findUserByEmail } from '../src/features/auth/accounts.repository.ts';
import { principalOf } from '../src/features/auth/sessions.ts';
import { lockClocksToSweep } from '../src/features/clocks/clock-sweep.repository.ts';
import { forceOverdue, myDeadlines } from '../src/features/deadlines/list-deadlines.ts';
import { accountEmail } from '../src/features/scale/synthetic-organisation.ts';
import {
  measurement,
  medianMs,
  targets,
  type BenchScale,
  type Engine,
  type Measurement,
  type Skipped,
} from './measure.ts';
import { ukToday } from '../src/kernel/time/dates.ts';
import { evaluateRule } from '../src/features/early-intervention/rules/evaluate.ts';
import { addDays } from '../src/features/early-intervention/rules/dates.ts';
import { loadSignals } from '../src/features/early-intervention/signals.repository.ts';

/*
 * Single queries, timed one at a time (median of several runs after a warm-up), each beside the cost of
 * reading the whole table it works on (count(*)), measured in the same run; the round trip of `select 1`
 * is kept in the details. The sweeper's batch is taken inside a transaction that is rolled back, so the
 * data is the same for every run. The oversight dashboard's queries are timed in a child process
 * (dashboard.ts), so one that never finishes cannot stop the benchmark.
 */

export type QueryOptions = {
  engine: Engine;
  scale: BenchScale;
  forceId: string;
  runs: number;
  log: (line: string) => void;
};

class Rollback extends Error {}

export async function runQueryScenarios(
  database: Database,
  deps: Deps,
  o: QueryOptions,
): Promise<{ measurements: Measurement[]; skipped: Skipped[]; reference: { ms: number; name: string } }> {
  const today = ukToday(deps.now());
  const aaUser = await findUserByEmail(deps.db, accountEmail(o.forceId, 'aa'));
  const invUser = await findUserByEmail(deps.db, accountEmail(o.forceId, 'investigator1'));
  if (!aaUser || !invUser) throw new Error(`no synthetic accounts in ${o.forceId}`);
  const aa = principalOf(aaUser);
  const investigator = principalOf(invUser);
  const select1 = await medianMs(() => database.query('select 1'), o.runs, 2);
  const countClocks = await medianMs(() => database.query('select count(*) from clocks'), o.runs, 1);
  const countedClocks = Number((await database.query<{ n: string }>('select count(*) as n from clocks'))[0]?.n ?? 0);
  const refName = `select count(*) from clocks (${countedClocks} rows)`;
  const details = (extra: Record<string, number | string>) => ({
    selectOneMs: Math.round(select1.median * 1000) / 1000,
    clocks: countedClocks,
    runs: o.runs,
    ...extra,
  });
  const queryTarget = targets.figureBelow(300, 'ms', 'query');
  const out: Measurement[] = [];

  let swept = 0;
  const sweep = await medianMs(async () => {
    try {
      await deps.db.transaction(async (tx) => {
        swept = (await lockClocksToSweep(tx, today, 200)).length;
        throw new Rollback();
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
  }, o.runs);
  out.push(
    measurement({
      name: 'clock sweep: one batch (200, FOR UPDATE SKIP LOCKED)',
      engine: o.engine,
      scale: o.scale,
      figure: sweep.median,
      unit: 'ms',
      referenceName: refName,
      reference: countClocks.median,
      details: details({ rowsFound: swept }),
      target: queryTarget,
    }),
  );

  let overdue = 0;
  const overdueList = await medianMs(async () => {
    overdue = (await forceOverdue(deps, aa, { today }, null)).items.length;
  }, o.runs);
  out.push(
    measurement({
      name: 'deadlines overdue in the force (authority)',
      engine: o.engine,
      scale: o.scale,
      figure: overdueList.median,
      unit: 'ms',
      referenceName: refName,
      reference: countClocks.median,
      details: details({ rows: overdue }),
      target: queryTarget,
    }),
  );

  let mine = 0;
  const myList = await medianMs(async () => {
    const d = await myDeadlines(deps, investigator, { today }, null);
    mine = d.overdue.length + d.dueThisWeek.length + d.later.length;
  }, o.runs);
  out.push(
    measurement({
      name: 'my deadlines (investigator)',
      engine: o.engine,
      scale: o.scale,
      figure: myList.median,
      unit: 'ms',
      referenceName: refName,
      reference: countClocks.median,
      details: details({ rows: mine }),
      target: queryTarget,
    }),
  );

  // Early intervention (docs/early-intervention.md): a scoring run's work for one rule — every conduct
  // allegation of the year read as signals and counted per person against the levels — beside the floor of
  // one plain GROUP BY person over the same rows, measured in the same run (target: within 3x).
  const since = addDays(today, -364);
  const rule = {
    signalKinds: ['conduct_allegation'],
    categoryPrefix: null,
    windowDays: 365,
    warningLevel: 3,
    criticalLevel: 5,
  };
  let crossing = 0;
  let signalCount = 0;
  const scoring = await medianMs(async () => {
    const signals = await loadSignals(deps.db, o.forceId, rule.signalKinds, since, today);
    signalCount = signals.length;
    crossing = evaluateRule(rule, signals, today).length;
  }, o.runs);
  const floor = await medianMs(
    () =>
      database.query(
        `select person_id, count(*) from allegation_figures where force_id = $1 and received_on between $2 and $3 group by person_id`,
        [o.forceId, since, today],
      ),
    o.runs,
  );
  out.push(
    measurement({
      name: 'early intervention: one rule scored over a year of allegations',
      engine: o.engine,
      scale: o.scale,
      figure: scoring.median,
      unit: 'ms',
      referenceName: 'select person_id, count(*) … group by person_id (same rows)',
      reference: floor.median,
      details: details({ signals: signalCount, peopleCrossing: crossing }),
      target: targets.ratioAtMost(3, 'scoring'),
    }),
  );

  const skipped: Skipped[] = [];
  for (const m of out) o.log(`  ${m.name}: ${m.figure} ms (reference ${m.reference} ms)`);
  return { measurements: out, skipped, reference: { ms: countClocks.median, name: refName } };
}
