import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type ApiError, type TestApp } from '../../../test/support/test-app.ts';
import type { Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  arrest,
  buildRestrictionWorld,
  decisionBody,
  restrictionRows,
  restrictionSnapshot,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';

/** /api/v1 restrictions: the same rules as the pages, as JSON. */

type Restriction = {
  id: string;
  kind: string;
  status: string;
  version: number;
  nextReviewDueOn: string | null;
  decisions: { kind: string; decisionMaker: string }[];
  optionsConsidered: unknown[];
};
type ListItem = { id: string; name: string; kind: string; status: string; flag: string };

let t: TestApp;
let w: RestrictionWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  w = await buildRestrictionWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: Who | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, who ? w.tokens[who] : undefined, body);
const sub = (name: string) => w.subjects[name] ?? '';
const fieldsOf = (res: { json: <T>() => T }) => res.json<ApiError>().error.fields ?? {};

const suspendBob = () =>
  call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/restrictions`, {
    subjectId: sub('bob'),
    ...decisionBody('suspension', '2026-03-02'),
  });
let imposed: Promise<string> | undefined;
/** Bob's suspension (version 1): imposed by the first test, or here when a later test runs alone. */
const bobsSuspension = () => (imposed ??= suspendBob().then((res) => res.json<{ id: string }>().id));

const restrictAndArrestErin = async () => {
  await call('aa', 'POST', `/api/v1/cases/${w.serious.id}/restrictions`, {
    subjectId: sub('erin'),
    ...decisionBody('restricted_system_access', '2026-03-01'),
  });
  await arrest(t, w, w.serious.id, sub('erin'), '2026-02-20');
};
let erinFlagged: Promise<void> | undefined;
/** Erin's systems access restricted and Erin arrested (so flagged): by the list test, or here when a later test runs alone. */
const erinRestrictedAndArrested = () => (erinFlagged ??= restrictAndArrestErin());

describe('the restrictions API', () => {
  it('imposes a suspension with both regulation 11 tests, and reads it back', async () => {
    const res = await suspendBob();
    expect(res.statusCode).toBe(201);
    const bobRestriction = res.json<{ id: string }>().id;
    imposed = Promise.resolve(bobRestriction);
    expect(res.json()).toMatchObject({ version: 1, noticeDueOn: '2026-03-05', nextReviewDueOn: '2026-03-30' });
    const one = await call('aa', 'GET', `/api/v1/restrictions/${bobRestriction}`);
    expect(one.statusCode).toBe(200);
    const body = one.json<Restriction>();
    expect(body).toMatchObject({ kind: 'suspension', status: 'in_force', version: 1, nextReviewDueOn: '2026-03-30' });
    expect(body.optionsConsidered).toHaveLength(7);
    expect(body.decisions).toEqual([
      expect.objectContaining({ kind: 'imposed', decisionMaker: w.accounts.aa.user.displayName }),
    ]);
    // Audited with ids, kinds and dates only: never the reasons or the conditions.
    const events = await t.database.query<{ event_type: string; payload: Record<string, unknown> }>(
      `select event_type, payload from audit_events where event_type like 'restriction.%' order by seq`,
    );
    expect(events.map((e) => e.event_type)).toEqual(['restriction.imposed', 'restriction.viewed']);
    expect(events[0]?.payload).toEqual({
      type: 'restriction.imposed',
      restrictionId: bobRestriction,
      caseId: w.restricted.id,
      subjectId: sub('bob'),
      kind: 'suspension',
      startsOn: '2026-03-02',
    });
  });

  it('answers every endpoint with 401 without a valid token, changing nothing', async () => {
    const bobRestriction = await bobsSuspension();
    const before = await restrictionSnapshot(t);
    const requests: ['GET' | 'POST', string, unknown?][] = [
      ['GET', '/api/v1/restrictions'],
      ['GET', '/api/v1/restrictions/flagged'],
      ['GET', `/api/v1/restrictions/${bobRestriction}`],
      ['GET', `/api/v1/cases/${w.restricted.id}/restrictions`],
      [
        'POST',
        `/api/v1/cases/${w.restricted.id}/restrictions`,
        { subjectId: sub('alice'), ...decisionBody('repositioned', '2026-03-02') },
      ],
      [
        'POST',
        `/api/v1/restrictions/${bobRestriction}/reviews`,
        { version: 1, reviewedOn: '2026-03-02', conditionsStillHold: true, reasons: 'x', officerInformed: true },
      ],
      [
        'POST',
        `/api/v1/restrictions/${bobRestriction}/change`,
        { version: 1, ...decisionBody('repositioned', '2026-03-02') },
      ],
      [
        'POST',
        `/api/v1/restrictions/${bobRestriction}/lift`,
        { version: 1, decidedOn: '2026-03-02', endsOn: '2026-03-02', reasons: 'x' },
      ],
      ['POST', `/api/v1/restrictions/${bobRestriction}/notice`, { version: 1, writtenNoticeOn: '2026-03-02' }],
      ['POST', `/api/v1/cases/${w.restricted.id}/subjects/${sub('alice')}/suspension-rationale`, { rationale: 'x' }],
    ];
    for (const [method, url, body] of requests) {
      expect((await call(null, method, url, body)).statusCode, url).toBe(401);
      expect((await api(t.app, method, url, 'prb_not-a-real-token', body)).statusCode, url).toBe(401);
    }
    expect(await restrictionSnapshot(t)).toBe(before);
  });

  it('refuses callers without need-to-know or the ability with 404, changing nothing', async () => {
    const bobRestriction = await bobsSuspension();
    const before = await restrictionSnapshot(t);
    const requests: ['GET' | 'POST', string, unknown?][] = [
      ['GET', `/api/v1/restrictions/${bobRestriction}`],
      ['GET', `/api/v1/cases/${w.restricted.id}/restrictions`],
      [
        'POST',
        `/api/v1/cases/${w.restricted.id}/restrictions`,
        { subjectId: sub('alice'), ...decisionBody('repositioned', '2026-03-02') },
      ],
      [
        'POST',
        `/api/v1/restrictions/${bobRestriction}/reviews`,
        {
          version: 1,
          reviewedOn: '2026-03-02',
          conditionsStillHold: true,
          reasons: 'Still needed',
          officerInformed: true,
        },
      ],
      [
        'POST',
        `/api/v1/restrictions/${bobRestriction}/change`,
        { version: 1, ...decisionBody('repositioned', '2026-03-02') },
      ],
      [
        'POST',
        `/api/v1/restrictions/${bobRestriction}/lift`,
        { version: 1, decidedOn: '2026-03-02', endsOn: '2026-03-02', reasons: 'Not needed' },
      ],
      ['POST', `/api/v1/restrictions/${bobRestriction}/notice`, { version: 1, writtenNoticeOn: '2026-03-02' }],
      [
        'POST',
        `/api/v1/cases/${w.restricted.id}/subjects/${sub('alice')}/suspension-rationale`,
        { rationale: 'Enough' },
      ],
    ];
    for (const who of ['aaUnnamed', 'investigator', 'outsider', 'east', 'pcc', 'vetting'] as Who[]) {
      for (const [method, url, body] of requests)
        expect((await call(who, method, url, body)).statusCode, `${who} ${method} ${url}`).toBe(404);
    }
    // Named on the restricted case: may read its restrictions, not decide on them.
    expect((await call('named', 'GET', `/api/v1/restrictions/${bobRestriction}`)).statusCode).toBe(200);
    for (const [method, url, body] of requests.filter(([m]) => m === 'POST'))
      expect((await call('named', method, url, body)).statusCode, url).toBe(404);
    for (const who of ['pcc', 'vetting'] as Who[]) {
      expect((await call(who, 'GET', '/api/v1/restrictions')).statusCode).toBe(404);
      expect((await call(who, 'GET', '/api/v1/restrictions/flagged')).statusCode).toBe(404);
    }
    const after = JSON.parse(await restrictionSnapshot(t)) as unknown[];
    const was = JSON.parse(before) as unknown[];
    // Only the named investigator's audited read was added.
    expect(after.slice(0, 5)).toEqual(was.slice(0, 5));
    expect(
      await t.database.query(
        `select count(*)::int as n from audit_events where event_type = 'restriction.viewed' and actor_user_id = $1`,
        [w.accounts.named.user.id],
      ),
    ).toEqual([{ n: 1 }]);
  });

  it('explains bad input with 400 and one message per field, changing nothing', async () => {
    const bobRestriction = await bobsSuspension();
    const before = await restrictionSnapshot(t, false);
    const noTests = { ...decisionBody('suspension', '2026-03-02'), suspensionTests: undefined };
    const noReg11 = await call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/restrictions`, {
      subjectId: sub('alice'),
      ...noTests,
    });
    expect(noReg11.statusCode).toBe(400);
    expect(fieldsOf(noReg11)).toMatchObject({
      'suspensionTests.redeploymentRejectedReason': expect.stringContaining('regulation 11') as string,
      'suspensionTests.ground': expect.stringContaining('Choose the ground') as string,
      'suspensionTests.groundReason': 'Explain why the ground for suspension applies',
    });
    const fewOptions = await call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/restrictions`, {
      subjectId: sub('alice'),
      ...decisionBody('repositioned', '2026-03-02', { options: [] }),
    });
    expect(fieldsOf(fewOptions)).toMatchObject({
      'options.suspension.considered': 'Say whether you considered suspension (regulation 11)',
    });
    const future = await call('aa', 'POST', `/api/v1/cases/${w.restricted.id}/restrictions`, {
      subjectId: sub('alice'),
      ...decisionBody('repositioned', '2026-03-09'),
    });
    expect(fieldsOf(future)).toMatchObject({ decidedOn: 'The decision date cannot be in the future' });
    const noReasons = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/reviews`, {
      version: 1,
      reviewedOn: '2026-03-02',
      conditionsStillHold: false,
      reasons: '',
      officerInformed: true,
    });
    expect(noReasons.statusCode).toBe(400);
    const mustAct = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/reviews`, {
      version: 1,
      reviewedOn: '2026-03-02',
      conditionsStillHold: false,
      reasons: 'The risk has passed',
      officerInformed: true,
    });
    expect(fieldsOf(mustAct)).toMatchObject({
      outcome: 'The conditions no longer hold: lift the restriction or change it in this review',
    });
    const badLift = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/lift`, {
      version: 1,
      decidedOn: '2026-03-02',
      endsOn: 'soon',
      reasons: 'Done',
    });
    expect(badLift.statusCode).toBe(400);
    const badChange = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/change`, {
      version: 1,
      ...decisionBody('restricted_duties', '2026-03-02', { conditions: '' }),
    });
    expect(fieldsOf(badChange)).toEqual({
      conditions: 'Describe the restriction: what the officer may and may not do',
    });
    const badNotice = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/notice`, {
      version: 1,
      writtenNoticeOn: 'tomorrow',
    });
    expect(badNotice.statusCode).toBe(400);
    expect(fieldsOf(badNotice)).toEqual({ writtenNoticeOn: 'Enter a date in the format 2026-03-27' });
    const notFlagged = await call(
      'aa',
      'POST',
      `/api/v1/cases/${w.restricted.id}/subjects/${sub('alice')}/suspension-rationale`,
      { rationale: 'Enough' },
    );
    expect(notFlagged.statusCode).toBe(400);
    expect(fieldsOf(notFlagged)['rationale']).toContain('not flagged');
    const badFilter = await call('aa', 'GET', '/api/v1/restrictions?status=pending');
    expect(badFilter.statusCode).toBe(400);
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('lists with filters (status, kind, flagged) and only what the caller may see', async () => {
    await bobsSuspension();
    await erinRestrictedAndArrested();
    const items = async (who: Who, query = '') =>
      (await call(who, 'GET', `/api/v1/restrictions${query}`)).json<{ items: ListItem[] }>().items;
    expect((await items('aa')).map((i) => [i.name, i.kind, i.flag]).sort()).toEqual([
      ['Bob Bramley', 'suspension', 'not_applicable'],
      ['Erin Eastwood', 'restricted_system_access', 'flagged'],
    ]);
    expect((await items('aa', '?kind=suspension')).map((i) => i.name)).toEqual(['Bob Bramley']);
    expect((await items('aa', '?flagged=true')).map((i) => i.name)).toEqual(['Erin Eastwood']);
    expect((await items('aa', '?flagged=false')).map((i) => i.name)).toEqual(['Bob Bramley']);
    expect(await items('aa', '?status=lifted')).toEqual([]);
    expect((await items('aaUnnamed')).map((i) => i.name)).toEqual(['Erin Eastwood']);
    expect(await items('investigator')).toEqual([]);
    const flagged = (await call('aa', 'GET', '/api/v1/restrictions/flagged')).json<{
      items: { name: string; restrictionKind: string; flag: { triggers: unknown[] } }[];
    }>().items;
    expect(flagged).toEqual([
      expect.objectContaining({
        name: 'Erin Eastwood',
        restrictionKind: 'restricted_system_access',
        flag: expect.objectContaining({ triggers: [{ kind: 'arrest', on: '2026-02-20' }] }) as unknown,
      }),
    ]);
  });

  it('reviews, records notice, changes, lifts and records a rationale, with a stale version refused (409)', async () => {
    const bobRestriction = await bobsSuspension();
    await erinRestrictedAndArrested();
    const [erin] = await restrictionRows(t, sub('erin'));
    const rationale = await api(
      t.app,
      'POST',
      `/api/v1/cases/${w.serious.id}/subjects/${sub('erin')}/suspension-rationale`,
      w.ranked.senior.token,
      { rationale: 'Systems access removed; no contact with the complainant.', decidedOn: '2026-03-02' },
    );
    expect(rationale.statusCode).toBe(201);
    expect(rationale.json()).toMatchObject({ validUntil: '2026-03-29' });
    const review = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/reviews`, {
      version: 1,
      reviewedOn: '2026-03-02',
      conditionsStillHold: true,
      reasons: 'The investigation would still be prejudiced',
      officerInformed: true,
    });
    expect(review.json()).toMatchObject({ version: 2, nextReviewDueOn: '2026-03-30', outcome: 'continue' });
    const stale = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/lift`, {
      version: 1,
      decidedOn: '2026-03-02',
      endsOn: '2026-03-02',
      reasons: 'Done',
    });
    expect(stale.statusCode).toBe(409);
    const change = await call('aa', 'POST', `/api/v1/restrictions/${erin?.id}/change`, {
      version: 1,
      ...decisionBody('temporary_redeployment', '2026-03-02', { noticeMethod: 'oral' }),
    });
    expect(change.statusCode).toBe(201);
    const changed = change.json<{ id: string; replacedId: string; noticeDueOn: string }>();
    expect(changed).toMatchObject({ replacedId: erin?.id, noticeDueOn: '2026-03-05' });
    const notice = await call('aa', 'POST', `/api/v1/restrictions/${changed.id}/notice`, {
      version: 1,
      writtenNoticeOn: '2026-03-02',
    });
    expect(notice.statusCode).toBe(200);
    const twice = await call('aa', 'POST', `/api/v1/restrictions/${changed.id}/notice`, {
      version: 2,
      writtenNoticeOn: '2026-03-02',
    });
    expect(twice.statusCode).toBe(422);
    const lift = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/lift`, {
      version: 2,
      decidedOn: '2026-03-02',
      endsOn: '2026-03-02',
      reasons: 'The investigation can no longer be prejudiced',
    });
    expect(lift.json()).toMatchObject({ version: 3, endsOn: '2026-03-02' });
    const again = await call('aa', 'POST', `/api/v1/restrictions/${bobRestriction}/lift`, {
      version: 3,
      decidedOn: '2026-03-02',
      endsOn: '2026-03-02',
      reasons: 'Again',
    });
    expect(again.statusCode).toBe(422);
    const caseView = await call('aa', 'GET', `/api/v1/cases/${w.restricted.id}/restrictions`);
    const bob = caseView
      .json<{ subjects: { name: string; current: unknown; past: Restriction[] }[] }>()
      .subjects.find((s) => s.name === 'Bob Bramley');
    expect(bob?.current).toBeNull();
    expect(bob?.past.map((p) => [p.status, p.decisions.map((d) => d.kind)])).toEqual([
      ['lifted', ['imposed', 'reviewed', 'lifted']],
    ]);
  });

  it('documents every restriction route in the OpenAPI document', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    const paths = Object.keys(doc.json<{ paths: Record<string, unknown> }>().paths).filter(
      (p) => p.includes('restriction') || p.includes('suspension'),
    );
    expect(paths.sort()).toEqual([
      '/api/v1/cases/{id}/restrictions',
      '/api/v1/cases/{id}/subjects/{subjectId}/suspension-rationale',
      '/api/v1/restrictions',
      '/api/v1/restrictions/flagged',
      '/api/v1/restrictions/{id}',
      '/api/v1/restrictions/{id}/change',
      '/api/v1/restrictions/{id}/lift',
      '/api/v1/restrictions/{id}/notice',
      '/api/v1/restrictions/{id}/reviews',
    ]);
  });
});
