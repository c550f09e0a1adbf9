/** The audit feature's public module: what other features may use. Everything else is private. */
export { writeAuditCheckpoint } from './audit-checkpoint.ts';
export { auditPolicy } from './audit.policy.ts';
export { verifyAuditChain, type VerifyResult } from './verify-audit-chain.ts';
