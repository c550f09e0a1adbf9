/** The people feature's public module: what other features may use. Everything else is private. */
export { peoplePolicy } from './people.policy.ts';
