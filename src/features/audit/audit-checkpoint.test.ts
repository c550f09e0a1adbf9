import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import type { Database } from '../../db/client.ts';
import type { Deps } from '../../kernel/deps.ts';
import { hashAuditRow, GENESIS_HASH } from '../../kernel/audit/audit-chain.ts';
import {
  checkpointSignatureValid,
  compareWithCheckpoint,
  latestCheckpoint,
  writeAuditCheckpoint,
  type Checkpoint,
} from './audit-checkpoint.ts';
import { readChainRows } from './audit.repository.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { verifyAuditChain } from './verify-audit-chain.ts';

/**
 * The attacks of issue 12 that the chain alone cannot see, because whoever can write the database can also
 * recompute hashes and move heads: each one passes verifyAuditChain and is caught by the signed checkpoint.
 */

let database: Database;
let dir: string;
let deps: Deps;
const keys = generateKeyPairSync('ed25519');

async function tamper(statement: string): Promise<void> {
  await database.exec(
    `alter table audit_events disable trigger user; ${statement}; alter table audit_events enable trigger user;`,
  );
}

async function record(i: number, forceId: string): Promise<void> {
  await database.db.transaction((tx) =>
    recordAudit(
      tx,
      { userId: null, label: `tester ${i}`, requestId: `req-${i}`, forceId },
      { type: 'user', id: `u${i}` },
      { type: 'user.setup_link_issued', userId: `00000000-0000-4000-8000-00000000000${i}` },
    ),
  );
}

/** Rewrites a chain from `seq` on with new content, recomputing every later hash and the head, as an attacker would. */
async function rewriteChain(chain: string, seq: number, label: string): Promise<void> {
  const rows = await readChainRows(database.db, chain, 0, 1000);
  let prev = GENESIS_HASH;
  for (const row of rows) {
    const content = row.seq === seq ? { ...row, actorLabel: label } : row;
    const hash = hashAuditRow(prev, content);
    await tamper(
      `update audit_events set actor_label = '${content.actorLabel}', prev_hash = '${prev}', hash = '${hash}' where seq = ${row.seq}`,
    );
    prev = hash;
  }
  await database.exec(`update audit_chain_heads set last_hash = '${prev}' where chain = '${chain}'`);
}

async function checkpointNow(): Promise<Checkpoint> {
  const { checkpoint } = await writeAuditCheckpoint(deps);
  return checkpoint;
}

beforeEach(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'probity-checkpoint-'));
  deps = {
    db: database.db,
    now: () => new Date('2026-12-07T04:00:00Z'),
    config: testConfig({
      auditCheckpoint: {
        key: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        file: path.join(dir, 'checkpoints.jsonl'),
      },
    }),
  };
  await database.exec(`insert into forces (id, name) values ('west', 'West'), ('east', 'East')`);
  for (let i = 1; i <= 6; i++) await record(i, i % 3 === 0 ? 'east' : 'west');
});

afterEach(async () => {
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

describe('signed audit checkpoints', () => {
  it('writes a signed line per checkpoint to the file, and the latest one is read back', async () => {
    await checkpointNow();
    await record(7, 'west');
    const second = await checkpointNow();
    const text = await readFile(path.join(dir, 'checkpoints.jsonl'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(latestCheckpoint(text)).toEqual(second);
    expect(second.chains.map((c) => [c.chain, c.lastSeq, /^[0-9a-f]{64}$/.test(c.lastHash)])).toEqual([
      ['east', 6, true],
      ['west', 7, true],
    ]);
    expect(checkpointSignatureValid(second, keys.publicKey)).toBe(true);
    expect(await compareWithCheckpoint(database.db, second)).toEqual([]);
  });

  it('refuses a checkpoint that was edited or signed by another key', async () => {
    const checkpoint = await checkpointNow();
    const edited = { ...checkpoint, chains: checkpoint.chains.map((c) => ({ ...c, lastSeq: 1 })) };
    expect(checkpointSignatureValid(edited, keys.publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('accepts rows added after the checkpoint', async () => {
    const checkpoint = await checkpointNow();
    await record(8, 'west');
    await record(9, 'east');
    expect(await compareWithCheckpoint(database.db, checkpoint)).toEqual([]);
  });

  it('finds the last rows deleted and the head moved back (the chain alone is fooled)', async () => {
    const checkpoint = await checkpointNow();
    const rows = await readChainRows(database.db, 'west', 0, 100);
    const keep = rows.find((r) => r.seq === 2);
    await tamper(`delete from audit_events where chain = 'west' and seq > 2`);
    await database.exec(`update audit_chain_heads set last_seq = 2, last_hash = '${keep?.hash}' where chain = 'west'`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    expect(await compareWithCheckpoint(database.db, checkpoint)).toEqual([
      expect.objectContaining({ chain: 'west', problem: 'truncated' }),
    ]);
  });

  it('finds a row edited with every later hash and the head recomputed (the chain alone is fooled)', async () => {
    const checkpoint = await checkpointNow();
    await rewriteChain('west', 2, 'someone else');
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    expect(await compareWithCheckpoint(database.db, checkpoint)).toEqual([
      expect.objectContaining({ chain: 'west', problem: 'rewritten' }),
    ]);
  });

  it('finds a whole chain deleted with its head (the chain alone is fooled)', async () => {
    const checkpoint = await checkpointNow();
    await tamper(`delete from audit_events where chain = 'east'`);
    await database.exec(`delete from audit_chain_heads where chain = 'east'`);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    expect(await compareWithCheckpoint(database.db, checkpoint)).toEqual([
      expect.objectContaining({ chain: 'east', problem: 'chain_missing' }),
    ]);
  });

  it('refuses to sign without a key or a place to write', async () => {
    await expect(
      writeAuditCheckpoint({ ...deps, config: testConfig({ auditCheckpoint: { file: path.join(dir, 'x') } }) }),
    ).rejects.toThrow(/PROBITY_AUDIT_SIGNING_KEY_FILE/);
    await expect(writeAuditCheckpoint({ ...deps, config: testConfig({ auditCheckpoint: {} }) })).rejects.toThrow(
      /PROBITY_AUDIT_CHECKPOINT_FILE/,
    );
  });
});
