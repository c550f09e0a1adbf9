import { DEMO_PASSWORD, demoAccounts, demoTotpSecret } from '../features/organisation/demo-accounts.ts';
import { roleLabels, requiresSecondFactor } from '../kernel/access/roles.ts';

export function printDemoSignIns(url: string): void {
  console.log(`\nSign in at ${url}/sign-in with any demo account below; the password of each is: ${DEMO_PASSWORD}`);
  console.log('Staff accounts ask for a 6-digit code: add the key to an authenticator app, or run');
  console.log('  npx probity demo-code <email>      (prints the current code of a demo account)\n');
  for (const a of demoAccounts) {
    const key = requiresSecondFactor(a.role) ? `key ${demoTotpSecret(a.email)}` : 'no second factor';
    console.log(`  ${a.email.padEnd(32)} ${roleLabels[a.role].padEnd(48)} ${key}`);
  }
  console.log(`\nPolice staff report wrongdoing anonymously at ${url}/report/westshire (no account; the`);
  console.log('confidential@westshire.example account reads the reports; custodian@westshire.example is the second');
  console.log('custodian who approves revealing an identity given in confidence).\n');
}
