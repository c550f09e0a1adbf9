import { beforeAll, describe, expect, it } from 'vitest';
import { auditCount, client, dateFields } from '../../../../test/fixtures/vetting/review.http-fixtures.ts';
import {
  call,
  clocksOf,
  snapshot,
  t,
  useWithdrawalWorld,
  w,
  withdraw,
} from '../../../../test/fixtures/vetting/withdrawal-appeals.http-fixtures.ts';

/**
 * The appeal against a withdrawal of vetting clearance (Police (Vetting) Regulations 2025, Part 3), apart from
 * the refusal appeal: its own window, the panel's clock and the dismissal that may follow, through the page and
 * the API. Today is Thursday 2 April 2026 (Good Friday 3 April and Easter Monday 6 April are bank holidays).
 * The panel's other outcomes, who may appeal and who may see it: withdrawal-appeal-outcomes.http.test.ts.
 */
useWithdrawalWorld();

describe('an officer’s appeal against the withdrawal of their clearance (Police (Vetting) Regulations 2025)', () => {
  let bob: { decisionId: string; clearanceId: string };
  let appealId = '';

  beforeAll(async () => {
    bob = await withdraw(w.people.bob.id, '2026-03-20');
  });

  it('starts the officer’s own window (vetting_withdrawal_appeal), not the refusal appeal’s, and the refusal route refuses it', async () => {
    expect(await clocksOf(`decision:${bob.decisionId}`)).toEqual([
      {
        period: 'vetting_withdrawal_appeal',
        started_on: '2026-03-20',
        due_on: '2026-04-03',
        state: 'running',
        met_on: null,
      },
    ]);
    const before = await snapshot();
    const refused = await call('vo', 'POST', `/api/v1/vetting/decisions/${bob.decisionId}/appeals`, {
      lodgedOn: '2026-03-30',
      grounds: 'The charge was discontinued',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('Police (Vetting) Regulations 2025');
    expect(await snapshot()).toBe(before);
    const record = await client(t, w, 'vo').get(`/vetting/decisions/${bob.decisionId}`);
    expect(record.body).toContain('Appeal against the withdrawal');
    expect(record.body).toContain(`action="/vetting/decisions/${bob.decisionId}/withdrawal-appeals"`);
    expect(record.body).toContain('Their police friend, for them');
  });

  it('refuses bad input on the page and the API with 400, changing nothing', async () => {
    const before = await snapshot();
    const page = `/vetting/decisions/${bob.decisionId}`;
    const bad = await client(t, w, 'vo').post(
      `${page}/withdrawal-appeals`,
      { grounds: 'short', ...dateFields('lodgedOn', '2026-03-30') },
      page,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Choose who brought the appeal');
    expect(bad.body).toContain('Enter the grounds of appeal (at least 10 characters)');
    const impossible = await client(t, w, 'vo').post(
      `${page}/withdrawal-appeals`,
      { lodgedBy: 'person', grounds: 'The charge was discontinued', ...dateFields('lodgedOn', '2026-02-30') },
      page,
    );
    expect(impossible.statusCode).toBe(400);
    const early = await call('vo', 'POST', `/api/v1/vetting/decisions/${bob.decisionId}/withdrawal-appeals`, {
      lodgedOn: '2026-03-19',
      lodgedBy: 'person',
      grounds: 'The charge was discontinued',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({
      error: { fields: { lodgedOn: 'The appeal cannot be received before the withdrawal (20 March 2026)' } },
    });
    const who = await call('vo', 'POST', `/api/v1/vetting/decisions/${bob.decisionId}/withdrawal-appeals`, {
      lodgedOn: '2026-03-30',
      lodgedBy: 'the chief constable',
      grounds: 'The charge was discontinued',
    });
    expect(who.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('lodges the appeal through the police friend: the window is met and the panel’s clock starts', async () => {
    const page = `/vetting/decisions/${bob.decisionId}`;
    const res = await client(t, w, 'vo').post(
      `${page}/withdrawal-appeals`,
      {
        lodgedBy: 'police_friend',
        grounds: 'The charge was discontinued and the account was never tested',
        ...dateFields('lodgedOn', '2026-03-30'),
      },
      page,
    );
    expect(res.statusCode).toBe(303);
    appealId =
      /\/vetting\/withdrawal-appeals\/([0-9a-f-]{36})\?done=lodged$/.exec(res.headers.location ?? '')?.[1] ?? '';
    expect(appealId).not.toBe('');
    expect(await clocksOf(`decision:${bob.decisionId}`)).toMatchObject([{ state: 'met', met_on: '2026-03-30' }]);
    expect(await clocksOf(`withdrawal-appeal:${appealId}`)).toEqual([
      {
        period: 'vetting_withdrawal_appeal_decision',
        started_on: '2026-03-30',
        due_on: '2026-04-27',
        state: 'running',
        met_on: null,
      },
    ]);
    expect(await auditCount(t, 'vetting.withdrawal_appeal_lodged')).toBe(1);
    const view = await client(t, w, 'vo').get(res.headers.location ?? '');
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain('Bob Bramley');
    expect(view.body).toContain('Their police friend, for them');
    expect(view.body).toContain('27 April 2026');
    expect(view.body).toContain('Does dismissal follow?');
    // Not a refusal appeal: the refusal appeal's page and API do not know it.
    expect((await client(t, w, 'vo').get(`/vetting/appeals/${appealId}`)).statusCode).toBe(404);
    expect((await call('vo', 'GET', `/api/v1/vetting/appeals/${appealId}`)).statusCode).toBe(404);
    const second = await call('vo', 'POST', `/api/v1/vetting/decisions/${bob.decisionId}/withdrawal-appeals`, {
      lodgedOn: '2026-03-31',
      lodgedBy: 'person',
      grounds: 'A second appeal against the same withdrawal',
    });
    expect(second.statusCode).toBe(422);
  });

  it('refuses a dismissal without saying whether dismissal follows, then records it and opens the tribunal window', async () => {
    const before = await snapshot();
    const page = `/vetting/withdrawal-appeals/${appealId}`;
    const bad = await client(t, w, 'vo').post(
      `${page}/outcome`,
      {
        version: '1',
        panel: 'Deputy Chief Constable (chair), two independent members',
        outcome: 'dismissed',
        reasons: 'The conduct alleged goes to honesty and the risk cannot be managed',
        ...dateFields('decidedOn', '2026-04-01'),
      },
      page,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Say whether the officer’s dismissal follows');
    const upheldAndDismissed = await call('vo', 'POST', `/api/v1/vetting/withdrawal-appeals/${appealId}/outcome`, {
      version: 1,
      panel: 'DCC',
      outcome: 'upheld',
      decidedOn: '2026-04-01',
      reasons: 'The withdrawal was not justified',
      dismissalFollows: true,
    });
    expect(upheldAndDismissed.statusCode).toBe(400);
    expect(await snapshot()).toBe(before);

    const res = await client(t, w, 'vo').post(
      `${page}/outcome`,
      {
        version: '1',
        panel: 'Deputy Chief Constable (chair), two independent members',
        outcome: 'dismissed',
        dismissalFollows: 'yes',
        reasons: 'The conduct alleged goes to honesty and the risk cannot be managed',
        ...dateFields('decidedOn', '2026-04-01'),
      },
      page,
    );
    expect(res.statusCode).toBe(303);
    const view = await call('vo', 'GET', `/api/v1/vetting/withdrawal-appeals/${appealId}`);
    expect(view.json()).toMatchObject({
      route: 'regulations',
      outcome: 'dismissed',
      dismissalFollows: true,
      // 10 working days after Wednesday 1 April 2026, over the Easter bank holidays.
      tribunalWindowEndsOn: '2026-04-17',
      consequence:
        'Appeal dismissed: the withdrawal stands, and the officer’s dismissal without notice follows (Police (Vetting) Regulations 2025 (SI 2025/502), Part 3). The officer may appeal to the Police Appeals Tribunal until 17 April 2026.',
    });
    expect(await clocksOf(`withdrawal-appeal:${appealId}`)).toEqual([
      {
        period: 'vetting_withdrawal_appeal_decision',
        started_on: '2026-03-30',
        due_on: '2026-04-27',
        state: 'met',
        met_on: '2026-04-01',
      },
      {
        period: 'vetting_withdrawal_tribunal',
        started_on: '2026-04-01',
        due_on: '2026-04-17',
        state: 'running',
        met_on: null,
      },
    ]);
    expect(await t.database.query(`select status from vetting_clearances where id = $1`, [bob.clearanceId])).toEqual([
      { status: 'withdrawn' },
    ]);
    const shown = await client(t, w, 'vo').get(res.headers.location ?? '');
    expect(shown.body).toContain('dismissal without notice follows');
    expect(shown.body).not.toContain('Record the panel’s outcome');
    expect(await auditCount(t, 'vetting.withdrawal_appeal_decided')).toBe(1);
    const deadlines = await client(t, w, 'vo').get('/vetting/deadlines');
    expect(deadlines.body).toContain(`href="/vetting/withdrawal-appeals/${appealId}"`);
    const again = await call('vo', 'POST', `/api/v1/vetting/withdrawal-appeals/${appealId}/outcome`, {
      version: 2,
      panel: 'DCC',
      outcome: 'upheld',
      decidedOn: '2026-04-02',
      reasons: 'Trying a second time',
    });
    expect(again.statusCode).toBe(422);
  });
});
