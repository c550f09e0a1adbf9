import { verifyAuditChain } from '../features/audit/verify-audit-chain.ts';
import { openContext } from './context.ts';

/** Exit 0 on an intact log; exit 1 naming the first bad row. */
export async function auditVerifyCommand(): Promise<void> {
  const ctx = await openContext('probity audit verify', { migrate: false });
  try {
    const started = Date.now();
    const result = await verifyAuditChain(ctx.deps.db, (n) => {
      if (process.stderr.isTTY && n % 10000 === 0) process.stderr.write(`\rchecked ${n} rows…`);
    });
    if (process.stderr.isTTY) process.stderr.write('\r');
    if (result.ok) {
      console.log(
        `Audit log intact: ${result.rows} rows in ${result.chains} chains verified in ${Date.now() - started} ms.`,
      );
    } else {
      console.error(
        `AUDIT LOG TAMPERED: ${result.problem.detail} (chain ${result.problem.chain}${result.problem.seq !== null ? `, row seq ${result.problem.seq}` : ''}).`,
      );
      console.error(`${result.rows} rows before it verified.`);
      process.exitCode = 1;
    }
  } finally {
    await ctx.close();
  }
}
