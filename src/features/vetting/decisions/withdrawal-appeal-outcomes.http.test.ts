import { beforeAll, describe, expect, it } from 'vitest';
import { client, dateFields, type ReviewWho } from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import {
  call,
  clocksOf,
  lodge,
  snapshot,
  t,
  useWithdrawalWorld,
  w,
  withdraw,
} from '../../../../test/fixtures/vetting/withdrawal-appeals.http-fixtures.ts';

/**
 * A withdrawal appeal's other outcomes (upheld; staff), who may appeal (time, reg 6), and who may see and record
 * one (Police (Vetting) Regulations 2025, Part 3). Today is Thursday 2 April 2026.
 */
useWithdrawalWorld();

describe('the panel’s other outcomes and who may appeal', () => {
  it('restores the withdrawn clearance and its renewal clock when the appeal is upheld', async () => {
    const alice = await withdraw(w.people.alice.id, '2026-03-25');
    const { id } = await lodge(alice.decisionId, '2026-03-27');
    const res = await call('vo', 'POST', `/api/v1/vetting/withdrawal-appeals/${id}/outcome`, {
      version: 1,
      panel: 'Deputy Chief Constable',
      outcome: 'upheld',
      decidedOn: '2026-04-02',
      reasons: 'The charge was discontinued: the risk has gone',
    });
    expect(res.json()).toEqual({
      restoredClearanceIds: [alice.clearanceId],
      dismissalFollows: null,
      tribunalWindowEndsOn: null,
      message: 'Appeal upheld: the withdrawn clearance is restored.',
    });
    expect(
      await t.database.query(`select status, ended_on from vetting_clearances where id = $1`, [alice.clearanceId]),
    ).toEqual([{ status: 'active', ended_on: null }]);
    expect(await clocksOf(`clearance:${alice.clearanceId}`)).toContainEqual(
      expect.objectContaining({ period: 'vetting_renewal_rv', state: 'running' }),
    );
  });

  it('for a member of staff, dismissal follows under the force’s procedure, with no tribunal window', async () => {
    await t.database.query(`update people set person_type = 'staff' where id = $1`, [w.people.olive.id]);
    const olive = await withdraw(w.people.olive.id, '2026-03-26');
    const { id } = await lodge(olive.decisionId, '2026-03-30', 'legal_representative');
    const res = await call('vo', 'POST', `/api/v1/vetting/withdrawal-appeals/${id}/outcome`, {
      version: 1,
      panel: 'Head of People and a superintendent',
      outcome: 'dismissed',
      decidedOn: '2026-04-02',
      reasons: 'The risk to the information she handles cannot be managed',
      dismissalFollows: 'yes',
    });
    expect(res.json()).toMatchObject({ dismissalFollows: true, tribunalWindowEndsOn: null });
    expect(res.json<{ message: string }>().message).toContain('under the force’s procedure for staff');
    expect((await clocksOf(`withdrawal-appeal:${id}`)).map((c) => (c as { period: string }).period)).toEqual([
      'vetting_withdrawal_appeal_decision',
    ]);
  });

  it('refuses an appeal out of time, or from someone who has left (reg 6), changing nothing', async () => {
    await t.database.query(`update people set person_type = 'officer', status = 'current' where id = $1`, [
      w.people.vera.id,
    ]);
    const vera = await withdraw(w.people.vera.id, '2026-03-01');
    const before = await snapshot();
    const late = await call('vo', 'POST', `/api/v1/vetting/decisions/${vera.decisionId}/withdrawal-appeals`, {
      lodgedOn: '2026-03-16',
      lodgedBy: 'person',
      grounds: 'I was on leave when the letter came',
    });
    expect(late.statusCode).toBe(400);
    expect(late.json()).toMatchObject({
      error: {
        fields: {
          lodgedOn:
            'The window to appeal against the withdrawal closed on 15 March 2026: an appeal received on 16 March 2026 is out of time',
        },
      },
    });
    await t.database.query(`update people set status = 'former', service_end = '2026-03-10' where id = $1`, [
      w.people.vera.id,
    ]);
    const left = await call('vo', 'POST', `/api/v1/vetting/decisions/${vera.decisionId}/withdrawal-appeals`, {
      lodgedOn: '2026-03-12',
      lodgedBy: 'person',
      grounds: 'I want to clear my name',
    });
    expect(left.statusCode).toBe(422);
    expect(left.body).toContain('has left the force (10 March 2026)');
    expect(left.body).toContain('reg 6');
    await t.database.query(`update people set status = 'current', service_end = null where id = $1`, [
      w.people.vera.id,
    ]);
    expect(await snapshot()).toBe(before);
  });
});

describe('who may see and record a withdrawal appeal', () => {
  let decisionId = '';
  let appealId = '';

  beforeAll(async () => {
    // Vera is a vetting officer: her own file is hidden from her (she holds the ability, not the need to know).
    const vera = await withdraw(w.people.vera.id, '2026-03-31');
    decisionId = vera.decisionId;
    appealId = (await lodge(decisionId, '2026-04-01')).id;
  });

  const outcome = { version: 1, panel: 'DCC', outcome: 'upheld', decidedOn: '2026-04-02', reasons: 'Not justified' };
  const lodgeBody = { lodgedOn: '2026-04-01', lodgedBy: 'person', grounds: 'The charge was discontinued' };

  it('answers 401 to the API and sends the pages to sign in when not signed in, changing nothing', async () => {
    const before = await snapshot();
    expect((await call(null, 'GET', `/api/v1/vetting/withdrawal-appeals/${appealId}`)).statusCode).toBe(401);
    expect(
      (await call(null, 'POST', `/api/v1/vetting/withdrawal-appeals/${appealId}/outcome`, outcome)).statusCode,
    ).toBe(401);
    expect(
      (await call(null, 'POST', `/api/v1/vetting/decisions/${decisionId}/withdrawal-appeals`, lodgeBody)).statusCode,
    ).toBe(401);
    expect((await client(t, w, null).get(`/vetting/withdrawal-appeals/${appealId}`)).statusCode).toBe(303);
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 to the appellant’s own vetting officer account, another force and roles without vetting, changing nothing', async () => {
    const before = await snapshot();
    for (const who of ['voSelf', 'eastVo', 'aa', 'investigator', 'officer'] as ReviewWho[]) {
      expect((await call(who, 'GET', `/api/v1/vetting/withdrawal-appeals/${appealId}`)).statusCode, who).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/vetting/withdrawal-appeals/${appealId}/outcome`, outcome)).statusCode,
        who,
      ).toBe(404);
      expect(
        (await call(who, 'POST', `/api/v1/vetting/decisions/${decisionId}/withdrawal-appeals`, lodgeBody)).statusCode,
        who,
      ).toBe(404);
      expect((await client(t, w, who).get(`/vetting/withdrawal-appeals/${appealId}`)).statusCode, who).toBe(404);
      const form = `/vetting/withdrawal-appeals/${appealId}/outcome`;
      const posted = await client(t, w, who).post(form, {
        ...outcome,
        version: '1',
        ...dateFields('decidedOn', '2026-04-02'),
      });
      expect(posted.statusCode, who).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });

  it('answers 404 for an id that is not a withdrawal appeal', async () => {
    expect((await call('vo', 'GET', '/api/v1/vetting/withdrawal-appeals/not-a-uuid')).statusCode).toBe(404);
    expect(
      (await call('vo', 'GET', '/api/v1/vetting/withdrawal-appeals/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });
});
