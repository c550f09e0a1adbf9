import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { pgUrlFor, testEngine, testPgAdminUrl, testPgTemplate } from './engine.ts';

const run = promisify(execFile);
const bin = path.resolve('bin/probity.js');

export type CliResult = { code: number; stdout: string; stderr: string };

export type CliDatabase = {
  env: NodeJS.ProcessEnv;
  /** Runs the real `probity` command against this database. */
  probity: (...args: string[]) => Promise<CliResult>;
  drop: () => Promise<void>;
};

/**
 * A database of the suite's engine for a test file that runs the real `probity` command: a fresh embedded
 * data directory (not migrated: run `probity migrate`), or a PostgreSQL database copied from the migrated
 * test template. `name` keeps the directory and database apart from other files'.
 */
export async function cliDatabase(name: string, options: { timeoutMs?: number } = {}): Promise<CliDatabase> {
  const base = { ...process.env, LOG_LEVEL: 'silent', PUBLIC_URL: 'https://probity.test' };
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  if (testEngine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `probity-${name}-`));
    env = { ...base, PROBITY_DATA_DIR: dir };
    delete env['DATABASE_URL'];
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const database = `probity_${name.replace(/\W/g, '_')}_${process.pid}`;
    await admin(`drop database if exists ${database}`, `create database ${database} template ${testPgTemplate}`);
    env = { ...base, DATABASE_URL: pgUrlFor(database) };
    drop = () => admin(`drop database if exists ${database} with (force)`);
  }
  const probity = async (...args: string[]): Promise<CliResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        env,
        timeout: options.timeoutMs ?? 60_000,
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  return { env, probity, drop };
}

async function admin(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: testPgAdminUrl });
  await client.connect();
  try {
    for (const s of statements) await client.query(s);
  } finally {
    await client.end();
  }
}
