import { appendFile, readFile } from 'node:fs/promises';
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import dgram from 'node:dgram';
import os from 'node:os';
import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import type { Config } from '../../kernel/config/config.ts';
import type { Db } from '../../db/client.ts';
import { canonicalJson, sha256Hex } from '../../kernel/crypto.ts';
import { chainRowHash, listChains } from './audit.repository.ts';

/**
 * Signed checkpoints anchor the audit chains outside the database (docs/decisions/0002-audit-chain.md).
 * A checkpoint names, for every chain, its last row and that row's hash, and is signed with an Ed25519 key
 * that the database does not hold. Someone who can write the database can recompute every hash and move
 * every head, but cannot produce a valid signature, so `probity audit verify --checkpoint` finds a chain cut
 * back, rewritten or removed since the checkpoint.
 */

export const CHECKPOINT_FORMAT = 'probity-audit-checkpoint/1';

const checkpointBody = z.object({
  format: z.literal(CHECKPOINT_FORMAT),
  createdAt: z.string(),
  host: z.string(),
  keyId: z.string(),
  chains: z.array(z.object({ chain: z.string(), lastSeq: z.number().int().min(0), lastHash: z.string() })),
});
export const checkpointSchema = checkpointBody.extend({ signature: z.string() });
export type Checkpoint = z.infer<typeof checkpointSchema>;

export type CheckpointProblem = {
  chain: string;
  problem: 'chain_missing' | 'truncated' | 'rewritten';
  detail: string;
};

/** The signing key from PROBITY_AUDIT_SIGNING_KEY_FILE or PROBITY_AUDIT_SIGNING_KEY; an error naming both if absent. */
export async function loadSigningKey(config: Config['auditCheckpoint']): Promise<KeyObject> {
  const pem = config.key ?? (config.keyFile ? await readFile(config.keyFile, 'utf8') : undefined);
  if (!pem)
    throw new Error(
      'No audit signing key: set PROBITY_AUDIT_SIGNING_KEY_FILE (or PROBITY_AUDIT_SIGNING_KEY) to an Ed25519 private key (probity audit keygen makes one).',
    );
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('The audit signing key must be an Ed25519 private key.');
  return key;
}

/** A short, stable name for a public key, so a checkpoint says which key signed it. */
export function keyIdOf(publicKey: KeyObject): string {
  return sha256Hex(publicKey.export({ type: 'spki', format: 'der' }).toString('base64')).slice(0, 16);
}

/** Signs the current head of every chain. Pure apart from reading the heads. */
export async function createCheckpoint(db: Db, key: KeyObject, at: Date): Promise<Checkpoint> {
  const chains = (await listChains(db)).filter((c) => c.lastSeq >= 0);
  const body = checkpointBody.parse({
    format: CHECKPOINT_FORMAT,
    createdAt: at.toISOString(),
    host: os.hostname(),
    keyId: keyIdOf(createPublicKey(key)),
    chains: chains.map((c) => ({ chain: c.chain, lastSeq: c.lastSeq, lastHash: c.lastHash })),
  });
  const signature = sign(null, Buffer.from(canonicalJson(body)), key).toString('base64');
  return { ...body, signature };
}

/** True if the checkpoint was signed by the private half of `publicKey` and not changed since. */
export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  const { signature, ...body } = checkpoint;
  try {
    return verify(null, Buffer.from(canonicalJson(body)), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * The latest checkpoint of a file of JSON lines (as written by writeAuditCheckpoint) or of a single JSON
 * document. Lines that are not checkpoints (other syslog traffic, say) are skipped.
 */
export function latestCheckpoint(text: string): Checkpoint | null {
  const whole = text.trim();
  const candidates = whole.startsWith('{') && !whole.includes('\n') ? [whole] : whole.split('\n');
  for (const line of candidates.reverse()) {
    const start = line.indexOf('{"');
    if (start < 0) continue;
    try {
      const parsed = checkpointSchema.safeParse(JSON.parse(line.slice(start)));
      if (parsed.success) return parsed.data;
    } catch {
      // not JSON: skip
    }
  }
  return null;
}

/**
 * Compares the log with a checkpoint: every chain it names must still exist, reach at least its row, and
 * hold there exactly the hash that was signed. (The walk of verifyAuditChain checks the rows in between.)
 */
export async function compareWithCheckpoint(db: Db, checkpoint: Checkpoint): Promise<CheckpointProblem[]> {
  const heads = new Map((await listChains(db)).map((c) => [c.chain, c]));
  const problems: CheckpointProblem[] = [];
  for (const signed of checkpoint.chains) {
    const head = heads.get(signed.chain);
    const hash = await chainRowHash(db, signed.chain, signed.lastSeq);
    if (!head || (head.lastSeq < 0 && hash === null)) {
      problems.push({
        chain: signed.chain,
        problem: 'chain_missing',
        detail: `chain ${signed.chain} is gone: the checkpoint of ${checkpoint.createdAt} signed it up to row ${signed.lastSeq}`,
      });
    } else if (hash === null || head.lastSeq < signed.lastSeq) {
      problems.push({
        chain: signed.chain,
        problem: 'truncated',
        detail: `chain ${signed.chain} ends at row ${head.lastSeq}, before row ${signed.lastSeq} signed on ${checkpoint.createdAt}: rows were removed`,
      });
    } else if (hash !== signed.lastHash) {
      problems.push({
        chain: signed.chain,
        problem: 'rewritten',
        detail: `row ${signed.lastSeq} of chain ${signed.chain} no longer has the hash signed on ${checkpoint.createdAt}: the chain was rewritten`,
      });
    }
  }
  return problems;
}

/** One RFC 5424 message over UDP; a checkpoint is small enough for one datagram. */
async function sendSyslog(target: string, message: string, at: Date): Promise<void> {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  // facility 13 (log audit), severity 5 (notice): <109>
  const line = `<109>1 ${at.toISOString()} ${os.hostname()} probity - audit-checkpoint - ${message}`;
  const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) =>
      socket.send(line, port, host, (err) => (err ? reject(err) : resolve())),
    );
  } finally {
    socket.close();
  }
}

/**
 * Signs the current heads and writes the checkpoint to every configured place outside the database
 * (PROBITY_AUDIT_CHECKPOINT_FILE, PROBITY_AUDIT_CHECKPOINT_SYSLOG). For `probity audit checkpoint` and for a
 * scheduler to call. Throws if no key is configured or nothing would be written.
 */
export async function writeAuditCheckpoint(deps: Deps): Promise<{ checkpoint: Checkpoint; writtenTo: string[] }> {
  const settings = deps.config.auditCheckpoint;
  if (!settings.file && !settings.syslog)
    throw new Error(
      'Nowhere to write the checkpoint: set PROBITY_AUDIT_CHECKPOINT_FILE or PROBITY_AUDIT_CHECKPOINT_SYSLOG.',
    );
  const key = await loadSigningKey(settings);
  const checkpoint = await createCheckpoint(deps.db, key, deps.now());
  const line = JSON.stringify(checkpoint);
  const writtenTo: string[] = [];
  if (settings.file) {
    await appendFile(settings.file, `${line}\n`, { encoding: 'utf8', mode: 0o640, flush: true });
    writtenTo.push(settings.file);
  }
  if (settings.syslog) {
    await sendSyslog(settings.syslog, line, deps.now());
    writtenTo.push(`syslog ${settings.syslog}`);
  }
  return { checkpoint, writtenTo };
}
