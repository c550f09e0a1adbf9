import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { findUserByEmail } from '../auth/accounts.repository.ts';
import { principalOf } from '../auth/sessions.ts';
import { restrictionsByKind } from '../oversight/integrity.repository.ts';
import { allegationGroups, periodGroups } from '../oversight/oversight.repository.ts';
import { oversightScope, publicScope } from '../oversight/oversight-scope.ts';
import { reportingPeriod, type Basis, type ReportingPeriod } from '../oversight/period.ts';
import { flaggedCount } from '../restrictions/restriction-reports.ts';
import { WINDOW_CLOSED_STATUSES } from '../restrictions/suspension-flag.ts';
import { subjectFlags } from '../restrictions/subject-flags.ts';
import { seedScale } from './seed-scale.ts';
import { accountEmail } from './synthetic-organisation.ts';

/*
 * The oversight figures read only the rows that can count (the period's closing events, the period's cases,
 * the restrictions not ended, the subjects the flag rule could apply to) so that they stay fast at national
 * scale. Over ten years of synthetic data, each is checked here against the same figure worked out in the
 * test from a full read of the tables, for every financial year and both bases.
 */

const FORCE = 'city-of-london';
const previousDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const TODAY = '2026-11-20';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({}, () => new Date(`${TODAY}T12:00:00Z`));
  const seeded = await seedScale(t.deps, { scale: 'force', force: FORCE, seed: 11, shrink: 0.25 });
  expect(seeded.seeded).toBe(true);
}, 240_000);

afterAll(async () => {
  await t?.close();
});

type AllegationFacts = {
  id: string;
  state: string;
  case_type: string;
  came: string;
  person: string;
  closings: string[];
  rprp: boolean;
};

async function allAllegations(): Promise<AllegationFacts[]> {
  return t.database.query<AllegationFacts>(
    `select a.id, a.state, c.case_type, c.came_to_attention_on::text as came, coalesce(p.merged_into_id, p.id)::text as person,
        coalesce((select array_agg(e.occurred_on::text) from allegation_events e where e.force_id = a.force_id and e.allegation_id = a.id and e.to_state = 'closed'), '{}') as closings,
        exists (select 1 from allegation_events e where e.force_id = a.force_id and e.allegation_id = a.id and e.to_state = 'rprp') as rprp
      from allegations a join cases c on c.force_id = a.force_id and c.id = a.case_id
        join case_subjects s on s.force_id = a.force_id and s.id = a.subject_id join people p on p.force_id = s.force_id and p.id = s.person_id
      where a.force_id = '${FORCE}'`,
  );
}

/** The period's allegations as the definition says, from everything: finalised (last closing in the period) or received. */
function inPeriod(all: readonly AllegationFacts[], period: ReportingPeriod): AllegationFacts[] {
  return all.filter((a) => {
    if (period.basis === 'received') return a.came >= period.from && a.came <= period.to;
    const last = [...a.closings].sort().at(-1);
    return a.state === 'closed' && last !== undefined && last >= period.from && last <= period.to;
  });
}

const tally = (keys: readonly string[]) =>
  Object.fromEntries([...new Set(keys)].sort().map((k) => [k, keys.filter((x) => x === k).length]));

const periods: ReportingPeriod[] = [2016, 2018, 2020, 2022, 2024, 2025, 2026].flatMap((fy) =>
  (['finalised', 'received'] as Basis[]).map((b) => reportingPeriod(fy, null, b)),
);

describe('oversight figures read through the indexes', () => {
  it('count the same allegations and subjects as a full read, in every year and on both bases', async () => {
    const all = await allAllegations();
    const scope = publicScope(FORCE);
    let counted = 0;
    for (const period of periods) {
      const expected = inPeriod(all, period);
      const rows = await allegationGroups(t.deps.db, scope, period);
      const got: string[] = rows.flatMap((r) => Array<string>(r.n).fill(`${r.case_type} ${r.rprp}`));
      expect(tally(got), `${period.label} ${period.basis}`).toEqual(
        tally(expected.map((a) => `${a.case_type} ${a.rprp}`)),
      );
      const both = await periodGroups(t.deps.db, scope, period);
      expect(both.allegations).toEqual(expect.arrayContaining(rows));
      expect(both.allegations).toHaveLength(rows.length);
      expect(
        both.subjects.reduce((n, r) => n + r.subject, 0),
        `${period.label} ${period.basis} subjects`,
      ).toBe(new Set(expected.map((a) => a.person)).size);
      counted += expected.length;
    }
    expect(counted).toBeGreaterThan(500);
  });

  it('count restrictions started in the period and in force at its end as a full read does', async () => {
    const all = await t.database.query<{ kind: string; starts_on: string; ends_on: string | null }>(
      `select kind, starts_on::text as starts_on, ends_on::text as ends_on from duty_restrictions where force_id = '${FORCE}'`,
    );
    let inForceSeen = 0;
    for (const period of periods.filter((p) => p.basis === 'finalised')) {
      const asAt = period.to < TODAY ? period.to : TODAY;
      const rows = await restrictionsByKind(t.deps.db, publicScope(FORCE), period, asAt);
      const started = tally(
        all.filter((r) => r.starts_on >= period.from && r.starts_on <= period.to).map((r) => r.kind),
      );
      const inForce = tally(
        all.filter((r) => r.starts_on <= asAt && (r.ends_on === null || r.ends_on > asAt)).map((r) => r.kind),
      );
      expect(
        Object.fromEntries(rows.filter((r) => r.started > 0).map((r) => [r.kind, r.started])),
        period.label,
      ).toEqual(started);
      expect(
        Object.fromEntries(rows.filter((r) => r.in_force > 0).map((r) => [r.kind, r.in_force])),
        period.label,
      ).toEqual(inForce);
      inForceSeen += rows.reduce((n, r) => n + r.in_force, 0);
    }
    expect(inForceSeen).toBeGreaterThan(0);
  });

  it('count flagged subjects as the rule does over every subject, for the force and for the appropriate authority', async () => {
    const aa = await findUserByEmail(t.deps.db, accountEmail(FORCE, 'aa'));
    if (!aa) throw new Error('no synthetic appropriate authority');
    const scopes = [{ forceId: FORCE }, oversightScope(principalOf(aa)).restrictions];
    const check = async () => {
      for (const scope of scopes) {
        const everyone = await subjectFlags(t.deps.db, t.deps, scope, TODAY);
        const flagged = everyone.filter((s) => s.flag.flagged).length;
        expect(flagged).toBeGreaterThan(0);
        expect(await flaggedCount(t.deps, scope, TODAY)).toBe(flagged);
      }
    };
    await check();
    // Senior rationales of every kind, on flagged subjects taken in turn: one that answers the flag (decided on
    // the day, valid after today), one decided before the latest trigger (does not answer), one expired.
    const flagged = (await subjectFlags(t.deps.db, t.deps, { forceId: FORCE }, TODAY)).filter((s) => s.flag.flagged);
    const kinds = [
      () => [TODAY, '2027-02-01'],
      (s: (typeof flagged)[number]) => [
        s.flag.latestTriggerOn === null ? TODAY : previousDay(s.flag.latestTriggerOn),
        '2027-02-01',
      ],
      () => ['2026-01-05', '2026-04-05'],
    ];
    for (const [i, s] of flagged.slice(0, 30).entries()) {
      const [decidedOn, validUntil] = kinds[i % kinds.length]!(s);
      await t.database.query(
        `insert into suspension_flag_rationales (force_id, case_id, subject_id, rationale, decided_on, valid_until, decision_maker_user_id) values ($1, $2, $3, 'Test', $4, $5, $6)`,
        [FORCE, s.caseId, s.subjectId, decidedOn, validUntil, aa.id],
      );
    }
    const after = (await subjectFlags(t.deps.db, t.deps, { forceId: FORCE }, TODAY)).filter(
      (s) => s.flag.flagged,
    ).length;
    expect(after).toBe(flagged.length - Math.min(10, Math.ceil(flagged.length / 3)));
    await check();
  });

  it('finds flag candidates through an index whose statuses are exactly those the flag rule treats as closed', async () => {
    for (const index of ['allegation_figures_live_idx']) {
      const [row] = await t.database.query<{ def: string }>(`select pg_get_indexdef('${index}'::regclass) as def`);
      const where = row?.def.split(' WHERE ')[1] ?? '';
      expect([...where.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort(), index).toEqual(
        [...WINDOW_CLOSED_STATUSES].sort(),
      );
    }
  });
});
