import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../kernel/config/config.ts';
import {
  checkpointSignatureValid,
  compareWithCheckpoint,
  keyIdOf,
  latestCheckpoint,
  loadSigningKey,
  writeAuditCheckpoint,
} from '../features/audit/audit-checkpoint.ts';
import { verifyAuditChain } from '../features/audit/verify-audit-chain.ts';
import { openContext } from './context.ts';

export type AuditVerifyOptions = { checkpoint?: string; publicKey?: string };

/** The key that checks a checkpoint: the given public key file, or the public half of the configured signing key. */
async function verifyingKey(options: AuditVerifyOptions): Promise<KeyObject> {
  if (options.publicKey) return createPublicKey(await readFile(options.publicKey, 'utf8'));
  return createPublicKey(await loadSigningKey(loadConfig().auditCheckpoint));
}

/**
 * Exit 0 on an intact log; exit 1 naming the first bad row. With `--checkpoint`, the log must also still
 * hold what the latest signed checkpoint in that file saw: no chain cut back, rewritten or removed.
 */
export async function auditVerifyCommand(options: AuditVerifyOptions = {}): Promise<void> {
  const checkpoint = options.checkpoint ? latestCheckpoint(await readFile(options.checkpoint, 'utf8')) : undefined;
  if (options.checkpoint && !checkpoint) {
    console.error(`AUDIT CHECKPOINT MISSING: ${options.checkpoint} holds no checkpoint.`);
    process.exitCode = 1;
    return;
  }
  if (checkpoint && !checkpointSignatureValid(checkpoint, await verifyingKey(options))) {
    console.error(
      `AUDIT CHECKPOINT FORGED: the checkpoint of ${checkpoint.createdAt} in ${options.checkpoint} does not carry a valid signature of this key.`,
    );
    process.exitCode = 1;
    return;
  }
  const ctx = await openContext('probity audit verify', { migrate: false });
  try {
    const started = Date.now();
    const result = await verifyAuditChain(ctx.deps.db, (n) => {
      if (process.stderr.isTTY && n % 10000 === 0) process.stderr.write(`\rchecked ${n} rows…`);
    });
    if (process.stderr.isTTY) process.stderr.write('\r');
    if (!result.ok) {
      console.error(
        `AUDIT LOG TAMPERED: ${result.problem.detail} (chain ${result.problem.chain}${result.problem.seq !== null ? `, row seq ${result.problem.seq}` : ''}).`,
      );
      console.error(`${result.rows} rows before it verified.`);
      process.exitCode = 1;
      return;
    }
    const problems = checkpoint ? await compareWithCheckpoint(ctx.deps.db, checkpoint) : [];
    for (const p of problems) console.error(`AUDIT LOG TAMPERED: ${p.detail} (${p.problem}).`);
    if (problems.length > 0) {
      process.exitCode = 1;
      return;
    }
    console.log(
      `Audit log intact: ${result.rows} rows in ${result.chains} chains verified in ${Date.now() - started} ms.`,
    );
    if (checkpoint) console.log(`Every chain still holds what the signed checkpoint of ${checkpoint.createdAt} saw.`);
  } finally {
    await ctx.close();
  }
}

/** Signs the chain heads now and writes the checkpoint where configured. */
export async function auditCheckpointCommand(): Promise<void> {
  const ctx = await openContext('probity audit checkpoint', { migrate: false });
  try {
    const { checkpoint, writtenTo } = await writeAuditCheckpoint(ctx.deps);
    console.log(
      `Audit checkpoint of ${checkpoint.chains.length} chains signed (key ${checkpoint.keyId}) and written to ${writtenTo.join(', ')}.`,
    );
  } finally {
    await ctx.close();
  }
}

/** Makes an Ed25519 key pair: the private key for the server (mode 0600), the public key for the auditor. */
export async function auditKeygenCommand(options: { out: string }): Promise<void> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const privatePath = path.resolve(options.out, 'audit-signing-key.pem');
  const publicPath = path.resolve(options.out, 'audit-signing-key.pub.pem');
  await writeFile(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  await chmod(privatePath, 0o600);
  await writeFile(publicPath, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx' });
  console.log(
    `Wrote ${privatePath} (keep it off the database server's backups) and ${publicPath} (key ${keyIdOf(publicKey)}).`,
  );
}
