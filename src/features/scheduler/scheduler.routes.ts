import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Deps } from '../../kernel/deps.ts';
import { sweepStatus } from './sweep-status.ts';

/**
 * Prometheus gauges for the last sweep (any instance's): when it finished and whether it succeeded, so an
 * alert can fire when sweeps stop or fail. /health carries the same facts (health.routes.ts).
 */
export function registerSchedulerMetrics(app: FastifyInstance, deps: Deps): void {
  const registry = app.metricsRegistry;
  new client.Gauge({
    name: 'probity_sweep_last_finished_timestamp_seconds',
    help: 'When the last clock sweep finished (Unix time); 0 if none has',
    registers: [registry],
    async collect() {
      const run = (await sweepStatus(deps)).lastRun;
      this.set(run?.finishedAt ? Date.parse(run.finishedAt) / 1000 : 0);
    },
  });
  new client.Gauge({
    name: 'probity_sweep_last_success',
    help: 'Whether the last clock sweep succeeded (1), failed (0) or is running (-1)',
    registers: [registry],
    async collect() {
      const outcome = (await sweepStatus(deps)).lastRun?.outcome;
      this.set(outcome === 'ok' ? 1 : outcome === 'running' ? -1 : 0);
    },
  });
}
