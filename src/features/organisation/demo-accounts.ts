import { createHash } from 'node:crypto';
import type { Role } from '../../kernel/access/roles.ts';

/** The password of every demo account. Demo data only: never used outside `seed --demo`. */
export const DEMO_PASSWORD = 'demo-password-probity';

/** Which person record a demo account belongs to: chosen by current rank or unit, so the demo reads true. */
export type PersonMatch = { rank?: string; unit?: string; type?: 'officer' | 'staff' };
export type DemoAccount = {
  email: string;
  role: Role;
  displayName: string;
  forceId: string;
  linkTo: PersonMatch | null;
};

export const DEMO_FORCE = { id: 'westshire', name: 'Westshire Police', people: 3000, seed: 20231102 };
export const SECOND_FORCE = { id: 'eastmoor', name: 'Eastmoor Constabulary', people: 150, seed: 20230301 };

/** One sign-in for every role of PRODUCT.md, plus one in a second force to show tenant isolation. */
export const demoAccounts: DemoAccount[] = [
  {
    email: 'investigator@westshire.example',
    role: 'psd_investigator',
    displayName: 'Priya Investigator',
    forceId: 'westshire',
    linkTo: { unit: 'Professional Standards Department', rank: 'Sergeant' },
  },
  {
    email: 'aa@westshire.example',
    role: 'appropriate_authority',
    displayName: 'Alan Authority',
    forceId: 'westshire',
    linkTo: { rank: 'Superintendent' },
  },
  // A second, more senior appropriate authority: the senior rationale that answers the suspension flag must be
  // recorded by someone other than the one who imposed the restriction, of at least Superintendent rank by
  // default (restrictions/senior-rationale-rules.ts).
  {
    email: 'head-psd@westshire.example',
    role: 'appropriate_authority',
    displayName: 'Helen Head',
    forceId: 'westshire',
    linkTo: { rank: 'Chief Superintendent' },
  },
  {
    email: 'vetting@westshire.example',
    role: 'vetting_officer',
    displayName: 'Vera Vetting',
    forceId: 'westshire',
    linkTo: { unit: 'Vetting Unit', type: 'staff' },
  },
  {
    email: 'complaints@westshire.example',
    role: 'complaints_handler',
    displayName: 'Colin Complaints',
    forceId: 'westshire',
    linkTo: { unit: 'Professional Standards Department', type: 'staff' },
  },
  {
    email: 'chief@westshire.example',
    role: 'chief_officer',
    displayName: 'Chief Constable',
    forceId: 'westshire',
    linkTo: { rank: 'Chief Constable' },
  },
  {
    email: 'pcc@westshire.example',
    role: 'pcc_oversight',
    displayName: 'Olivia Oversight',
    forceId: 'westshire',
    linkTo: null,
  },
  { email: 'public@westshire.example', role: 'public', displayName: 'Pat Public', forceId: 'westshire', linkTo: null },
  {
    email: 'officer@westshire.example',
    role: 'officer',
    displayName: 'Sam Subject',
    forceId: 'westshire',
    linkTo: { rank: 'Constable' },
  },
  {
    email: 'admin@westshire.example',
    role: 'administrator',
    displayName: 'Ada Admin',
    forceId: 'westshire',
    linkTo: null,
  },
  {
    email: 'auditor@westshire.example',
    role: 'auditor',
    displayName: 'Audrey Auditor',
    forceId: 'westshire',
    linkTo: null,
  },
  {
    email: 'confidential@westshire.example',
    role: 'confidential_unit',
    displayName: 'Cal Confidential',
    forceId: 'westshire',
    linkTo: null,
  },
  // A second member of the unit, so that a request to reveal a reporter's identity can be approved by a
  // different custodian in the demo (features/reporting/identity-reveal.ts).
  {
    email: 'custodian@westshire.example',
    role: 'confidential_unit',
    displayName: 'Cleo Custodian',
    forceId: 'westshire',
    linkTo: null,
  },
  {
    email: 'investigator@eastmoor.example',
    role: 'psd_investigator',
    displayName: 'Evan Eastmoor',
    forceId: 'eastmoor',
    linkTo: { type: 'officer' },
  },
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
