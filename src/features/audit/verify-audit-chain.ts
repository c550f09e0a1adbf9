import type { Db } from '../../db/client.ts';
import { GENESIS_HASH, checkChainBatch, type ChainProblem } from '../../kernel/audit/audit-chain.ts';
import { listChains, readChainRows } from './audit.repository.ts';

export type VerifyResult =
  { ok: true; rows: number; chains: number } | { ok: false; rows: number; problem: ChainProblem };

const BATCH = 2000;

/**
 * Walks every chain from its first row and checks each link and hash, then that the chain ends where its
 * head says it does (so a removed tail is found too). Stops at the first problem.
 */
export async function verifyAuditChain(db: Db, onProgress?: (rows: number) => void): Promise<VerifyResult> {
  const chains = await listChains(db);
  let total = 0;
  for (const head of chains) {
    let state = { prevHash: GENESIS_HASH, lastSeq: 0 };
    for (;;) {
      const rows = await readChainRows(db, head.chain, state.lastSeq, BATCH);
      if (rows.length === 0) break;
      const result = checkChainBatch(rows, state);
      if (!result.ok) {
        const before = rows.findIndex((r) => r.seq === result.problem.seq);
        return { ok: false, rows: total + (before < 0 ? rows.length : before), problem: result.problem };
      }
      state = result.state;
      total += rows.length;
      onProgress?.(total);
    }
    if (head.lastSeq === -1) {
      return {
        ok: false,
        rows: total,
        problem: {
          seq: null,
          chain: head.chain,
          problem: 'head_missing',
          detail: `the head of chain ${head.chain} was removed`,
        },
      };
    }
    if (head.lastSeq !== state.lastSeq || head.lastHash !== state.prevHash) {
      return {
        ok: false,
        rows: total,
        problem: {
          seq: head.lastSeq,
          chain: head.chain,
          problem: 'tail_missing',
          detail: `chain ${head.chain} should end at row ${head.lastSeq} but ends at row ${state.lastSeq || '(start)'}: rows were removed or the head was altered`,
        },
      };
    }
  }
  return { ok: true, rows: total, chains: chains.length };
}
