import type { Db } from '../db/client.ts';
import type { Config } from './config/config.ts';

/** What every use case may depend on. A clock is injected so that time-based rules are testable. */
export type Deps = {
  db: Db;
  config: Config;
  now: () => Date;
};
