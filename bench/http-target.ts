import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { projectRoot } from '../src/kernel/project-root.ts';

/** The application under load: a child process (target-server.ts) on loopback, started and stopped by the harness. */

const root = projectRoot;

/** The harness's environment with the given overrides; an empty value removes the variable. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === '') delete env[k];
    else env[k] = v;
  }
  return env;
}

export async function startTarget(
  env: Record<string, string>,
): Promise<{ port: number; routes: { oversightSummary: boolean }; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/target-server.ts')], {
    cwd: root,
    env: childEnv({ ...env, LOG_LEVEL: 'silent' }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A server stuck in a query (PGlite runs it on the event loop) never sees SIGTERM: then it is killed.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before listening`)));
  });
  const parsed = JSON.parse(first) as { port: number; routes: { oversightSummary: boolean } };
  return { ...parsed, stop };
}
