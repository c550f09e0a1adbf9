import type { TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, createPerson, sessionCookieFor } from '../../../test/support/factories.ts';
import type { Role } from '../../kernel/access/roles.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import type { LogComplaintInput } from './complaint-input.ts';
import { logComplaint } from './log-complaint.ts';

/**
 * The scene of the complaint HTTP tests: two forces; a complaints handler, an appropriate authority, a
 * handler who is the officer complained about, an investigator without complaint abilities and another
 * force's handler; one complaint (logged through the use case) about PC Alice Ashworth.
 */
export type ComplaintWho = 'handler' | 'aa' | 'subject' | 'investigator' | 'east' | 'pcc';

export const COMPLAINT_TODAY = '2026-03-02';

export async function buildComplaintWorld(t: TestApp) {
  await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  const alice = await createPerson(t.deps.db, 'west', { givenName: 'Alice', familyName: 'Ashworth' });
  const bob = await createPerson(t.deps.db, 'west', { givenName: 'Bob', familyName: 'Bramley' });
  const account = (email: string, role: Role, forceId = 'west', personId: string | null = null) =>
    createAccount(t.deps, { email, role, forceId, personId });
  const accounts: Record<ComplaintWho, Awaited<ReturnType<typeof account>>> = {
    handler: await account('handler@west.example', 'complaints_handler'),
    aa: await account('aa@west.example', 'appropriate_authority'),
    subject: await account('alice@west.example', 'complaints_handler', 'west', alice.id),
    investigator: await account('inv@west.example', 'psd_investigator'),
    east: await account('handler@east.example', 'complaints_handler', 'east'),
    pcc: await account('pcc@west.example', 'pcc_oversight'),
  };
  const cookies = {} as Record<ComplaintWho, string>;
  const tokens = {} as Record<ComplaintWho, string>;
  for (const [name, a] of Object.entries(accounts) as [ComplaintWho, (typeof accounts)[ComplaintWho]][]) {
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', a.user.forceId), a.user.id, 'test')).token;
  }
  const complaint = await logComplaint(t.deps, accounts.handler.principal, complaintInput([alice.id]), null);
  return { people: { alice, bob }, accounts, cookies, tokens, complaint };
}

export type ComplaintWorld = Awaited<ReturnType<typeof buildComplaintWorld>>;

/** A complaint by Ms Jones, adversely affected, about the given people (or the service when none). */
export function complaintInput(personIds: string[], extra: Partial<LogComplaintInput> = {}): LogComplaintInput {
  return {
    channel: 'email',
    receivedOn: '2026-02-20',
    loggedOn: '2026-02-23',
    summary: 'Rude and rough handling at a roadside stop',
    desiredOutcome: 'An apology',
    complainants: [
      {
        name: 'Jane Jones',
        basis: 'adversely_affected',
        email: 'jane@example.org',
        contactMethod: 'email',
        language: 'English',
      },
    ],
    subjects: personIds.length
      ? personIds.map((personId) => ({ kind: 'person' as const, personId }))
      : [{ kind: 'service' as const, description: 'Call handling' }],
    allegations: [
      {
        subject: 0,
        categoryCode: 'behaviours.impolite_language',
        description: 'Swore at me',
        incidentOn: '2026-02-18',
        incidentPlace: 'A59 lay-by',
      },
    ],
    ...extra,
  };
}
