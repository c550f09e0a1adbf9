import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../../test/support/test-app.ts';
import { createAccount, createForce, createPerson, sessionCookieFor } from '../../../test/support/factories.ts';
import { vettingClearances } from '../../db/schema/index.ts';
import type { Role } from '../access/roles.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { systemActor } from '../audit/audit-events.ts';
import { FormClient } from '../misconduct/cases.http-fixtures.ts';
import { openReviewForTrigger, type ReviewTrigger } from './reviews/open-review-for-trigger.ts';
import { startVettingClock } from './vetting-clocks.ts';

/**
 * The scene the review tests share: two forces; people in West (Alice and Bob under review, Vera who is a
 * vetting officer herself, Olive an officer who declares); one account per kind of viewer. Reviews and
 * clearances are set up directly (`openReview`, `addClearance`): the tests act on them through the pages,
 * the API and the use cases.
 */

export type ReviewWho = 'vo' | 'voSelf' | 'aa' | 'investigator' | 'officer' | 'unlinked' | 'pcc' | 'eastVo';

export async function buildReviewWorld(t: TestApp) {
  const west = await createForce(t.deps.db, 'west');
  await createForce(t.deps.db, 'east');
  const person = (givenName: string, familyName: string, collar: string, forceId = 'west') =>
    createPerson(t.deps.db, forceId, {
      givenName,
      familyName,
      identifiers: [{ kind: 'collar', value: collar, validFrom: '2015-01-01' }],
      postings:
        forceId === 'west'
          ? [{ rank: 'Constable', role: 'Response officer', unitId: west.rootUnitId, validFrom: '2015-01-01' }]
          : [],
    });
  const people = {
    alice: await person('Alice', 'Ashworth', '101'),
    bob: await person('Bob', 'Bramley', '102'),
    vera: await person('Vera', 'Vetter', '103'),
    olive: await person('Olive', 'Oakes', '104'),
    eve: await person('Eve', 'Easterby', '201', 'east'),
  };
  const account = (email: string, role: Role, forceId = 'west', personId: string | null = null) =>
    createAccount(t.deps, { email, role, forceId, personId });
  const accounts: Record<ReviewWho, Awaited<ReturnType<typeof account>>> = {
    vo: await account('vo@west.example', 'vetting_officer'),
    voSelf: await account('vera@west.example', 'vetting_officer', 'west', people.vera.id),
    aa: await account('aa@west.example', 'appropriate_authority'),
    investigator: await account('inv@west.example', 'psd_investigator'),
    officer: await account('olive@west.example', 'officer', 'west', people.olive.id),
    unlinked: await account('nobody@west.example', 'officer'),
    pcc: await account('pcc@west.example', 'pcc_oversight'),
    eastVo: await account('vo@east.example', 'vetting_officer', 'east'),
  };
  const cookies = {} as Record<ReviewWho, string>;
  const tokens = {} as Record<ReviewWho, string>;
  for (const [name, a] of Object.entries(accounts) as [ReviewWho, (typeof accounts)[ReviewWho]][]) {
    cookies[name] = await sessionCookieFor(t.deps, a.user.id);
    tokens[name] = (await createApiToken(t.deps, systemActor('test', a.user.forceId), a.user.id, 'test')).token;
  }
  return { west, people, accounts, cookies, tokens };
}

export type ReviewWorld = Awaited<ReturnType<typeof buildReviewWorld>>;

export function client(t: TestApp, w: ReviewWorld, who: ReviewWho | null): FormClient {
  return new FormClient(t.app, who ? w.cookies[who] : undefined);
}

/** Opens a review as the integrity loop would (with its clock). */
export async function openReview(
  t: TestApp,
  input: {
    personId: string;
    trigger?: ReviewTrigger;
    sourceKey?: string;
    openedOn?: string;
    caseId?: string | null;
    forceId?: string;
    summary?: string;
  },
) {
  return t.deps.db.transaction((tx) =>
    openReviewForTrigger(tx, t.deps, {
      forceId: input.forceId ?? 'west',
      personId: input.personId,
      trigger: input.trigger ?? 'adverse_information',
      sourceKey: input.sourceKey ?? `test:${Math.random().toString(36).slice(2)}`,
      caseId: input.caseId ?? null,
      openedOn: input.openedOn ?? '2026-03-02',
      ...(input.summary ? { summary: input.summary } : {}),
    }),
  );
}

/** A clearance held by a person, with its renewal clock (as granting one would leave it). */
export async function addClearance(
  t: TestApp,
  input: {
    personId: string;
    level?: 'RV' | 'MV' | 'NPPV3';
    grantedOn?: string;
    expiresOn: string;
    status?: 'active' | 'expired' | 'suspended';
    forceId?: string;
  },
) {
  const forceId = input.forceId ?? 'west';
  const [row] = await t.deps.db
    .insert(vettingClearances)
    .values({
      forceId,
      personId: input.personId,
      level: input.level ?? 'RV',
      status: input.status ?? 'active',
      grantedOn: input.grantedOn ?? '2020-01-01',
      expiresOn: input.expiresOn,
    })
    .returning();
  if (!row) throw new Error('no clearance');
  await t.deps.db.transaction((tx) =>
    startVettingClock(tx, t.deps, {
      forceId,
      personId: input.personId,
      subjectKey: `clearance:${row.id}`,
      period: 'vetting_renewal_rv',
      startOn: row.grantedOn,
    }),
  );
  return row;
}

/** Everything a refused request must not change in vetting (and no audit row at all). */
export async function vettingSnapshot(t: TestApp): Promise<string> {
  const q = (text: string) => t.database.query(text);
  return JSON.stringify([
    await q(`select id, status, version, assigned_user_id from vetting_reviews order by id`),
    await q(`select id, status, version, ended_on::text from vetting_clearances order by id`),
    await q(`select id, state from vetting_clocks order by id`),
    await q(`select id, status, version from vetting_checks order by id`),
    await q(`select id, resolved_by_decision_id from adverse_information order by id`),
    await q(`select count(*)::int as n from vetting_decisions`),
    await q(`select count(*)::int as n from vetting_declarations`),
    await q(`select count(*)::int as n from audit_events`),
  ]);
}

export async function auditCount(t: TestApp, type: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(
    `select count(*)::int as n from audit_events where event_type = $1`,
    [type],
  );
  return row?.n ?? 0;
}

export async function reviewsOf(t: TestApp, personId: string) {
  return t.database.query<{
    id: string;
    trigger: string;
    source_key: string;
    case_id: string | null;
    opened_on: string;
    due_on: string;
    status: string;
    summary: string;
  }>(
    `select id, trigger, source_key, case_id, opened_on::text, due_on::text, status, summary from vetting_reviews where person_id = $1 order by created_at, trigger`,
    [personId],
  );
}

/** The day, month and year fields of a GOV.UK date input. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: d ?? '', [`${name}-month`]: m ?? '', [`${name}-year`]: y ?? '' };
}

export function json<T>(res: LightMyRequestResponse): T {
  return res.json<T>();
}
