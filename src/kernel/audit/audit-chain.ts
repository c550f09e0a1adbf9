import { canonicalJson, sha256Hex } from '../crypto.ts';

/** The hash of the chain before its first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row covered by its hash. */
export type ChainedContent = {
  seq: number;
  chain: string;
  forceId: string | null;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string;
  requestId: string | null;
  eventType: string;
  subjectType: string;
  subjectId: string;
  personId: string | null;
  payload: unknown;
};

/** Hashes exactly the ChainedContent fields, whatever else the object carries (a ChainRow has its hashes too). */
export function hashAuditRow(prevHash: string, c: ChainedContent): string {
  const content: ChainedContent = {
    seq: c.seq,
    chain: c.chain,
    forceId: c.forceId,
    occurredAt: c.occurredAt,
    actorUserId: c.actorUserId,
    actorLabel: c.actorLabel,
    requestId: c.requestId,
    eventType: c.eventType,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    personId: c.personId,
    payload: c.payload,
  };
  return sha256Hex(`${prevHash}\n${canonicalJson(content)}`);
}

export type ChainRow = ChainedContent & { prevHash: string; hash: string };

export type ChainProblem = {
  seq: number | null;
  chain: string;
  problem: 'content_altered' | 'link_broken' | 'tail_missing' | 'head_missing';
  detail: string;
};

/**
 * Checks one chain's rows in order, continuing from `state`. Pure: the caller streams rows in batches.
 * Returns the first problem, or the state to continue from.
 */
export function checkChainBatch(
  rows: ChainRow[],
  state: { prevHash: string; lastSeq: number },
): { ok: true; state: { prevHash: string; lastSeq: number } } | { ok: false; problem: ChainProblem } {
  let { prevHash, lastSeq } = state;
  for (const row of rows) {
    if (row.prevHash !== prevHash) {
      return {
        ok: false,
        problem: {
          seq: row.seq,
          chain: row.chain,
          problem: 'link_broken',
          detail: `row ${row.seq} does not follow row ${lastSeq || '(start)'}: a row before it was removed, inserted or altered`,
        },
      };
    }
    const expected = hashAuditRow(prevHash, row);
    if (expected !== row.hash) {
      return {
        ok: false,
        problem: {
          seq: row.seq,
          chain: row.chain,
          problem: 'content_altered',
          detail: `row ${row.seq} was altered after it was written`,
        },
      };
    }
    prevHash = row.hash;
    lastSeq = row.seq;
  }
  return { ok: true, state: { prevHash, lastSeq } };
}
