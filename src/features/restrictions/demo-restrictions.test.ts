import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { caseInput } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';
import { seedDemoRestrictions } from './demo-restrictions.ts';
import { flaggedCount, restrictionsInForceByType, reviewsOverdueCount } from './restriction-reports.ts';
import {
  buildRestrictionWorld,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import { subjectFlags } from './subject-flags.ts';

/** The demo restrictions, seeded through the use cases as the force's appropriate authority. */

const today = '2026-03-02';
let t: TestApp;
let w: RestrictionWorld;
let summary: Awaited<ReturnType<typeof seedDemoRestrictions>>;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${today}T10:00:00Z`));
  w = await buildRestrictionWorld(t);
  await openCase(
    t.deps,
    w.aa,
    caseInput([w.people.twinA.id, w.people.twinB.id], { cameToAttentionOn: '2025-06-01' }),
    null,
  );
  // The demo acts as aa@<force>.example (and head-psd@<force>.example for senior rationales): the world’s force is "west".
  summary = await seedDemoRestrictions(t.deps, { forceId: 'west', today });
});

afterAll(async () => {
  await t?.close();
});

describe('the demo restrictions', () => {
  it('puts eight restrictions on the cases, two of them suspensions, one lifted after a review', async () => {
    expect(summary).toEqual({ restrictions: 8, suspensions: 2, lifted: 1, rationales: 1, arrests: 2 });
    const stats = await restrictionsInForceByType(t.deps, { forceId: 'west' }, today);
    expect(stats.total).toBe(7);
    expect(Object.fromEntries(stats.byKind.filter((k) => k.count > 0).map((k) => [k.kind, k.count]))).toEqual({
      suspension: 2,
      removed_from_public_facing_role: 1,
      restricted_duties: 1,
      firearms_authority_withdrawn: 1,
      temporary_redeployment: 1,
      restricted_system_access: 1,
    });
    const decisions = await t.database.query(
      `select kind, count(*)::int as n from restriction_decisions group by kind order by kind`,
    );
    expect(decisions).toEqual([
      { kind: 'imposed', n: 8 },
      { kind: 'lifted', n: 1 },
      { kind: 'reviewed', n: 2 },
    ]);
  });

  it('leaves one serious subject flagged without a rationale and answers another, with one review overdue', async () => {
    const flags = await subjectFlags(t.deps.db, t.deps, { forceId: 'west' }, today);
    expect(flags.filter((f) => f.flag.state === 'flagged').map((f) => [f.name, f.inForce[0]?.kind])).toEqual([
      ['Erin Eastwood', 'removed_from_public_facing_role'],
    ]);
    expect(flags.filter((f) => f.flag.state === 'answered').map((f) => [f.name, f.flag.answeredUntil])).toEqual([
      ['Frank Fairley', '2026-03-20'],
    ]);
    expect(await flaggedCount(t.deps, { forceId: 'west' }, today)).toBe(1);
    expect(await reviewsOverdueCount(t.deps, { forceId: 'west' }, today)).toBe(1);
    const pending = await t.database.query(
      `select kind, notice_method, written_notice_on from duty_restrictions where notice_method = 'oral'`,
    );
    expect(pending).toEqual([{ kind: 'suspension', notice_method: 'oral', written_notice_on: null }]);
  });

  it('was made through the use cases: every restriction audited and each opened a vetting review', async () => {
    const audited = await t.database.query(
      `select event_type, count(*)::int as n from audit_events where event_type like 'restriction.%' group by event_type order by event_type`,
    );
    expect(audited).toEqual([
      { event_type: 'restriction.imposed', n: 8 },
      { event_type: 'restriction.lifted', n: 1 },
      { event_type: 'restriction.rationale_recorded', n: 1 },
      { event_type: 'restriction.reviewed', n: 2 },
    ]);
    expect(
      await t.database.query(`select count(*)::int as n from vetting_reviews where trigger = 'restriction_imposed'`),
    ).toEqual([{ n: 8 }]);
  });
});
