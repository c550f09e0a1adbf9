import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import {
  addClearance,
  auditCount,
  buildReviewWorld,
  client,
  dateFields,
  openReview,
  type ReviewWho,
  type ReviewWorld,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';

/**
 * The appeal against a withdrawal of vetting clearance (Police (Vetting) Regulations 2025, Part 3), apart from
 * the refusal appeal: its own window and the panel's clock, who may appeal, the panel's outcome and the
 * dismissal that may follow, with its page and API and their refusals. Today is Thursday 2 April 2026 (Good
 * Friday 3 April and Easter Monday 6 April are bank holidays).
 */
let t: TestApp;
let w: ReviewWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-04-02T10:00:00Z'));
  w = await buildReviewWorld(t);
});

afterAll(async () => {
  await t?.close();
});

const call = (who: ReviewWho | null, method: 'GET' | 'POST', url: string, body?: unknown) =>
  api(t.app, method, url, who ? w.tokens[who] : undefined, body);

/** Everything a refused request must not change, appeals and their columns included, and no change audited. */
async function snapshot(): Promise<string> {
  const q = (text: string) => t.database.query(text);
  return JSON.stringify([
    await q(
      `select id, kind, outcome, version, lodged_by, decide_by::text, dismissal_follows from vetting_appeals order by id`,
    ),
    await q(`select id, status, version from vetting_clearances order by id`),
    await q(`select id, period, state, due_on::text from clocks where owner_kind = 'vetting' order by id`),
    // Changes only: a refused form shows the record again, and that read is audited.
    await q(`select count(*)::int as n from audit_events where event_type <> 'vetting.file_viewed'`),
  ]);
}

/** Withdraws the person's clearance on a review, decided on `decidedOn`; returns the decision and clearance. */
async function withdraw(personId: string, decidedOn: string) {
  const clearance = await addClearance(t, { personId, grantedOn: '2022-06-01', expiresOn: '2032-06-01' });
  const { reviewId } = await openReview(t, { personId, trigger: 'criminal_charge', openedOn: '2026-02-20' });
  const res = await call('vo', 'POST', `/api/v1/vetting/reviews/${reviewId}/decision`, {
    version: 1,
    outcome: 'withdraw',
    rationale: 'Charged with an offence of dishonesty committed on duty',
    decidedOn,
    harmTestConsidered: true,
    officerInformedOn: '2026-02-25',
    policeFriendOffered: true,
    reasonsForOfficer: 'Your clearance is withdrawn because of the charge of dishonesty',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { decisionId: res.json<{ decisionId: string }>().decisionId, clearanceId: clearance.id, res };
}

const clocksOf = (subjectKey: string) =>
  t.database.query(
    `select period, started_on::text, due_on::text, state, met_on::text from clocks where owner_kind = 'vetting' and subject_key = $1 order by period`,
    [subjectKey],
  );

async function lodge(decisionId: string, lodgedOn: string, lodgedBy = 'person') {
  const res = await call('vo', 'POST', `/api/v1/vetting/decisions/${decisionId}/withdrawal-appeals`, {
    lodgedOn,
    lodgedBy,
    grounds: 'The charge was discontinued and the account was never tested',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; decideBy: string }>();
}

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
