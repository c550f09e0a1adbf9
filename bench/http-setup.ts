import { systemActor } from '../src/kernel/audit/audit-events.ts';
import { createApiToken } from '../src/features/auth/api-tokens.ts';
import { findUserByEmail } from '../src/features/auth/accounts.repository.ts';
import { principalOf, startSession } from '../src/features/auth/sessions.ts';
import { sql } from 'drizzle-orm';
import { rawRows } from '../src/db/raw-rows.ts';
import { listCasesFor } from '../src/features/misconduct/list-cases.ts';
import { accountEmail } from '../src/features/scale/synthetic-organisation.ts';
import type { Deps } from '../src/kernel/deps.ts';
import { type BenchScale, type Engine } from './measure.ts';

/** What the HTTP scenarios need: their options, and the tokens, sessions, ids and numbers they request with. */

export type HttpOptions = {
  engine: Engine;
  scale: BenchScale;
  forceId: string;
  connections: number;
  durationSeconds: number;
  env: Record<string, string>;
  log: (line: string) => void;
};
export type Scenario = { name: string; token: 'aa' | 'investigator' | null; paths: string[]; numberSearch?: boolean };
export type PageRole = 'aa' | 'investigator' | 'pcc' | 'vetting' | 'public';
export type Fixtures = {
  aaToken: string;
  investigatorToken: string;
  caseIds: string[];
  /** Session cookies of each role's account, for the pages. */
  sessions: Record<Exclude<PageRole, 'public'>, string>;
  /** Numbers held now, numbers held before, and parts of numbers (4 characters from inside one). */
  numbers: { current: string[]; past: string[]; partial: string[] };
  personIds: string[];
};

/** Tokens and case ids, made with the use cases before the server starts (PGlite allows one process at a time). */
export async function prepareHttpFixtures(deps: Deps, forceId: string): Promise<Fixtures> {
  const aaUser = await findUserByEmail(deps.db, accountEmail(forceId, 'aa'));
  const invUser = await findUserByEmail(deps.db, accountEmail(forceId, 'investigator1'));
  if (!aaUser || !invUser)
    throw new Error(`the bench force ${forceId} has no synthetic accounts: was it seeded with probity seed --scale?`);
  const actor = systemActor('probity bench', forceId);
  const aaToken = (await createApiToken(deps, actor, aaUser.id, 'bench')).token;
  const investigatorToken = (await createApiToken(deps, actor, invUser.id, 'bench')).token;
  const caseIds: string[] = [];
  for (let page = 1; caseIds.length < 50 && page <= 4; page++) {
    const listed = await listCasesFor(deps, principalOf(aaUser), { view: 'all', status: 'open', page }, null);
    caseIds.push(...listed.rows.map((r) => r.id));
    if (listed.rows.length === 0) break;
  }
  const sessions = {} as Fixtures['sessions'];
  for (const [role, local] of [
    ['aa', 'aa'],
    ['investigator', 'investigator1'],
    ['pcc', 'pcc'],
    ['vetting', 'vetting'],
  ] as const) {
    const user = await findUserByEmail(deps.db, accountEmail(forceId, local));
    if (!user) throw new Error(`the bench force ${forceId} has no ${local} account`);
    sessions[role] = await startSession(deps.db, deps, user.id, 'full');
  }
  const held = await rawRows<{ value: string; current: boolean; person_id: string }>(
    deps.db,
    sql`(select value, true as current, person_id::text from person_identifiers
          where force_id = ${forceId} and valid_to is null and length(value) >= 5 order by id limit 20)
        union all
        (select value, false, person_id::text from person_identifiers
          where force_id = ${forceId} and valid_to is not null order by id limit 20)`,
  );
  const current = held.filter((h) => h.current).map((h) => h.value);
  const numbers = {
    current,
    past: held.filter((h) => !h.current).map((h) => h.value),
    partial: current.map((v) => v.slice(1, 5)),
  };
  const personIds = [...new Set(held.map((h) => h.person_id))].slice(0, 20);
  return { aaToken, investigatorToken, caseIds, sessions, numbers, personIds };
}

/** The harness's environment with the given overrides; an empty value removes the variable. */
