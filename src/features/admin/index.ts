/** The admin feature's public module: what other features may use. Everything else is private. */
export { userPolicy } from './user.policy.ts';
