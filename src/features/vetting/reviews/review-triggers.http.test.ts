import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { caseInput } from '../../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import type { AllegationActionInput } from '../../misconduct/allegation-action-input.ts';
import { openCase } from '../../misconduct/open-case.ts';
import { progressAllegation } from '../../misconduct/progress-allegation.ts';
import { recordCriminalEvent } from '../../misconduct/record-criminal-event.ts';
import { sweepAllClocks } from '../../deadlines/sweep-all-clocks.ts';
import {
  addClearance,
  auditCount,
  buildReviewWorld,
  client,
  dateFields,
  openReview,
  reviewsOf,
  type ReviewWorld,
} from '../../../../test/fixtures/vetting/review.http-fixtures.ts';

/** The integrity loop: every cause opens exactly one vetting review, inside its own transaction. */
let t: TestApp;
let w: ReviewWorld;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-20T10:00:00Z'));
  w = await buildReviewWorld(t);
});

afterAll(async () => {
  await t?.close();
});

/** A case about `personId` (came to attention after 28 May 2025, so the vetting referral option exists) and its allegation. */
async function caseAbout(personId: string) {
  const created = await openCase(
    t.deps,
    w.accounts.aa.principal,
    caseInput([personId], { cameToAttentionOn: '2025-10-01' }),
    null,
  );
  const [allegation] = await t.database.query<{ id: string }>(`select id from allegations where case_id = $1`, [
    created.id,
  ]);
  return { caseId: created.id, reference: created.reference, allegationId: allegation?.id ?? '' };
}

async function act(
  c: { caseId: string; allegationId: string },
  action: AllegationActionInput,
  occurredOn = '2026-03-02',
) {
  const [row] = await t.database.query<{ version: number }>(`select version from allegations where id = $1`, [
    c.allegationId,
  ]);
  return progressAllegation(
    t.deps,
    w.accounts.aa.principal,
    { caseId: c.caseId, allegationId: c.allegationId, version: row?.version ?? 0, occurredOn, action },
    null,
  );
}

const assess = (severity: 'gross_misconduct' | 'misconduct' | 'vetting_referral'): AllegationActionInput => ({
  type: 'assess_severity',
  severity,
  rationale: 'Assessed against the evidence of the messages',
  finalWrittenWarningInForce: false,
  multipleUnconnectedIncidents: false,
});

describe('reviews opened by the conduct process', () => {
  it('opens a review when the severity is assessed as gross misconduct, once however often it is assessed', async () => {
    const person = w.people.alice.id;
    const c = await caseAbout(person);
    await act(c, assess('gross_misconduct'), '2026-03-02');
    await act(c, assess('misconduct'), '2026-03-03');
    await act(c, assess('gross_misconduct'), '2026-03-04');
    const reviews = await reviewsOf(t, person);
    expect(reviews.map(({ id, ...rest }) => ({ ...rest, hasId: id.length === 36 }))).toEqual([
      {
        hasId: true,
        trigger: 'gross_misconduct_assessment',
        source_key: `allegation:${c.allegationId}`,
        case_id: c.caseId,
        opened_on: '2026-03-02',
        due_on: '2026-03-30',
        status: 'open',
        summary: '',
      },
    ]);
    const [clock] = await t.database.query<{ period: string; due_on: string; state: string }>(
      `select period, due_on::text, state from clocks where owner_kind = 'vetting' and subject_key = $1`,
      [`review:${reviews[0]?.id}`],
    );
    expect(clock).toEqual({ period: 'vetting_review', due_on: '2026-03-30', state: 'running' });
    expect(await auditCount(t, 'vetting.review_opened')).toBeGreaterThanOrEqual(1);
  });

  it('opens a review on a referral under the Vetting Regulations', async () => {
    const person = w.people.bob.id;
    const c = await caseAbout(person);
    await act(c, assess('vetting_referral'));
    expect((await reviewsOf(t, person)).map((r) => [r.trigger, r.source_key, r.case_id])).toEqual([
      ['vetting_referral', `allegation:${c.allegationId}`, c.caseId],
    ]);
  });

  it('opens a review on a finding of gross misconduct, and none for a finding not proven', async () => {
    const proven = await caseAbout(w.people.olive.id);
    await act(proven, assess('gross_misconduct'), '2026-03-02');
    await act(
      proven,
      { type: 'schedule_accelerated_hearing', date: '2026-03-17', specialConditionsCertified: true },
      '2026-03-03',
    );
    await act(proven, { type: 'record_finding', finding: 'gross_misconduct' }, '2026-03-17');
    const triggers = (await reviewsOf(t, w.people.olive.id)).map((r) => [r.trigger, r.opened_on]);
    expect(triggers).toEqual([
      ['gross_misconduct_assessment', '2026-03-02'],
      ['misconduct_finding', '2026-03-17'],
    ]);

    const notProven = await caseAbout(w.people.vera.id);
    await act(notProven, assess('gross_misconduct'), '2026-03-02');
    await act(
      notProven,
      { type: 'schedule_accelerated_hearing', date: '2026-03-17', specialConditionsCertified: true },
      '2026-03-03',
    );
    await act(notProven, { type: 'record_finding', finding: 'not_proven' }, '2026-03-17');
    expect((await reviewsOf(t, w.people.vera.id)).map((r) => r.trigger)).toEqual(['gross_misconduct_assessment']);
  });

  it('opens a review when the subject is charged (not when arrested), once per charge', async () => {
    const [carl] = await t.database.query<{ id: string }>(
      `insert into people (force_id, given_name, family_name, person_type, status, search_name) values ('west', 'Carl', 'Cole', 'officer', 'current', 'carl cole') returning id`,
    );
    const c = await caseAbout(carl?.id ?? '');
    const [subject] = await t.database.query<{ id: string }>(`select id from case_subjects where case_id = $1`, [
      c.caseId,
    ]);
    const event = (kind: 'arrest' | 'charge') =>
      recordCriminalEvent(
        t.deps,
        w.accounts.aa.principal,
        { caseId: c.caseId, subjectId: subject?.id ?? '', kind, occurredOn: '2026-03-05' },
        null,
      );
    await event('arrest');
    expect(await reviewsOf(t, carl?.id ?? '')).toEqual([]);
    const charged = await event('charge');
    const reviews = await reviewsOf(t, carl?.id ?? '');
    expect(reviews.map((r) => [r.trigger, r.source_key, r.case_id, r.opened_on])).toEqual([
      ['criminal_charge', `criminal:${charged.id}`, c.caseId, '2026-03-05'],
    ]);
  });
});

describe('reviews opened by other causes', () => {
  it('opens one review for a restriction imposed, however often the restrictions feature calls', async () => {
    const first = await openReview(t, {
      personId: w.people.bob.id,
      trigger: 'restriction_imposed',
      sourceKey: 'restriction:one',
      openedOn: '2026-03-06',
    });
    const again = await openReview(t, {
      personId: w.people.bob.id,
      trigger: 'restriction_imposed',
      sourceKey: 'restriction:one',
      openedOn: '2026-03-07',
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ reviewId: first.reviewId, created: false, dueOn: '2026-04-03' });
    expect((await reviewsOf(t, w.people.bob.id)).filter((r) => r.trigger === 'restriction_imposed')).toHaveLength(1);
    const [n] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from clocks where owner_kind = 'vetting' and subject_key = $1`,
      [`review:${first.reviewId}`],
    );
    expect(n?.n).toBe(1);
  });

  it('opens a review when the vetting officer records a transfer in, once per transfer', async () => {
    const person = w.people.alice.id;
    const page = `/vetting/transfers-in/${person}`;
    const form = {
      previousForce: 'Kent Police',
      ...dateFields('transferredOn', '2026-03-16'),
      checksOutstanding: 'yes',
      received: ['parent_psd_intelligence', 'references'],
    };
    const res = await client(t, w, 'vo').post(page, form, page);
    expect(res.statusCode).toBe(303);
    await client(t, w, 'vo').post(page, form, page);
    const transfers = (await reviewsOf(t, person)).filter((r) => r.trigger === 'transfer_in');
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({
      source_key: 'transfer:2026-03-16',
      opened_on: '2026-03-20',
      due_on: '2026-04-17',
    });
    expect(transfers[0]?.summary).toContain('Transfer in from Kent Police on 16 March 2026.');
    expect(transfers[0]?.summary).toContain('checks outstanding: yes');
    expect(transfers[0]?.summary).toMatch(/Not yet received: .*criminal matters outstanding/);
    expect(res.headers.location).toBe(`/vetting/reviews/${transfers[0]?.id}?transfer=1`);
    expect(await auditCount(t, 'vetting.transfer_in_recorded')).toBe(1);
  });

  it('opens a review when an officer declares a change of circumstances, one per declaration', async () => {
    const res = await client(t, w, 'officer').post(
      '/declarations',
      {
        category: 'finances',
        ...dateFields('occurredOn', '2026-03-01'),
        details: 'A county court judgment for an unpaid loan',
      },
      '/declarations',
    );
    expect(res.statusCode).toBe(303);
    const [declaration] = await t.database.query<{ id: string }>(
      `select id from vetting_declarations where person_id = $1`,
      [w.people.olive.id],
    );
    const reviews = (await reviewsOf(t, w.people.olive.id)).filter((r) => r.trigger === 'change_of_circumstances');
    expect(reviews.map((r) => [r.source_key, r.opened_on])).toEqual([[`declaration:${declaration?.id}`, '2026-03-20']]);
  });

  it('opens a renewal review when a clearance comes within the lead time, once, and not before', async () => {
    const [dora] = await t.database.query<{ id: string }>(
      `insert into people (force_id, given_name, family_name, person_type, status, search_name) values ('west', 'Dora', 'Dale', 'staff', 'current', 'dora dale') returning id`,
    );
    const soon = await addClearance(t, { personId: dora?.id ?? '', expiresOn: '2026-06-18' });
    await addClearance(t, { personId: dora?.id ?? '', level: 'MV', expiresOn: '2026-06-19' });
    const first = await sweepAllClocks(t.deps, { today: '2026-03-20' });
    expect(first.vetting.renewalReviewsOpened).toBe(1);
    const reviews = await reviewsOf(t, dora?.id ?? '');
    expect(reviews.map((r) => [r.trigger, r.source_key, r.opened_on])).toEqual([
      ['renewal', `clearance:${soon.id}:2026-06-18`, '2026-03-20'],
    ]);
    expect((await sweepAllClocks(t.deps, { today: '2026-03-20' })).vetting.renewalReviewsOpened).toBe(0);
    expect((await sweepAllClocks(t.deps, { today: '2026-03-21' })).vetting.renewalReviewsOpened).toBe(1);
    expect(await reviewsOf(t, dora?.id ?? '')).toHaveLength(2);
  });

  it('opens random reviews for a sample of current people from the page, and nothing new the same day', async () => {
    const before = (
      await t.database.query<{ n: number }>(`select count(*)::int as n from vetting_reviews where trigger = 'random'`)
    )[0]?.n;
    expect(before).toBe(0);
    const res = await client(t, w, 'vo').post(
      '/vetting/reviews/random',
      { percent: '50', seed: '' },
      '/vetting/reviews',
    );
    expect(res.statusCode).toBe(303);
    const [current] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from people where force_id = 'west' and status = 'current'`,
    );
    const rows = await t.database.query<{ person_id: string; source_key: string }>(
      `select person_id, source_key from vetting_reviews where trigger = 'random'`,
    );
    expect(rows).toHaveLength(Math.ceil((current?.n ?? 0) / 2));
    expect(new Set(rows.map((r) => r.source_key))).toEqual(new Set(['random:2026-03-20']));
    expect(res.headers.location).toBe(`/vetting/reviews?trigger=random&opened=${rows.length}`);
    const again = await client(t, w, 'vo').post(
      '/vetting/reviews/random',
      { percent: '50', seed: '' },
      '/vetting/reviews',
    );
    expect(again.headers.location).toBe('/vetting/reviews?trigger=random&opened=0');
    expect(await t.database.query(`select count(*)::int as n from vetting_reviews where trigger = 'random'`)).toEqual([
      { n: rows.length },
    ]);
  });
});
