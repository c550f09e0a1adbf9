import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Deps } from '../../kernel/deps.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { hashPassword } from '../auth/index.ts';
import { DEMO_PASSWORD } from '../organisation/index.ts';
import { refreshAllegationFigures } from '../misconduct/index.ts';
import type { CopyTable } from './copy-text.ts';
import { forceBatches, type ForceContext } from './force-rows.ts';
import { seedFrom } from './fast-rng.ts';
import { planScale, type ScaleOptions } from './scale-plan.ts';
import { existingForceIds, inBulkTransaction, vacuumAnalyze } from './scale.repository.ts';
import { deadlineMemo } from './synthetic-clocks.ts';
import { buildTrackLibrary } from './track-library.ts';

/**
 * `probity seed --scale force|national`: deterministic synthetic forces written straight into the tables
 * by bulk COPY, one transaction per force (a failure leaves that force out entirely), each with one
 * `demo.seeded` audit event. While a chunk of rows is being copied the next is generated, so the
 * database and the generator work at the same time. Statistics are refreshed at the end.
 */

export type SeedScaleProgress = {
  force: string;
  forceIndex: number;
  forces: number;
  phase: string;
  casesDone: number;
  casesTotal: number;
  rows: number;
  seconds: number;
};
export type SeedScaleSummary = {
  seeded: boolean;
  reason: string | null;
  scale: ScaleOptions['scale'];
  seed: number;
  today: string;
  forces: string[];
  people: number;
  cases: number;
  users: number;
  rows: number;
  byTable: Record<string, number>;
  loadSeconds: number;
  vacuumSeconds: number;
};

export type SeedScaleOptions = ScaleOptions & {
  onProgress?: (p: SeedScaleProgress) => void;
  chunkCases?: number;
  vacuum?: boolean;
};

export async function seedScale(deps: Deps, options: SeedScaleOptions): Promise<SeedScaleSummary> {
  const plan = planScale(options);
  const today = ukToday(deps.now());
  const summary: SeedScaleSummary = {
    seeded: false,
    reason: null,
    scale: plan.scale,
    seed: plan.seed,
    today,
    forces: [],
    people: 0,
    cases: 0,
    users: 0,
    rows: 0,
    byTable: {},
    loadSeconds: 0,
    vacuumSeconds: 0,
  };
  const existing = await existingForceIds(
    deps.db,
    plan.forces.map((f) => f.id),
  );
  if (existing.length > 0)
    return { ...summary, reason: `The database already holds ${existing.join(', ')}; nothing loaded.` };

  const started = performance.now();
  const rules = { periods: deps.config.rules.periods, calendar: deps.config.rules.calendar };
  const ctx: ForceContext = {
    library: buildTrackLibrary(seedFrom(plan.seed, 'tracks')),
    rules,
    dueOf: deadlineMemo(rules),
    today,
    now: deps.now(),
    passwordHash: await hashPassword(DEMO_PASSWORD),
  };
  const seconds = () => (performance.now() - started) / 1000;

  for (const [forceIndex, forcePlan] of plan.forces.entries()) {
    const users = await inBulkTransaction(deps.db, async (writer) => {
      const batches = forceBatches(forcePlan, ctx, options.chunkCases);
      let inflight: Promise<void> | null = null;
      let failure: { error: unknown } | null = null;
      const settle = async () => {
        if (inflight) await inflight;
        if (failure) throw failure.error;
      };
      let accounts = 0;
      const write = async (tables: readonly CopyTable[], phase: string, casesDone: number) => {
        for (const table of tables) {
          const n = await writer.copy(table);
          summary.byTable[table.table] = (summary.byTable[table.table] ?? 0) + n;
          summary.rows += n;
          if (table.table === 'users') accounts += n;
        }
        options.onProgress?.({
          force: forcePlan.id,
          forceIndex,
          forces: plan.forces.length,
          phase,
          casesDone,
          casesTotal: forcePlan.cases,
          rows: summary.rows,
          seconds: seconds(),
        });
      };
      for (let next = batches.next(); !next.done; next = batches.next()) {
        const batch = next.value;
        if (!batch.ready) {
          // Let the COPY under way move its bytes while the next chunk is generated.
          if (inflight) await yieldToEventLoop();
          continue;
        }
        await settle();
        // Caught here and rethrown by settle(), so a failed COPY is never an unhandled rejection meanwhile.
        inflight = write(batch.tables, batch.phase, batch.casesDone).catch((error: unknown) => {
          failure = { error };
        });
        if (batch.phase !== 'cases') await settle();
      }
      await settle();
      await writer.checksOn();
      await refreshAllegationFigures(writer.db, forcePlan.id, 'whole force');
      await recordAudit(
        writer.db,
        systemActor('probity seed --scale', forcePlan.id),
        { type: 'system', id: 'seed' },
        {
          type: 'demo.seeded',
          forces: [forcePlan.id],
          people: forcePlan.people,
          users: accounts,
        },
      );
      return accounts;
    });
    summary.forces.push(forcePlan.id);
    summary.people += forcePlan.people;
    summary.cases += forcePlan.cases;
    summary.users += users;
  }
  summary.loadSeconds = seconds();
  if (options.vacuum !== false) {
    options.onProgress?.({
      force: '',
      forceIndex: plan.forces.length,
      forces: plan.forces.length,
      phase: 'vacuum analyze',
      casesDone: 0,
      casesTotal: 0,
      rows: summary.rows,
      seconds: seconds(),
    });
    const vacuumStart = performance.now();
    await vacuumAnalyze(deps.db);
    summary.vacuumSeconds = (performance.now() - vacuumStart) / 1000;
  }
  return { ...summary, seeded: true };
}
