import type { Role } from '../../src/kernel/access/roles.ts';
import { createApiToken } from '../../src/features/auth/api-tokens.ts';
import { systemActor } from '../../src/kernel/audit/audit-events.ts';
import { buildRestrictionWorld } from '../fixtures/restrictions/restrictions.http-fixtures.ts';
import { createAccount, createPerson, sessionCookieFor } from './factories.ts';
import type { TestApp } from './test-app.ts';
import { caseRecords, earlyInterventionRecords, type CaseRecords } from './route-access-cases.ts';
import { forceRecords } from './route-access-force.ts';
import { veraFile } from './route-access-vetting.ts';

export type { CaseRecords };

/**
 * One world with a real record of every kind a route takes an id of, for the need-to-know net
 * (src/app/route-need-to-know.http.test.ts). Built on the restriction world (two forces; a RESTRICTED case
 * that only `aa`, `named` and its lead may see; a normal case whose subjects include Dave, who is also the
 * appropriate authority `aaSubject`), it gives BOTH cases the same children (allegation, subject, party,
 * link, evidence, restriction, publication), gives Vera (a vetting officer) a full vetting file of her own
 * (application, check, adverse item, list match, decision, appeal, review, clearance), and adds the
 * force-level records (designated post, recommendation report/item/action/evidence/response, dip sample,
 * API token, an ordinary account for the administrators' routes). Every record is West's. Accounts of force
 * East hold each role used, so that every probe of another force is made by a user with the same role as the
 * one of the same force. Every account has a session cookie (pages) and an API token (the JSON API takes
 * bearer tokens only).
 *
 * The clock is fixed (`TODAY`): the restriction dates and the dip sample window are relative to it.
 */

export const TODAY = '2026-03-02';
export const clockAt = () => new Date(`${TODAY}T10:00:00Z`);

export async function buildRouteAccessWorld(t: TestApp) {
  const w = await buildRestrictionWorld(t);
  const db = t.deps.db;

  // --- accounts beyond the case world's ---------------------------------------------------------------
  const vera = await createPerson(db, 'west', {
    givenName: 'Vera',
    familyName: 'Vettel',
    identifiers: [{ kind: 'collar', value: '9100', validFrom: '2015-01-01' }],
    postings: [{ rank: 'Constable', role: 'Vetting officer', unitId: w.psd.id, validFrom: '2015-01-01' }],
  });
  const extra = {
    /** A vetting officer whose own vetting file is Vera's: holds vetting.read, must never see her file. */
    vera: { role: 'vetting_officer', forceId: 'west', personId: vera.id },
    /** The PCC's office, with no dip sample granted (`pcc` holds one, over the normal case). */
    pcc2: { role: 'pcc_oversight', forceId: 'west', personId: null },
    chief: { role: 'chief_officer', forceId: 'west', personId: null },
    auditor: { role: 'auditor', forceId: 'west', personId: null },
    admin: { role: 'administrator', forceId: 'west', personId: null },
    eastInvestigator: { role: 'psd_investigator', forceId: 'east', personId: null },
    eastVetting: { role: 'vetting_officer', forceId: 'east', personId: null },
    eastPcc: { role: 'pcc_oversight', forceId: 'east', personId: null },
    eastChief: { role: 'chief_officer', forceId: 'east', personId: null },
    eastAuditor: { role: 'auditor', forceId: 'east', personId: null },
    eastAdmin: { role: 'administrator', forceId: 'east', personId: null },
    /** The confidential reporting units of both forces (anonymous reports, features/reporting). */
    unit: { role: 'confidential_unit', forceId: 'west', personId: null },
    eastUnit: { role: 'confidential_unit', forceId: 'east', personId: null },
    /** An ordinary account of West: the record the account-administration routes are probed on. */
    clerk: { role: 'officer', forceId: 'west', personId: null },
  } satisfies Record<string, { role: Role; forceId: string; personId: string | null }>;
  const cookies: Record<string, string> = { ...w.cookies };
  /** The JSON API takes a bearer token only (no session cookie): every account holds one. */
  const tokens: Record<string, string> = { ...w.tokens };
  const users: Record<string, { id: string; forceId: string }> = {};
  for (const [name, a] of Object.entries(w.accounts)) users[name] = a.user;
  for (const [name, spec] of Object.entries(extra)) {
    const a = await createAccount(t.deps, { email: `${name.toLowerCase()}@${spec.forceId}.example`, ...spec });
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', spec.forceId), a.user.id, 'test')).token;
    users[name] = a.user;
  }

  // --- the children of each case, and early intervention about their subjects ----------------------------
  const restricted = await caseRecords(t, w, w.restricted.id, 'alice', w.normal.id);
  const normal = await caseRecords(t, w, w.normal.id, 'dave', w.serious.id);
  const eiRule = await earlyInterventionRecords(t, w, TODAY, [restricted, normal]);

  // --- Vera's vetting file ------------------------------------------------------------------------------
  const vetting = await veraFile(t, vera.id, users.vetting?.id ?? '');

  // --- force-level records ------------------------------------------------------------------------------
  const force = { ...(await forceRecords(t, w, normal, users.clerk?.id ?? '')), eiRuleId: eiRule.id };
  return { ...w, cookies, tokens, users, vera, records: { restricted, normal, vetting, force } };
}

export type RouteAccessWorld = Awaited<ReturnType<typeof buildRouteAccessWorld>>;
