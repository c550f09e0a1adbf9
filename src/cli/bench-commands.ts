import { AppError } from '../kernel/errors.ts';
import { DEFAULT_SEED, type Scale } from '../features/scale/scale-plan.ts';

export type BenchCommandOptions = {
  engine: 'pglite' | 'pg' | 'both';
  scale: Scale;
  quick?: boolean;
  keep?: boolean;
  seed?: string;
  duration?: string;
  only?: string;
};

const PARTS = ['import', 'http', 'overload', 'queries'] as const;

/** `probity bench` (npm run bench): the harness lives in bench/ and is loaded only when asked for. */
export async function benchCommand(o: BenchCommandOptions): Promise<void> {
  if (o.seed !== undefined && !/^\d{1,9}$/.test(o.seed))
    throw new AppError('validation', `--seed must be a whole number, not "${o.seed}"`);
  if (o.duration !== undefined && !/^\d{1,4}$/.test(o.duration))
    throw new AppError('validation', `--duration must be a whole number of seconds, not "${o.duration}"`);
  const only = o.only?.split(',').map((p) => p.trim());
  const unknown = only?.filter((p) => !(PARTS as readonly string[]).includes(p)) ?? [];
  if (unknown.length > 0)
    throw new AppError('validation', `--only takes ${PARTS.join(', ')}; not ${unknown.join(', ')}`);
  const { runBench } = await import('../../bench/run.ts');
  await runBench({
    engine: o.engine,
    scale: o.scale,
    quick: !!o.quick,
    keep: !!o.keep,
    seed: o.seed === undefined ? DEFAULT_SEED : Number(o.seed),
    ...(o.duration !== undefined ? { durationSeconds: Number(o.duration) } : {}),
    ...(only ? { only: only as (typeof PARTS)[number][] } : {}),
  });
}
