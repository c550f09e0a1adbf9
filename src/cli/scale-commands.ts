import { AppError } from '../kernel/errors.ts';
import { seedScale, type SeedScaleProgress } from '../features/scale/seed-scale.ts';
import { DEFAULT_SEED, planScale, totalsOf, UnknownForceError, type Scale } from '../features/scale/scale-plan.ts';
import { accountEmail } from '../features/scale/synthetic-organisation.ts';
import { DEMO_PASSWORD, demoTotpSecret } from '../features/organisation/demo-accounts.ts';
import { openContext } from './context.ts';

export type SeedScaleCommandOptions = { scale: Scale; seed?: string; force?: string };

const number = new Intl.NumberFormat('en-GB');

function parseSeed(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_SEED;
  if (!/^\d{1,9}$/.test(raw))
    throw new AppError('validation', `--seed must be a whole number (up to 9 digits), not "${raw}"`);
  return Number(raw);
}

/** Progress on stderr (stdout stays for the summary): rows so far and the rate, at most every two seconds. */
function progressPrinter(): (p: SeedScaleProgress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 2000 && p.phase === 'cases' && p.casesDone < p.casesTotal) return;
    last = now;
    const rate = p.seconds > 0 ? Math.round(p.rows / p.seconds) : 0;
    const where = p.force
      ? `[${p.forceIndex + 1}/${p.forces}] ${p.force} ${p.phase}${p.phase === 'cases' ? ` ${number.format(p.casesDone)}/${number.format(p.casesTotal)}` : ''}`
      : p.phase;
    process.stderr.write(
      `${where}: ${number.format(p.rows)} rows in ${p.seconds.toFixed(1)} s (${number.format(rate)} rows/s)\n`,
    );
  };
}

export async function seedScaleCommand(o: SeedScaleCommandOptions): Promise<void> {
  const seed = parseSeed(o.seed);
  let totals;
  try {
    totals = totalsOf(planScale({ scale: o.scale, seed, ...(o.force ? { force: o.force } : {}) }));
  } catch (err) {
    if (err instanceof UnknownForceError) throw new AppError('validation', err.message);
    throw err;
  }
  const ctx = await openContext('probity seed --scale');
  try {
    process.stderr.write(
      `Generating ${o.scale} scale data (seed ${seed}): about ${number.format(totals.people)} people and ${number.format(totals.cases)} cases on ${ctx.config.database.engine}…\n`,
    );
    const summary = await seedScale(ctx.deps, {
      scale: o.scale,
      seed,
      ...(o.force ? { force: o.force } : {}),
      onProgress: progressPrinter(),
    });
    if (!summary.seeded) {
      console.log(summary.reason);
      return;
    }
    const t = summary.byTable;
    console.log(
      `Loaded ${summary.forces.length} force${summary.forces.length === 1 ? '' : 's'} (seed ${summary.seed}, today ${summary.today}): ${number.format(summary.people)} people, ${number.format(summary.users)} accounts, ` +
        `${number.format(t['cases'] ?? 0)} cases, ${number.format(t['allegations'] ?? 0)} allegations, ${number.format(t['allegation_events'] ?? 0)} allegation events, ${number.format(t['clocks'] ?? 0)} clocks.`,
    );
    console.log(
      `${number.format(summary.rows)} rows in ${summary.loadSeconds.toFixed(1)} s (${number.format(Math.round(summary.rows / Math.max(summary.loadSeconds, 0.001)))} rows/s); vacuum and analyse ${summary.vacuumSeconds.toFixed(1)} s.`,
    );
    const aa = accountEmail(summary.forces[0] ?? '', 'aa');
    console.log(
      `Sign in as ${aa} (appropriate authority; investigators are investigator1@…, investigator2@…) with the password ${DEMO_PASSWORD}.`,
    );
    console.log(
      `Second factor: add the key ${demoTotpSecret(aa)} to an authenticator app (each account's key is derived from its email, as for the demo accounts).`,
    );
  } finally {
    await ctx.close();
  }
}
