import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { buildWorld, TODAY } from '../../../test/fixtures/recommendations/world.ts';
import { seedDemoRecommendations } from './demo-seed.ts';
import { DEMO_REPORT } from './demo-recommendations.ts';
import { loadTracker } from './load-tracker.ts';
import { verifyAuditChain } from '../audit/verify-audit-chain.ts';

/** The demonstration report and the demo force's response: labelled sample text, varied states, deterministic. */

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => TODAY);
  await buildWorld(t);
});

afterAll(async () => {
  await t?.close();
});

describe('the demo recommendations', () => {
  it('loads the labelled demonstration report with ten recommendations and two areas for improvement, once', async () => {
    expect(await seedDemoRecommendations(t.deps, { forceId: 'west', today: '2026-05-10' })).toEqual({
      seeded: true,
      items: 12,
      responses: 10,
    });
    expect(await seedDemoRecommendations(t.deps, { forceId: 'west', today: '2026-05-10' })).toEqual({
      seeded: false,
      items: 0,
      responses: 0,
    });
    const [report] = await t.database.query<{ id: string; title: string; published_on: string }>(
      `select id, title, published_on::text from inspection_reports where publisher = $1`,
      [DEMO_REPORT.publisher],
    );
    expect(report?.title).toBe('DEMONSTRATION — Inspection of vetting, misconduct and misogyny (sample text)');
    expect(report?.published_on).toBe('2025-03-16');
    const items = await t.database.query<{ kind: string; text: string; text_verified: boolean }>(
      `select kind, text, text_verified from report_items where report_id = $1`,
      [report?.id],
    );
    expect(items.filter((i) => i.kind === 'recommendation')).toHaveLength(10);
    expect(items.filter((i) => i.kind === 'area_for_improvement')).toHaveLength(2);
    for (const i of items) expect(i.text).toMatch(/^Demonstration text: /);
    // Sample wording is never presented as checked against the published report.
    expect(items.filter((i) => i.text_verified)).toEqual([]);
  });

  it('gives the demo force a response in varied states, the same every time', async () => {
    const [report] = await t.database.query<{ id: string }>(`select id from inspection_reports where publisher = $1`, [
      DEMO_REPORT.publisher,
    ]);
    const entries = await loadTracker(t.deps.db, 'west', report?.id ?? '', '2026-05-10');
    const state = Object.fromEntries(
      entries.map((e) => [
        e.label,
        [
          e.selfStatus,
          e.verifiedStatus,
          e.overdue.join('+') || '-',
          e.unverified ? 'unverified' : '-',
          e.signedOffAt ? 'signed' : '-',
        ],
      ]),
    );
    expect(state).toEqual({
      R1: ['addressed', 'addressed', '-', '-', 'signed'],
      R2: ['addressed', null, '-', 'unverified', '-'],
      R3: ['addressed', 'being_progressed', '-', 'unverified', '-'],
      R4: ['being_progressed', null, 'deadline+action', '-', '-'],
      R5: ['being_progressed', null, 'action', '-', '-'],
      R6: ['awaiting_review', 'awaiting_review', '-', '-', '-'],
      R7: ['not_started', null, 'deadline', '-', '-'],
      R8: ['not_applicable', 'not_applicable', '-', '-', '-'],
      R9: ['being_progressed', null, '-', '-', '-'],
      R10: ['not_started', null, '-', '-', '-'],
      AFI1: ['being_progressed', null, '-', '-', '-'],
      AFI2: ['addressed', null, '-', 'unverified', '-'],
    });
    const evidence = await t.database.query<{ kind: string; n: number }>(
      `select kind, count(*)::int as n from recommendation_evidence where force_id = 'west' group by kind order by kind`,
    );
    expect(evidence).toEqual([
      { kind: 'file', n: 2 },
      { kind: 'link', n: 1 },
    ]);
    expect(
      await t.database.query(`select count(*)::int as n from recommendation_responses where force_id <> 'west'`),
    ).toEqual([{ n: 0 }]);
  });

  it('went through the use cases: every change audited, the chain intact', async () => {
    const rows = await t.database.query<{ event_type: string; n: number }>(
      `select event_type, count(*)::int as n from audit_events where event_type like 'recommendation.%' and request_id = 'seed-demo' group by event_type order by event_type`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.event_type, r.n]))).toMatchObject({
      'recommendation.report_created': 1,
      'recommendation.item_added': 12,
      'recommendation.signed_off': 1,
      'recommendation.evidence_added': 3,
    });
    expect((await verifyAuditChain(t.deps.db)).ok).toBe(true);
  });
});
