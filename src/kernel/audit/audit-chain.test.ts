import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../crypto.ts';
import { GENESIS_HASH, checkChainBatch, hashAuditRow, type ChainRow, type ChainedContent } from './audit-chain.ts';

/**
 * The tamper evidence of the audit log rests on these pure functions: if they pass a doctored chain, the
 * database-level verifier does too. Each test doctors a chain the way an insider with write access might.
 */

const CHAIN = 'force-a';
const START = { prevHash: GENESIS_HASH, lastSeq: 0 };
const PERSON = '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b';
const USER = '9d7c6b5a-4e3f-4a2b-8c1d-0e9f8a7b6c5d';

function content(seq: number): ChainedContent {
  return {
    seq,
    chain: CHAIN,
    forceId: CHAIN,
    occurredAt: `2025-03-27T10:00:0${seq}.000Z`,
    actorUserId: USER,
    actorLabel: 'investigator@force-a.example',
    requestId: `req-${seq}`,
    eventType: 'person.viewed',
    subjectType: 'person',
    subjectId: PERSON,
    personId: PERSON,
    payload: { type: 'person.viewed', personId: PERSON },
  };
}

/** Links rows the way appendAuditRow does: each row's hash covers the previous row's hash. */
function link(contents: ChainedContent[], prevHash = GENESIS_HASH): ChainRow[] {
  const rows: ChainRow[] = [];
  for (const c of contents) {
    const hash = hashAuditRow(prevHash, c);
    rows.push({ ...c, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

/** Five honest rows, seq 1 to 5. */
const honestChain = (): ChainRow[] => link([1, 2, 3, 4, 5].map(content));

/** The row at `index`, failing the test (not returning undefined) if the fixture is shorter than expected. */
function at(rows: ChainRow[], index: number): ChainRow {
  const row = rows[index];
  if (!row) throw new Error(`fixture has no row ${index}`);
  return row;
}

describe('hashAuditRow', () => {
  it('is the SHA-256 of the previous hash and the canonical JSON of the content', () => {
    const c = content(1);
    expect(hashAuditRow(GENESIS_HASH, c)).toBe(sha256Hex(`${GENESIS_HASH}\n${canonicalJson(c)}`));
    expect(hashAuditRow(GENESIS_HASH, c)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the key order of the payload, as jsonb does not keep it', () => {
    const a = { ...content(1), payload: { type: 'person.viewed', personId: PERSON } };
    const b = { ...content(1), payload: { personId: PERSON, type: 'person.viewed' } };
    expect(hashAuditRow(GENESIS_HASH, a)).toBe(hashAuditRow(GENESIS_HASH, b));
  });

  it('changes with the previous hash, so a row cannot be moved to another place in the chain', () => {
    expect(hashAuditRow(GENESIS_HASH, content(1))).not.toBe(hashAuditRow('f'.repeat(64), content(1)));
  });
});

describe('checkChainBatch', () => {
  it('accepts an honest chain of five rows and ends on the last row', () => {
    const rows = honestChain();
    expect(checkChainBatch(rows, START)).toEqual({ ok: true, state: { prevHash: at(rows, 4).hash, lastSeq: 5 } });
  });

  it('accepts the same chain checked in two batches, continuing from the state of the first', () => {
    const rows = honestChain();
    const first = checkChainBatch(rows.slice(0, 2), START);
    expect(first).toEqual({ ok: true, state: { prevHash: at(rows, 1).hash, lastSeq: 2 } });
    if (!first.ok) return;
    expect(checkChainBatch(rows.slice(2), first.state)).toEqual({
      ok: true,
      state: { prevHash: at(rows, 4).hash, lastSeq: 5 },
    });
  });

  it('reports content_altered naming the row whose payload was changed', () => {
    const rows = honestChain();
    const row3 = at(rows, 2);
    rows[2] = { ...row3, payload: { type: 'person.viewed', personId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' } };
    expect(checkChainBatch(rows, START)).toEqual({
      ok: false,
      problem: { seq: 3, chain: CHAIN, problem: 'content_altered', detail: 'row 3 was altered after it was written' },
    });
  });

  it('reports content_altered when any other covered field is changed, such as the actor', () => {
    const rows = honestChain();
    rows[3] = { ...at(rows, 3), actorLabel: 'someone-else@force-a.example' };
    const result = checkChainBatch(rows, START);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ seq: 4, problem: 'content_altered' });
  });

  it('reports link_broken naming the row after a removed middle row', () => {
    const rows = honestChain();
    rows.splice(2, 1); // remove seq 3
    expect(checkChainBatch(rows, START)).toEqual({
      ok: false,
      problem: {
        seq: 4,
        chain: CHAIN,
        problem: 'link_broken',
        detail: 'row 4 does not follow row 2: a row before it was removed, inserted or altered',
      },
    });
  });

  it('reports link_broken naming the new first row when the first row is removed', () => {
    const rows = honestChain().slice(1);
    const result = checkChainBatch(rows, START);
    expect(result).toEqual({
      ok: false,
      problem: {
        seq: 2,
        chain: CHAIN,
        problem: 'link_broken',
        detail: 'row 2 does not follow row (start): a row before it was removed, inserted or altered',
      },
    });
  });

  it('names the row after a forged row that was correctly hashed onto its predecessor', () => {
    const rows = honestChain();
    const forgedContent: ChainedContent = { ...content(6), eventType: 'user.signed_out', payload: { type: 'forged' } };
    const [forged] = link([forgedContent], at(rows, 1).hash);
    if (!forged) throw new Error('no forged row');
    rows.splice(2, 0, forged); // between seq 2 and seq 3
    expect(checkChainBatch(rows, START)).toEqual({
      ok: false,
      problem: {
        seq: 3,
        chain: CHAIN,
        problem: 'link_broken',
        detail: 'row 3 does not follow row 6: a row before it was removed, inserted or altered',
      },
    });
  });

  it('names the forged row itself when its hash does not cover its content', () => {
    const rows = honestChain();
    const forged: ChainRow = { ...content(6), prevHash: at(rows, 1).hash, hash: 'e'.repeat(64) };
    rows.splice(2, 0, forged);
    expect(checkChainBatch(rows, START)).toEqual({
      ok: false,
      problem: { seq: 6, chain: CHAIN, problem: 'content_altered', detail: 'row 6 was altered after it was written' },
    });
  });

  it('names the forged row itself when it does not link to the row before it', () => {
    const rows = honestChain();
    const [forged] = link([content(6)], 'd'.repeat(64));
    if (!forged) throw new Error('no forged row');
    rows.splice(2, 0, forged);
    const result = checkChainBatch(rows, START);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ seq: 6, problem: 'link_broken' });
  });

  it('cannot see a removed last row on its own: the state ends short, which the verifier compares with the chain head', () => {
    const rows = honestChain();
    expect(checkChainBatch(rows.slice(0, 4), START)).toEqual({
      ok: true,
      state: { prevHash: at(rows, 3).hash, lastSeq: 4 },
    });
  });
});

describe('sha256Hex', () => {
  it('matches the published SHA-256 test vector for "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, so key order never changes the text', () => {
    const a = { b: 1, a: { z: true, y: [3, { q: 1, p: 2 }] } };
    const b = { a: { y: [3, { p: 2, q: 1 }], z: true }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"y":[3,{"p":2,"q":1}],"z":true},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('drops undefined members, so an absent field and an undefined one hash the same', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined } })).toBe('{"a":1,"c":{}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('keeps nulls and writes undefined array items as null, as JSON.stringify does', () => {
    expect(canonicalJson({ a: null, list: [1, undefined, 'x'] })).toBe('{"a":null,"list":[1,null,"x"]}');
  });

  it('serialises scalars as JSON, escaping strings', () => {
    expect(canonicalJson('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(canonicalJson(42)).toBe('42');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
  });
});
