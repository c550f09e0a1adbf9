import type { Deps } from '../kernel/deps.ts';
import { ukToday } from '../kernel/time/dates.ts';
import { recordAudit } from '../kernel/audit/record-audit.ts';
import { systemActor } from '../kernel/audit/audit-events.ts';
import { requiresSecondFactor } from '../kernel/access/roles.ts';
import { hashPassword } from '../features/auth/credentials.ts';
import { insertUser } from '../features/auth/accounts.repository.ts';
import { generateDemoOrganisation, pickDemoPeople } from '../features/organisation/demo-organisation.ts';
import { insertDemoOrganisation } from '../features/organisation/organisation.repository.ts';
import { listForces } from '../features/organisation/forces.repository.ts';
import {
  DEMO_FORCE,
  DEMO_PASSWORD,
  SECOND_FORCE,
  demoAccounts,
  demoTotpSecret,
} from '../features/organisation/demo-accounts.ts';
import { seedDemoCases } from '../features/misconduct/demo-cases.ts';
import { seedDemoRecommendations } from '../features/recommendations/demo-seed.ts';
import { seedDemoRestrictions } from '../features/restrictions/demo-restrictions.ts';
import { seedDemoVetting } from '../features/vetting/demo-vetting.ts';
import { seedDemoEarlyIntervention } from '../features/early-intervention/index.ts';
import { pointDemoReportClockAtToday } from '../features/clocks/demo-deadline.repository.ts';
import { findUserByEmail } from '../features/auth/accounts.repository.ts';
import { addMonths } from '../kernel/time/working-days.ts';

export type SeedSummary = {
  seeded: boolean;
  forces: string[];
  people: number;
  users: number;
  cases: number;
  allegations: number;
};

/** The seed of the demo force's conduct cases (fixed, so every demo shows the same cases). */
const DEMO_CASES_SEED = 20221102;

/**
 * Loads the fictional demo organisation: Westshire Police (about 3,000 people) and a small second force,
 * one account per role, then Westshire's conduct cases (120 by default) through the case use cases, as
 * its appropriate authority. Deterministic, and does nothing if any force exists already.
 */
export async function seedDemo(
  deps: Deps,
  options: { people?: number; cases?: number; onProgress?: (step: string) => void } = {},
): Promise<SeedSummary> {
  if ((await listForces(deps.db)).length > 0)
    return { seeded: false, forces: [], people: 0, users: 0, cases: 0, allegations: 0 };
  const today = ukToday(deps.now());
  options.onProgress?.('Loading the demo organisation (first start only)…');
  const orgs = [
    generateDemoOrganisation({
      forceId: DEMO_FORCE.id,
      forceName: DEMO_FORCE.name,
      people: options.people ?? DEMO_FORCE.people,
      seed: DEMO_FORCE.seed,
      today,
    }),
    generateDemoOrganisation({
      forceId: SECOND_FORCE.id,
      forceName: SECOND_FORCE.name,
      people: SECOND_FORCE.people,
      seed: SECOND_FORCE.seed,
      today,
    }),
  ];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const organisation = await deps.db.transaction(async (tx) => {
    for (const org of orgs) await insertDemoOrganisation(tx, org);
    let users = 0;
    for (const org of orgs) {
      const accounts = demoAccounts.filter((a) => a.forceId === org.force.id);
      const taken = new Set<string>();
      for (const account of accounts) {
        const match = account.linkTo;
        const person = match
          ? pickDemoPeople(
              org,
              50,
              (p, cur) =>
                p.status === 'current' &&
                !taken.has(p.id) &&
                (!match.type || p.personType === match.type) &&
                (!match.rank || cur.posting?.rank === match.rank) &&
                (!match.unit || cur.unit?.name === match.unit),
            )[0]
          : undefined;
        if (person) taken.add(person.id);
        await insertUser(tx, {
          email: account.email,
          role: account.role,
          forceId: account.forceId,
          displayName: account.displayName,
          personId: person?.id ?? null,
          passwordHash,
          totpSecret: requiresSecondFactor(account.role) ? demoTotpSecret(account.email) : null,
          totpEnabledAt: requiresSecondFactor(account.role) ? deps.now() : null,
          status: 'active',
          isDemo: true,
        });
        users++;
      }
    }
    const people = orgs.reduce((n, o) => n + o.people.length, 0);
    const forces = orgs.map((o) => o.force.id);
    await recordAudit(
      tx,
      systemActor('probity seed --demo', DEMO_FORCE.id),
      { type: 'system', id: 'seed' },
      { type: 'demo.seeded', forces, people, users },
    );
    return { seeded: true, forces, people, users };
  });
  // The cases act as the demo accounts, so they follow the transaction that created them.
  options.onProgress?.(`Loading ${options.cases ?? 120} demo conduct cases through the case workflow…`);
  const loaded = await seedDemoCases(deps, {
    forceId: DEMO_FORCE.id,
    cases: options.cases ?? 120,
    seed: DEMO_CASES_SEED,
    today,
  });
  await seedDemoRecommendations(deps, { forceId: DEMO_FORCE.id, today });
  await seedDemoRestrictions(deps, { forceId: DEMO_FORCE.id, today });
  await seedDemoVetting(deps, { forceId: DEMO_FORCE.id, today });
  await seedDemoEarlyIntervention(deps, { forceId: DEMO_FORCE.id, today });
  // One of the investigator's reports to the local policing body falls due today (Conduct Regs 2020 reg 19:
  // 12 months after the matter came to attention), so the in-server sweep and its reminder show at once.
  const investigator = await findUserByEmail(deps.db, 'investigator@westshire.example');
  if (investigator)
    await deps.db.transaction((tx) =>
      pointDemoReportClockAtToday(tx, {
        forceId: DEMO_FORCE.id,
        leadUserId: investigator.id,
        today,
        startedOn: addMonths(today, -12),
      }),
    );
  return { ...organisation, cases: loaded.cases, allegations: loaded.allegations };
}
