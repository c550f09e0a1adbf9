import type { LightMyRequestResponse } from 'fastify';
import { api, type TestApp } from '../../../test/support/test-app.ts';
import {
  createAccount,
  createForce,
  createPerson,
  createUnit,
  sessionCookieFor,
} from '../../../test/support/factories.ts';
import { vettingClearances } from '../../db/schema/index.ts';
import type { Role } from '../../kernel/access/roles.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { FormClient } from '../misconduct/cases.http-fixtures.ts';

/**
 * The scene the vetting HTTP tests share (the clock is 16 March 2026): Westshire with a response team and a
 * counter-corruption unit, people in every compliance state, a vetting officer who is themself a person
 * in the force (Vera), a second vetting officer, an investigator and an appropriate authority (neither may
 * see vetting files), and a vetting officer in another force.
 */

export const TODAY = '2026-03-16';
export const clockAt = () => new Date(`${TODAY}T10:00:00Z`);

export type Who = 'vetting' | 'vetting2' | 'investigator' | 'aa' | 'east' | 'officer';
/** Signed in without any vetting ability: refused every vetting page and API route. */
export const NO_VETTING: Who[] = ['investigator', 'aa', 'officer'];
/** Refused a Westshire vetting file: no ability, or a vetting officer of another force. */
export const REFUSED: Who[] = [...NO_VETTING, 'east'];

export async function buildVettingWorld(t: TestApp) {
  const west = await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  const root = { id: west.rootUnitId, path: west.rootPath };
  const response = await createUnit(t.deps.db, 'west', 'Response', root);
  const psd = await createUnit(t.deps.db, 'west', 'Professional Standards', root);
  const ccu = await createUnit(t.deps.db, 'west', 'Counter Corruption Unit', { id: psd.id, path: psd.path });
  const person = (
    givenName: string,
    familyName: string,
    role: string,
    unitId: string,
    extra: { status?: 'current' | 'former' } = {},
  ) =>
    createPerson(t.deps.db, 'west', {
      givenName,
      familyName,
      ...extra,
      identifiers: [{ kind: 'collar', value: `${givenName.length}${familyName.length}01`, validFrom: '2015-01-01' }],
      postings: [{ rank: 'Constable', role, unitId, validFrom: '2015-01-01' }],
    });
  const people = {
    /** RV, valid: compliant. */
    alice: await person('Alice', 'Ashworth', 'Response officer', response.id),
    /** RV only, in a post that needs MV: below the requirement. */
    bob: await person('Bob', 'Bramley', 'Counter corruption investigator', ccu.id),
    /** Nothing recorded: missing. */
    carol: await person('Carol', 'Calder', 'Response officer', response.id),
    /** RV past its expiry (still "active" in the row): expired. */
    dave: await person('Dave', 'Dunmore', 'Response officer', response.id),
    /** The vetting officer's own record: never visible to them. */
    vera: await person('Vera', 'Vettel', 'Vetting officer', psd.id),
    /** Left the force: never on the compliance list. */
    fred: await person('Fred', 'Former', 'Response officer', response.id, { status: 'former' }),
    eve: await createPerson(t.deps.db, 'east', { givenName: 'Eve', familyName: 'Easterby' }),
  };
  const clearance = (personId: string, level: 'RV' | 'MV', grantedOn: string, expiresOn: string) => ({
    forceId: 'west',
    personId,
    level,
    grantedOn,
    expiresOn,
  });
  await t.deps.db
    .insert(vettingClearances)
    .values([
      clearance(people.alice.id, 'RV', '2020-01-10', '2030-01-10'),
      clearance(people.bob.id, 'RV', '2019-05-01', '2029-05-01'),
      clearance(people.dave.id, 'RV', '2015-06-01', '2025-06-01'),
      clearance(people.vera.id, 'RV', '2021-01-01', '2031-01-01'),
    ]);
  await t.database.query(
    `insert into designated_posts (force_id, title, posting_role, unit_id, required_level) values ('west', 'Counter corruption investigator', 'Counter corruption investigator', $1, 'MV')`,
    [ccu.id],
  );

  const account = (email: string, role: Role, forceId = 'west', personId: string | null = null) =>
    createAccount(t.deps, { email, role, forceId, personId });
  const accounts: Record<Who, Awaited<ReturnType<typeof account>>> = {
    vetting: await account('vetting@west.example', 'vetting_officer', 'west', people.vera.id),
    vetting2: await account('vetting2@west.example', 'vetting_officer'),
    investigator: await account('inv@west.example', 'psd_investigator'),
    aa: await account('aa@west.example', 'appropriate_authority'),
    east: await account('vetting@east.example', 'vetting_officer', 'east'),
    officer: await account('officer@west.example', 'officer'),
  };
  const cookies = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;
  for (const [name, a] of Object.entries(accounts) as [Who, (typeof accounts)[Who]][]) {
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', a.user.forceId), a.user.id, 'test')).token;
  }
  return { west, units: { response, psd, ccu }, people, accounts, cookies, tokens };
}

export type VettingWorld = Awaited<ReturnType<typeof buildVettingWorld>>;

export function browser(t: TestApp, w: VettingWorld, who: Who | null): FormClient {
  return new FormClient(t.app, who ? w.cookies[who] : undefined);
}

export function callApi(
  t: TestApp,
  w: VettingWorld,
  who: Who | null,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return api(t.app, method, url, who ? w.tokens[who] : undefined, body);
}

const READS = `('vetting.file_viewed', 'vetting.list_viewed')`;

/** Everything vetting writes, as one comparable value; audited reads are left out unless asked for. */
export async function vettingSnapshot(t: TestApp, withReads = false): Promise<string> {
  const q = (text: string) => t.database.query(text);
  return JSON.stringify([
    await q(`select id, status, version, expires_on::text, ended_by_decision_id from vetting_clearances order by id`),
    await q(`select id, active from designated_posts order by id`),
    await q(`select id, status, version, person_id from vetting_applications order by id`),
    await q(`select id, status, version, notes from vetting_checks where application_id is not null order by id`),
    await q(`select id, resolved_by_decision_id from adverse_information where application_id is not null order by id`),
    await q(`select id, outcome from vetting_decisions order by id`),
    await q(`select id, outcome, version from vetting_appeals order by id`),
    await q(`select count(*)::int as n from list_entries`),
    await q(`select id, decision from list_matches order by id`),
    await q(`select id, state from clocks where owner_kind = 'vetting' order by id`),
    await q(`select count(*)::int as n from audit_events ${withReads ? '' : `where event_type not in ${READS}`}`),
  ]);
}

/** Audit rows of one type, newest first. */
export async function auditRows(
  t: TestApp,
  type: string,
): Promise<{ actor_user_id: string | null; subject_id: string; payload: Record<string, unknown> }[]> {
  return t.database.query(
    `select actor_user_id, subject_id, payload from audit_events where event_type = $1 order by seq desc`,
    [type],
  );
}

/** The day, month and year fields of a GOV.UK date input. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: d ?? '', [`${name}-month`]: m ?? '', [`${name}-year`]: y ?? '' };
}

/** A recruitment application body for the API. */
export function recruit(over: Record<string, unknown> = {}) {
  return {
    kind: 'recruitment',
    level: 'RV',
    givenName: 'Robin',
    familyName: 'Newcombe',
    formerNames: [],
    dateOfBirth: '1998-02-14',
    formerNumbers: [],
    receivedOn: '2026-03-02',
    ...over,
  };
}

/** Posts a multipart form (a file upload) as a signed-in browser would, with the CSRF token of `formPage`. */
export async function uploadForm(
  t: TestApp,
  session: string | null,
  url: string,
  fields: Record<string, string>,
  file: { name: string; type: string; content: string } | null,
  formPage = '/',
): Promise<LightMyRequestResponse> {
  const cookie = session ? `probity_session=${session}` : '';
  const pageRes = await t.app.inject({ method: 'GET', url: session ? formPage : '/sign-in', headers: { cookie } });
  const csrfCookie = pageRes.cookies.find((c) => c.name === 'probity_csrf');
  const form = new FormData();
  form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(pageRes.body)?.[1] ?? '');
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.content], { type: file.type }), file.name);
  const request = new Request('http://probity.test/', { method: 'POST', body: form });
  const headers = {
    cookie: [cookie, csrfCookie ? `probity_csrf=${csrfCookie.value}` : ''].filter(Boolean).join('; '),
    'content-type': request.headers.get('content-type') ?? '',
  };
  return t.app.inject({ method: 'POST', url, headers, payload: Buffer.from(await request.arrayBuffer()) });
}

/** A small national list file (fictional people). */
export const BARRED_CSV = [
  'source_id,family_name,given_name,date_of_birth,former_force,rank,identifiers,reason,listed_on',
  'PBL-0001,Quarrington,Jessamy,07/04/1988,Northmarsh Constabulary,Constable,4521;W77,"Dismissed: gross misconduct, honesty and integrity",2024-02-01',
  'PBL-0002,Thistlewood,Barnaby,1979-11-30,Southfen Police,Sergeant,,Dismissed: discreditable conduct,2023-09-15',
  'PBL-0003,Oakenshaw,Marigold,,Eastmoor Constabulary,Police staff,S1234,Would have been dismissed (former employee),2025-01-20',
].join('\n');
