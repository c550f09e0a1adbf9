import type { TestApp } from '../../../test/support/test-app.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { buildCaseWorld, caseInput } from '../misconduct/cases.http-fixtures.ts';
import { openCase } from '../misconduct/open-case.ts';
import { runEarlyIntervention } from './run-early-intervention.ts';
import { saveRule, switchRule } from './save-rule.ts';

export const EI_TODAY = '2026-03-02';
export const eiClock = () => new Date(`${EI_TODAY}T10:00:00Z`);

/**
 * The early-intervention scene: the case world (a RESTRICTED case about Alice and Bob, a normal one about
 * Carol and Dave, both 2025-03-10; Dave is also the appropriate authority `aaSubject`), plus a second case
 * about Carol, Dave and Erin (2026-01-10), and a case opened from an ANONYMOUS report about Frank, which must
 * never count. One rule, "Two allegations in a year" (warning at 1, critical at 2), switched on and run.
 */
export async function buildEiWorld(t: TestApp) {
  const w = await buildCaseWorld(t);
  const second = await openCase(
    t.deps,
    w.aa,
    caseInput([w.people.carol.id, w.people.dave.id, w.people.erin.id], { cameToAttentionOn: '2026-01-10' }),
    null,
  );
  const anonymous = await openCase(
    t.deps,
    w.aa,
    caseInput([w.people.frank.id], { source: 'anonymous_report', cameToAttentionOn: '2026-02-01' }),
    null,
  );
  const rule = await saveRule(
    t.deps,
    w.aa,
    {
      name: 'Allegations in a year',
      signalKinds: ['conduct_allegation'],
      windowDays: 365,
      warningLevel: 1,
      criticalLevel: 2,
    },
    null,
  );
  await switchRule(t.deps, w.aa, rule.id, { active: true, version: 1 }, null);
  const run = await runEarlyIntervention(t.deps, systemActor('test', 'west'), {
    forceId: 'west',
    today: EI_TODAY,
    trigger: 'test',
  });
  const alerts = await t.database.query<{ id: string; person_id: string; level: string }>(
    `select id, person_id, level from ei_alerts order by id`,
  );
  const alertOf = (personId: string) => {
    const a = alerts.find((x) => x.person_id === personId);
    if (!a) throw new Error(`no alert for ${personId}`);
    return a;
  };
  return { ...w, second, anonymous, rule, run, alerts, alertOf };
}
