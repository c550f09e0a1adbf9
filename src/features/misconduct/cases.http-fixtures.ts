import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/support/test-app.ts';
import {
  createAccount,
  createForce,
  createPerson,
  createUnit,
  sessionCookieFor,
} from '../../../test/support/factories.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import type { Role } from '../../kernel/access/roles.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { openCase } from './open-case.ts';

/**
 * The scene the case HTTP tests share: two forces, people with collar numbers, one account per kind of
 * viewer, a RESTRICTED case and a normal one (opened through the use case), and a browser-like client that
 * can post repeated fields (checkboxes). Test files call `buildCaseWorld` once in beforeAll.
 */

export type Who =
  'aa' | 'aaUnnamed' | 'aaSubject' | 'lead' | 'named' | 'outsider' | 'investigator' | 'east' | 'pcc' | 'vetting';

export async function buildCaseWorld(t: TestApp) {
  const west = await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  const psd = await createUnit(t.deps.db, 'west', 'Professional Standards', {
    id: west.rootUnitId,
    path: west.rootPath,
  });
  const response = await createUnit(t.deps.db, 'west', 'Northgate Response', {
    id: west.rootUnitId,
    path: west.rootPath,
  });
  const person = (givenName: string, familyName: string, collar: string, unitId = response.id) =>
    createPerson(t.deps.db, 'west', {
      givenName,
      familyName,
      identifiers: [{ kind: 'collar', value: collar, validFrom: '2015-01-01' }],
      postings: [{ rank: 'Constable', role: 'Response officer', unitId, validFrom: '2015-01-01' }],
    });
  const people = {
    alice: await person('Alice', 'Ashworth', '812'),
    bob: await person('Bob', 'Bramley', '5550'),
    carol: await person('Carol', 'Calder', '6001'),
    dave: await person('Dave', 'Dunmore', '7001'),
    erin: await person('Erin', 'Eastwood', '7002'),
    frank: await person('Frank', 'Fairley', '7003'),
    gina: await person('Gina', 'Garside', '7004'),
    ivy: await person('Ivy', 'Ingham', '9001', psd.id),
    twinA: await person('Tom', 'Twin', '4444'),
    twinB: await person('Tim', 'Twin', '4444'),
    eastOnly: await createPerson(t.deps.db, 'east', {
      givenName: 'Eve',
      familyName: 'Easterby',
      identifiers: [{ kind: 'collar', value: '3333', validFrom: '2010-01-01' }],
    }),
  };
  const account = async (email: string, role: Role, forceId = 'west', personId: string | null = null) =>
    createAccount(t.deps, { email, role, forceId, personId });
  const accounts: Record<Who, Awaited<ReturnType<typeof account>>> = {
    aa: await account('aa@west.example', 'appropriate_authority'),
    aaUnnamed: await account('aa2@west.example', 'appropriate_authority'),
    aaSubject: await account('aa3@west.example', 'appropriate_authority', 'west', people.dave.id),
    lead: await account('lead@west.example', 'psd_investigator'),
    named: await account('named@west.example', 'psd_investigator'),
    outsider: await account('outsider@west.example', 'psd_investigator', 'west', people.ivy.id),
    investigator: await account('inv@west.example', 'psd_investigator'),
    east: await account('aa@east.example', 'appropriate_authority', 'east'),
    pcc: await account('pcc@west.example', 'pcc_oversight'),
    vetting: await account('vetting@west.example', 'vetting_officer'),
  };
  const cookies = {} as Record<Who, string>;
  const tokens = {} as Record<Who, string>;
  for (const [name, a] of Object.entries(accounts) as [Who, (typeof accounts)[Who]][]) {
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', a.user.forceId), a.user.id, 'test')).token;
  }
  const aa = accounts.aa.principal;
  /** Restricted: only `aa` (the opener), `named` and (once allocated) `lead` may see it. */
  const restricted = await openCase(
    t.deps,
    aa,
    caseInput([people.alice.id, people.bob.id], {
      confidentiality: 'restricted',
      namedUserIds: [accounts.named.user.id],
    }),
    null,
  );
  /** Normal: every appropriate authority but the one who is a subject (Dave); investigators only if lead. */
  const normal = await openCase(t.deps, aa, caseInput([people.carol.id, people.dave.id]), null);
  return { west, psd, people, accounts, cookies, tokens, restricted, normal, aa };
}

export type CaseWorld = Awaited<ReturnType<typeof buildCaseWorld>>;

export function caseInput(
  subjectPersonIds: string[],
  extra: Partial<Parameters<typeof openCase>[2]> = {},
): Parameters<typeof openCase>[2] {
  return {
    source: 'internal_report',
    caseType: 'conduct_matter',
    cameToAttentionOn: '2025-03-10',
    summary: 'Offensive messages in a team chat group',
    subjectPersonIds,
    allegation: {
      categoryCode: 'behaviours.unprofessional',
      standards: ['authority_respect_courtesy', 'discreditable_conduct'],
      description: 'Posted offensive messages about colleagues and members of the public.',
    },
    ...extra,
  };
}

/** A principal for calling use cases directly in a test. */
export function principalOfWorld(world: CaseWorld, who: Who): Principal {
  return world.accounts[who].principal;
}

/**
 * Everything a refused request must not change, as one comparable value. `withReads: false` leaves out the
 * audited reads (case.viewed), for requests that rightly re-show the page to someone who may see it.
 */
export async function snapshot(t: TestApp, withReads = true): Promise<string> {
  const q = (text: string) => t.database.query(text);
  return JSON.stringify([
    await q(`select id, version, lead_investigator_id, status from cases order by id`),
    await q(`select id, state, version from allegations order by id`),
    await q(`select id, left_on::text, version from case_subjects order by id`),
    await q(`select count(*)::int as n from allegation_events`),
    await q(`select count(*)::int as n from case_access`),
    await q(`select count(*)::int as n from list_returns`),
    await q(`select count(*)::int as n from clocks`),
    await q(`select count(*)::int as n from audit_events ${withReads ? '' : `where event_type <> 'case.viewed'`}`),
  ]);
}

export async function allegationRows(t: TestApp, caseId: string) {
  return t.database.query<{ id: string; state: string; version: number; subject_id: string; given_name: string }>(
    `select a.id, a.state, a.version, a.subject_id, p.given_name from allegations a
      join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id
      join people p on p.force_id = s.force_id and p.id = s.person_id
      where a.case_id = $1 order by p.given_name`,
    [caseId],
  );
}

type Fields = Record<string, string | string[]>;

/** Like TestClient, but a field may repeat (checkboxes), and the session cookie is given up front. */
export class FormClient {
  private cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    session?: string,
  ) {
    if (session) this.cookies.set('probity_session', session);
  }

  private header(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) this.cookies.set(c.name, c.value);
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: { cookie: this.header() } }));
  }

  /** Posts with the CSRF token of `formPage` (default: the start page, or sign-in when signed out). */
  async post(url: string, fields: Fields, formPage = '/'): Promise<LightMyRequestResponse> {
    const page = await this.get(this.cookies.has('probity_session') ? formPage : '/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const params = new URLSearchParams();
    const all: Fields = { ...fields, _csrf: token };
    for (const [k, v] of Object.entries(all)) for (const one of typeof v === 'string' ? [v] : v) params.append(k, one);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.header(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: params.toString(),
      }),
    );
  }
}

export function as(t: TestApp, world: CaseWorld, who: Who | null): FormClient {
  return new FormClient(t.app, who ? world.cookies[who] : undefined);
}

/** The day, month and year fields of a GOV.UK date input. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: d ?? '', [`${name}-month`]: m ?? '', [`${name}-year`]: y ?? '' };
}
