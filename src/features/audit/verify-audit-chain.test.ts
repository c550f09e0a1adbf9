import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

let database: Database;

/** Tampering "behind the application's back": a superuser switches the append-only trigger off first. */
async function tamper(statement: string): Promise<void> {
  await database.exec(
    `alter table audit_events disable trigger user; ${statement}; alter table audit_events enable trigger user;`,
  );
}

beforeEach(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await database.exec(`insert into forces (id, name) values ('west', 'West'), ('east', 'East')`);
  for (let i = 1; i <= 6; i++) {
    const forceId = i % 3 === 0 ? 'east' : 'west';
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { userId: null, label: `tester ${i}`, requestId: `req-${i}`, forceId },
        { type: 'user', id: `u${i}` },
        { type: 'user.setup_link_issued', userId: '00000000-0000-4000-8000-00000000000' + i },
      ),
    );
  }
});

afterEach(async () => {
  await database.close();
});

describe('audit chain verification', () => {
  it('passes an intact log, counting every row', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 6, chains: 2 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through the trigger', async () => {
    await expect(database.exec(`update audit_events set actor_label = 'x' where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.exec(`delete from audit_events where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(database.exec(`truncate audit_events`)).rejects.toThrow(/append-only/);
  });

  it('names an edited row', async () => {
    await tamper(`update audit_events set actor_label = 'someone else' where seq = 2`);
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: false, problem: { seq: 2, problem: 'content_altered', chain: 'west' } });
    // The east chain (rows 3 and 6) and west row 1 were verified before the bad row.
    expect(result.rows).toBe(3);
  });

  it('names an edited payload even when the JSON keys are reordered', async () => {
    await tamper(
      `update audit_events set payload = jsonb_set(payload, '{userId}', '"00000000-0000-4000-8000-000000000009"') where seq = 4`,
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      problem: { seq: 4, problem: 'content_altered' },
    });
  });

  it('finds a deleted row from the row after the gap', async () => {
    await tamper(`delete from audit_events where seq = 2`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      problem: { seq: 4, problem: 'link_broken', chain: 'west' },
    });
  });

  it('finds a removed last row through the chain head', async () => {
    await tamper(`delete from audit_events where seq = 5`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      problem: { problem: 'tail_missing', chain: 'west' },
    });
  });

  it('names a row inserted behind the application’s back', async () => {
    await tamper(`insert into audit_events (seq, chain, force_id, occurred_at, actor_label, event_type, subject_type, subject_id, payload, prev_hash, hash)
      select 1000, 'west', 'west', now(), 'forger', 'user.setup_link_issued', 'user', 'x', '{}'::jsonb, hash, repeat('a', 64) from audit_events where seq = 5`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      problem: { seq: 1000, problem: 'content_altered' },
    });
  });
});
