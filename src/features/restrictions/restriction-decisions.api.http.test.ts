import { describe, expect, it } from 'vitest';
import { api } from '../../../test/support/test-app.ts';
import type { Who } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  restrictionRows,
  restrictionSnapshot,
  decisionBody,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import {
  bobsSuspension,
  call,
  erinRestrictedAndArrested,
  fieldsOf,
  sub,
  t,
  useRestrictionsApiWorld,
  w,
  type ListItem,
  type Restriction,
} from '../../../test/fixtures/restrictions/restrictions-api.http-fixtures.ts';

/** /api/v1 restrictions: bad input, the list and its filters, and the later decisions. */

useRestrictionsApiWorld();

describe('the restrictions API', () => {
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
});
