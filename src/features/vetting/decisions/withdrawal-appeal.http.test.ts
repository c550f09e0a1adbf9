import { describe, expect, it } from 'vitest';
import { callApi } from '../../../../test/fixtures/vetting/vetting.http-fixtures.ts';
import {
  t,
  w,
  useAppealsWorld,
  page,
  detail,
  readyApplication,
  decide,
  clockOnTo,
} from '../../../../test/fixtures/vetting/appeals.http-fixtures.ts';

/** An appeal against a withdrawal. */
useAppealsWorld();

describe('an appeal against a withdrawal', () => {
  it('reinstates the withdrawn clearance when upheld, and lets a dismissal stand', async () => {
    await clockOnTo('2026-04-02');
    const [clearance] = await t.database.query<{ id: string }>(
      `select id from vetting_clearances where person_id = $1`,
      [w.people.bob.id],
    );
    const [decision] = await t.database.query<{ id: string }>(
      `insert into vetting_decisions (force_id, person_id, outcome, decided_on, decision_maker_user_id, rationale, document) values ('west', $1, 'withdraw', '2026-03-25', $2, 'Undeclared association with an organised crime group', '{}'::jsonb) returning id`,
      [w.people.bob.id, w.accounts.vetting2.user.id],
    );
    await t.database.query(
      `update vetting_clearances set status = 'withdrawn', ended_on = '2026-03-25', ended_by_decision_id = $2 where id = $1`,
      [clearance?.id, decision?.id],
    );
    const record = await page('vetting').get(`/vetting/decisions/${decision?.id}`);
    expect(record.body).toContain('Vetting decision: Withdraw');
    expect(record.body).toContain('The window to appeal ends on 8 April 2026.');
    const lodged = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/decisions/${decision?.id}/appeals`, {
      lodgedOn: '2026-04-01',
      grounds: 'The association ended in 2019',
    });
    expect(lodged.statusCode).toBe(201);
    const appealId = lodged.json<{ id: string }>().id;
    const outcome = await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/appeals/${appealId}/outcome`, {
      version: 1,
      panel: 'DCC and two independent members',
      outcome: 'upheld',
      decidedOn: '2026-04-02',
      reasons: 'The association ended years ago',
    });
    expect(outcome.json()).toEqual({
      reinstatedClearanceIds: [clearance?.id],
      message: 'Appeal upheld: the clearance has been reinstated.',
    });
    expect(
      await t.database.query(`select status, ended_on, ended_by_decision_id from vetting_clearances where id = $1`, [
        clearance?.id,
      ]),
    ).toEqual([{ status: 'active', ended_on: null, ended_by_decision_id: null }]);
    expect(
      await t.database.query(
        `select period, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1`,
        [`clearance:${clearance?.id}`],
      ),
    ).toEqual([{ period: 'vetting_renewal_rv', due_on: '2029-05-01', state: 'running' }]);
    expect(
      (
        await callApi(t, w, 'vetting', 'POST', `/api/v1/vetting/appeals/${appealId}/outcome`, {
          version: 2,
          panel: 'Again',
          outcome: 'dismissed',
          decidedOn: '2026-04-02',
          reasons: 'Trying a second time',
        })
      ).statusCode,
    ).toBe(422);

    const refused = await readyApplication({ givenName: 'Drew', familyName: 'Dismissed' }, false);
    const d = await decide(refused.id, {
      outcome: 'refuse',
      rationale: 'Failed to declare a caution for assault',
      reasonsForApplicant: 'You did not declare a relevant matter',
    });
    const appeal = await callApi(
      t,
      w,
      'vetting',
      'POST',
      `/api/v1/vetting/decisions/${d.json<{ decisionId: string }>().decisionId}/appeals`,
      { lodgedOn: '2026-04-02', grounds: 'I forgot about the caution' },
    );
    const dismissed = await callApi(
      t,
      w,
      'vetting',
      'POST',
      `/api/v1/vetting/appeals/${appeal.json<{ id: string }>().id}/outcome`,
      { version: 1, panel: 'DCC', outcome: 'dismissed', decidedOn: '2026-04-02', reasons: 'Deliberate non-disclosure' },
    );
    expect(dismissed.json()).toMatchObject({ message: 'Appeal dismissed: the decision stands.' });
    expect(await detail(refused.id)).toMatchObject({ status: 'refused', decidable: false });
  });
});
