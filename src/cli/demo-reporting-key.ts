import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../kernel/config/config.ts';

/**
 * The demo's reporting master key: created once (32 random bytes, base64, readable by the owner only) beside
 * the embedded database, or under ./data on PostgreSQL. Demo only — it sits next to the data it protects.
 */
export function demoReportingKeyFile(database: Config['database']): string {
  const dir =
    database.engine === 'pglite' && database.dataDir !== 'memory://' ? database.dataDir : path.resolve('data');
  const file = path.join(dir, 'demo-reporting.key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return file;
}
