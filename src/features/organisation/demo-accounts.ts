import { createHash } from 'node:crypto';
import type { Role } from '../access/roles.ts';

/** The password of every demo account. Demo data only: never used outside `seed --demo`. */
export const DEMO_PASSWORD = 'demo-password-probity';

export type DemoAccount = { email: string; role: Role; displayName: string; forceId: string; linkToPerson: boolean };

export const DEMO_FORCE = { id: 'westshire', name: 'Westshire Police', people: 3000, seed: 20231102 };
export const SECOND_FORCE = { id: 'eastmoor', name: 'Eastmoor Constabulary', people: 150, seed: 20230301 };

/** One sign-in for every role of PRODUCT.md, plus one in a second force to show tenant isolation. */
export const demoAccounts: DemoAccount[] = [
  { email: 'investigator@westshire.example', role: 'psd_investigator', displayName: 'Priya Investigator', forceId: 'westshire', linkToPerson: true },
  { email: 'aa@westshire.example', role: 'appropriate_authority', displayName: 'Alan Authority', forceId: 'westshire', linkToPerson: true },
  { email: 'vetting@westshire.example', role: 'vetting_officer', displayName: 'Vera Vetting', forceId: 'westshire', linkToPerson: true },
  { email: 'complaints@westshire.example', role: 'complaints_handler', displayName: 'Colin Complaints', forceId: 'westshire', linkToPerson: true },
  { email: 'chief@westshire.example', role: 'chief_officer', displayName: 'Chief Constable', forceId: 'westshire', linkToPerson: true },
  { email: 'pcc@westshire.example', role: 'pcc_oversight', displayName: 'Olivia Oversight', forceId: 'westshire', linkToPerson: false },
  { email: 'public@westshire.example', role: 'public', displayName: 'Pat Public', forceId: 'westshire', linkToPerson: false },
  { email: 'officer@westshire.example', role: 'officer', displayName: 'Sam Subject', forceId: 'westshire', linkToPerson: true },
  { email: 'admin@westshire.example', role: 'administrator', displayName: 'Ada Admin', forceId: 'westshire', linkToPerson: false },
  { email: 'auditor@westshire.example', role: 'auditor', displayName: 'Audrey Auditor', forceId: 'westshire', linkToPerson: false },
  { email: 'investigator@eastmoor.example', role: 'psd_investigator', displayName: 'Evan Eastmoor', forceId: 'eastmoor', linkToPerson: true },
];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A fixed TOTP secret per demo account, so the demo can print it and `probity demo-code` can show the
 * current code. Real accounts get random secrets at enrolment.
 */
export function demoTotpSecret(email: string): string {
  const bytes = createHash('sha256').update(`probity-demo:${email}`).digest().subarray(0, 20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}
