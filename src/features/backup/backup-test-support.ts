import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { listEntries, listMatches, people, vettingApplications } from '../../db/schema/index.ts';
import type { Deps } from '../../kernel/deps.ts';
import {
  createAccount,
  createForce,
  createPerson,
  createUnit,
  sessionCookieFor,
} from '../../../test/support/factories.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { addEvidence } from '../misconduct/add-evidence.ts';
import { caseInput } from '../misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';

/**
 * Databases and a scene for the backup tests. Either engine can be opened whatever engine the suite runs
 * on, so a backup can cross from one to the other; "blank" means no schema at all, "migrated" a new
 * database (with the taxonomy rows the migrations insert).
 */

export type Engine = 'pglite' | 'pg';

export function openTestDatabase(engine: Engine, state: 'blank' | 'migrated'): Promise<Database> {
  return createTestDatabase({ engine, state, poolSize: 2 });
}

export function depsFor(database: Database): Deps {
  return { db: database.db, config: testConfig(), now: () => new Date() };
}

const tempDirs: string[] = [];

/** A path in a new temporary directory; removeTempFiles() (in afterAll) deletes them all. */
export function tempFile(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probity-backup-'));
  tempDirs.push(dir);
  return path.join(dir, name);
}

export function removeTempFiles(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** An evidence file whose bytes cover every value 0–255, plus a long run: a real test of bytea both ways. */
export const evidenceBytes = Buffer.concat([
  Buffer.from('%PDF-1.7\n'),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.alloc(200_000, 0x5c),
  Buffer.from('\n%%EOF\n'),
]);

/**
 * Demo-like data, through the factories and real use cases: two forces, a unit tree (a self-referencing
 * key), people with awkward names, a merged duplicate, an account with a session, a case opened by the use
 * case (audit rows, clocks, jsonb, text[]), an evidence file (bytea) and vetting rows with a float column.
 */
export async function buildBackupScene(deps: Deps) {
  const west = await createForce(deps.db, 'west');
  await createForce(deps.db, 'east', 'Eastmoor Police');
  const psd = await createUnit(deps.db, 'west', 'Professional Standards', { id: west.rootUnitId, path: west.rootPath });
  const team = await createUnit(deps.db, 'west', 'Team "B" \\ Nights', { id: psd.id, path: psd.path });
  const posting = (unitId: string) => [
    { rank: 'Constable', role: 'Response officer', unitId, validFrom: '2015-01-01' },
  ];
  const alice = await createPerson(deps.db, 'west', {
    givenName: 'Zoë',
    familyName: "O'Brien-Ashworth\nline two",
    identifiers: [{ kind: 'collar', value: '812', validFrom: '2015-01-01', validTo: '2019-12-31' }],
    postings: posting(team.id),
  });
  const bob = await createPerson(deps.db, 'west', {
    givenName: 'Bob',
    familyName: 'Bramley ✓ “quoted”',
    identifiers: [{ kind: 'collar', value: '5550', validFrom: '2015-01-01' }],
    postings: posting(psd.id),
  });
  const duplicate = await createPerson(deps.db, 'west', {
    givenName: 'Robert',
    familyName: 'Bramley',
    postings: posting(psd.id),
  });
  await deps.db.update(people).set({ mergedIntoId: bob.id }).where(eq(people.id, duplicate.id));
  const aa = await createAccount(deps, { email: 'aa@west.example', role: 'appropriate_authority', forceId: 'west' });
  await createAccount(deps, { email: 'aa@east.example', role: 'appropriate_authority', forceId: 'east' });
  await sessionCookieFor(deps, aa.user.id);
  const opened = await openCase(deps, aa.principal, caseInput([alice.id, bob.id]), 'req-backup-1');
  const evidence = await addEvidence(
    deps,
    aa.principal,
    {
      caseId: opened.id,
      description: 'Screenshot of the "chat" – page 1',
      file: {
        kind: 'uploaded-file',
        fileName: 'chat.pdf',
        claimedType: 'application/pdf',
        content: evidenceBytes,
        tooLarge: false,
      },
    },
    'req-backup-2',
  );
  const [application] = await deps.db
    .insert(vettingApplications)
    .values({
      forceId: 'west',
      reference: 'VET-1',
      kind: 'recruitment',
      level: 'RV',
      givenName: 'Carys',
      familyName: 'Price',
      formerNames: ['Carys Jones', 'C. "CJ" Jones'],
      dateOfBirth: '1990-02-28',
      receivedOn: '2025-01-06',
    })
    .returning();
  const [entry] = await deps.db
    .insert(listEntries)
    .values({
      forceId: 'west',
      list: 'barred',
      origin: 'national_import',
      givenName: 'Carys',
      familyName: 'Jones',
      identifiers: [],
      sourceKey: 'n-1',
    })
    .returning();
  if (!application || !entry) throw new Error('no vetting rows');
  await deps.db.insert(listMatches).values({
    forceId: 'west',
    applicationId: application.id,
    entryId: entry.id,
    score: 0.8333333,
    reasons: ['name', 'date of birth'],
  });
  return { aa, caseId: opened.id, evidenceId: evidence.id };
}

/**
 * Every table's rows as sorted JSON text, read with plain SQL (not the backup code), for comparing two
 * databases. Timestamps in UTC so that two engines with different time zones compare equal.
 */
export async function tableContents(database: Database): Promise<Record<string, string[]>> {
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables = await rawRows<{ name: string }>(
      tx,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const contents: Record<string, string[]> = {};
    for (const { name } of tables) {
      const rows = await rawRows<{ line: string }>(
        tx,
        sql`select row_to_json(t)::text as line from ${sql.identifier(name)} t`,
      );
      contents[name] = rows.map((r) => r.line).sort();
    }
    return contents;
  });
}

export async function tableNames(database: Database): Promise<string[]> {
  const rows = await database.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((r) => r.name);
}
