import type { PeriodKey } from '../../kernel/time/periods.ts';
import { toDay } from '../misconduct/index.ts';
import type { CopyTable } from './copy-text.ts';
import { fastRng } from './fast-rng.ts';
import type { ForcePlan } from './scale-plan.ts';
import { caseTables, tablesInOrder } from './synthetic-case-rows.ts';
import { CaseGenerator } from './synthetic-cases.ts';
import type { ClockRules } from './synthetic-clocks.ts';
import { addClearances, vettingTables } from './synthetic-integrity.ts';
import { organisationTables } from './synthetic-org-rows.ts';
import { buildSyntheticForce, type SyntheticForce } from './synthetic-organisation.ts';
import type { TrackLibrary } from './track-library.ts';

/**
 * Everything one synthetic force consists of, as a stream of COPY batches in foreign-key order: the
 * organisation and accounts, the vetting clearances, then the cases in chunks. Generation is synchronous
 * and deterministic for the force's seed; it pauses (a batch with `ready: false`) every slice of cases so
 * the caller can let a COPY already under way make progress meanwhile.
 */

export type ForceContext = {
  library: TrackLibrary;
  rules: ClockRules;
  dueOf: (p: PeriodKey, day: number) => number;
  today: string;
  now: Date;
  passwordHash: string;
};
export type ForceBatch = {
  ready: boolean;
  phase: 'organisation' | 'vetting' | 'cases';
  tables: CopyTable[];
  casesDone: number;
  casesTotal: number;
};

/** Cases per COPY batch and per pause for the caller. */
export const CHUNK_CASES = 5000;
export const SLICE_CASES = 250;

export function* forceBatches(
  plan: ForcePlan,
  ctx: ForceContext,
  chunk = CHUNK_CASES,
  slice = SLICE_CASES,
): Generator<ForceBatch, SyntheticForce> {
  const rng = fastRng(plan.seed);
  const today = toDay(ctx.today);
  const force = buildSyntheticForce(plan, ctx.today, rng);
  yield {
    ready: true,
    phase: 'organisation',
    tables: organisationTables(force, ctx.passwordHash, ctx.now),
    casesDone: 0,
    casesTotal: plan.cases,
  };
  const vetting = vettingTables();
  addClearances(vetting, force, rng, ctx.dueOf, today);
  yield {
    ready: true,
    phase: 'vetting',
    tables: [vetting.clearances, vetting.vettingClocks],
    casesDone: 0,
    casesTotal: plan.cases,
  };
  const generator = new CaseGenerator({ force, library: ctx.library, rules: ctx.rules, dueOf: ctx.dueOf, today, rng });
  while (generator.generated < generator.total) {
    const tables = caseTables();
    let inChunk = 0;
    while (inChunk < chunk && generator.generated < generator.total) {
      inChunk += generator.nextChunk(tables, Math.min(slice, chunk - inChunk));
      const ready = inChunk >= chunk || generator.generated >= generator.total;
      yield {
        ready,
        phase: 'cases',
        tables: ready ? tablesInOrder(tables) : [],
        casesDone: generator.generated,
        casesTotal: generator.total,
      };
    }
  }
  return force;
}
