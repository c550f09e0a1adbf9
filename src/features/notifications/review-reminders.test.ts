import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../kernel/deps.ts';
import type { Database } from '../../db/client.ts';
import { clocks, vettingReviews } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../../test/support/test-database.ts';
import { testConfig } from '../../../test/support/test-app.ts';
import { createAccount, createPerson } from '../../../test/support/factories.ts';
import { openNotificationWorld } from '../../../test/support/notification-world.ts';
import { principalOf } from '../auth/sessions.ts';
import { runSweep } from '../scheduler/scheduler.ts';
import { enqueueClockReminders } from './enqueue-clock-reminders.ts';
import { enqueueVettingReviewReminders } from './enqueue-vetting-review-reminders.ts';
import { listNotifications } from './list-notifications.ts';

/**
 * Restriction reviews (reg 11 reviews of a suspension, and reviews of restrictions) and vetting reviews
 * falling due: the person responsible is told in the app and by e-mail, once per review and threshold.
 * Monday 7 December 2026; reminder points 5 working days before and on the day, escalation after 5 overdue.
 */
let database: Database;
let deps: Deps;
let world: Awaited<ReturnType<typeof openNotificationWorld>>;
let vet1: Awaited<ReturnType<typeof createAccount>>;
let vet2: Awaited<ReturnType<typeof createAccount>>;
let assignedReviewId = '';
let unassignedReviewId = '';
let suspensionReviewClockId = '';
const TODAY = '2026-12-07';

const at = (day: string): Deps => ({ ...deps, now: () => new Date(`${day}T10:00:00Z`) });

async function noticesOf(userId: string, kind: string) {
  return database.query<{ dedupe_key: string; message: string; link: string; subject_id: string }>(
    `select dedupe_key, message, link, subject_id from notifications where user_id = $1 and kind = $2 order by dedupe_key`,
    [userId, kind],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  deps = { db: database.db, config: testConfig(), now: () => new Date(`${TODAY}T10:00:00Z`) };
  world = await openNotificationWorld(deps, 'rev');
  vet1 = await createAccount(deps, { email: 'vet1@rev.test', role: 'vetting_officer', forceId: 'rev' });
  const subject = await createPerson(deps.db, 'rev', { givenName: 'Rhiannon', familyName: 'Reviewed' });
  const vet2Person = await createPerson(deps.db, 'rev', { givenName: 'Vic', familyName: 'Vetter' });
  vet2 = await createAccount(deps, {
    email: 'vet2@rev.test',
    role: 'vetting_officer',
    forceId: 'rev',
    personId: vet2Person.id,
  });

  // A suspension whose first reg 11 review falls due in 5 working days, decided by the appropriate authority.
  const c = await world.caseWithClockDue('2027-06-30');
  const [k] = await deps.db
    .insert(clocks)
    .values({
      forceId: 'rev',
      caseId: c.caseId,
      period: 'suspension_review',
      regimeVersion: 'conduct-2020',
      startedOn: '2026-11-16',
      dueOn: '2026-12-14',
      ownerUserId: world.authority.user.id,
    })
    .returning();
  suspensionReviewClockId = k?.id ?? '';

  const [assigned] = await deps.db
    .insert(vettingReviews)
    .values({
      forceId: 'rev',
      personId: subject.id,
      trigger: 'adverse_information',
      sourceKey: 'test:assigned',
      openedOn: '2026-11-16',
      dueOn: '2026-12-14',
      assignedUserId: vet1.user.id,
    })
    .returning();
  assignedReviewId = assigned?.id ?? '';
  // Nobody assigned, due today, about vet2's own record: vet2 is a vetting officer but is never told of it.
  const [unassigned] = await deps.db
    .insert(vettingReviews)
    .values({
      forceId: 'rev',
      personId: vet2Person.id,
      trigger: 'adverse_information',
      sourceKey: 'test:unassigned',
      openedOn: '2026-11-09',
      dueOn: TODAY,
    })
    .returning();
  unassignedReviewId = unassigned?.id ?? '';
});

afterAll(async () => {
  await database?.close();
});

describe('restriction reviews due', () => {
  it('tells whoever decided the restriction, as a restriction review notice, once per review and threshold', async () => {
    const first = await enqueueClockReminders(at(TODAY), { today: TODAY });
    expect(first.reminders).toBe(1);
    await enqueueClockReminders(at(TODAY), { today: TODAY });
    const told = await noticesOf(world.authority.user.id, 'restriction_review_due');
    expect(told).toHaveLength(1);
    expect(told[0]?.dedupe_key).toBe(`clock:${suspensionReviewClockId}:before-5`);
    expect(told[0]?.message).toContain('due on 14 December 2026, within 5 working days');
    expect(await noticesOf(world.investigator.user.id, 'restriction_review_due')).toHaveLength(0);
    // On the day: the next threshold, once.
    await enqueueClockReminders(at('2026-12-14'), { today: '2026-12-14' });
    await enqueueClockReminders(at('2026-12-14'), { today: '2026-12-14' });
    expect((await noticesOf(world.authority.user.id, 'restriction_review_due')).map((n) => n.dedupe_key)).toEqual([
      `clock:${suspensionReviewClockId}:before-0`,
      `clock:${suspensionReviewClockId}:before-5`,
    ]);
    const [mail] = await database.query<{ text_body: string }>(
      `select text_body from outbox where user_id = $1 and kind = 'restriction_review_due' limit 1`,
      [world.authority.user.id],
    );
    expect(mail?.text_body).toContain(
      `/cases/${(await noticesOf(world.authority.user.id, 'restriction_review_due'))[0]?.subject_id}`,
    );
    expect(mail?.text_body).not.toContain('A case summary');
  });
});

describe('vetting reviews due', () => {
  it('tells the assignee, or every vetting officer while nobody is assigned, once per review and threshold', async () => {
    const first = await enqueueVettingReviewReminders(at(TODAY), { today: TODAY });
    expect(first).toEqual({ reminders: 2, overdue: 0, escalations: 0 });
    const again = await runSweep(at(TODAY), null);
    expect(again.vettingReviewReminders).toEqual({ reminders: 0, overdue: 0, escalations: 0 });

    const vet1Told = await noticesOf(vet1.user.id, 'vetting_review_due');
    expect(vet1Told.map((n) => n.dedupe_key).sort()).toEqual(
      [`vetting-review:${assignedReviewId}:before-5`, `vetting-review:${unassignedReviewId}:before-0`].sort(),
    );
    const assigned = vet1Told.find((n) => n.subject_id === assignedReviewId);
    expect(assigned?.message).toBe(
      'The vetting review opened on 16 November 2026 is due on 14 December 2026, within 5 working days.',
    );
    expect(assigned?.link).toBe(`/vetting/reviews/${assignedReviewId}`);
    // vet2 may decide vetting but may not read a review of their own record (vetting-scope.ts): not told.
    expect(await noticesOf(vet2.user.id, 'vetting_review_due')).toEqual([]);
    // The e-mail names no one.
    const mails = await database.query<{ text_body: string; to_address: string }>(
      `select text_body, to_address from outbox where kind = 'vetting_review_due'`,
    );
    expect(mails.map((m) => m.to_address)).toEqual(['vet1@rev.test', 'vet1@rev.test']);
    for (const m of mails) expect(m.text_body).not.toMatch(/Rhiannon|Reviewed|Vetter/);
  });

  it('shows the notice only while its reader may read the review', async () => {
    const shown = await listNotifications(deps, principalOf(vet1.user));
    expect(shown.items.find((n) => n.link === `/vetting/reviews/${unassignedReviewId}`)?.message).toContain(
      'is due today',
    );
    // A notice vet2 got before the review came to be about them stays, without its message or link.
    await database.query(
      `insert into notifications (force_id, user_id, kind, subject_type, subject_id, reference, message, link, dedupe_key)
       values ('rev', $1, 'vetting_review_due', 'vetting_review', $2, 'Vetting review', 'The vetting review is due.', $3, 'test:own')`,
      [vet2.user.id, unassignedReviewId, `/vetting/reviews/${unassignedReviewId}`],
    );
    const own = await listNotifications(deps, principalOf(vet2.user));
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({ link: null, message: 'A notice about a record you can no longer see.' });
  });

  it('escalates a review long overdue to the vetting officers, and stops once it is completed', async () => {
    // 14 December is the assigned review's due day; 21 December is 5 working days overdue.
    const late = await enqueueVettingReviewReminders(at('2026-12-21'), { today: '2026-12-21' });
    expect(late.escalations).toBe(2);
    expect((await noticesOf(vet2.user.id, 'vetting_review_due')).map((n) => n.dedupe_key)).toContain(
      `vetting-review:${assignedReviewId}:escalation`,
    );
    await database.query(`update vetting_reviews set status = 'completed' where id = $1`, [unassignedReviewId]);
    const after = await enqueueVettingReviewReminders(at('2026-12-22'), { today: '2026-12-22' });
    expect(after).toEqual({ reminders: 0, overdue: 0, escalations: 0 });
  });
});
