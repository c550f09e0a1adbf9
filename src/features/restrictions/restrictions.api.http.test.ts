import { describe, expect, it } from 'vitest';
import { api } from '../../../test/support/test-app.ts';
import type { Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { restrictionSnapshot, decisionBody } from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import {
  bobsSuspension,
  call,
  markBobSuspended,
  sub,
  suspendBob,
  t,
  useRestrictionsApiWorld,
  w,
  type Restriction,
} from '../../../test/fixtures/restrictions/restrictions-api.http-fixtures.ts';

/** /api/v1 restrictions: imposing and reading, who may call, and the OpenAPI document. */

useRestrictionsApiWorld();

describe('the restrictions API', () => {
  it('imposes a suspension with both regulation 11 tests, and reads it back', async () => {
    const res = await suspendBob();
    expect(res.statusCode).toBe(201);
    const bobRestriction = res.json<{ id: string }>().id;
    markBobSuspended(bobRestriction);
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
