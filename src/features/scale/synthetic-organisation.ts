import type { Role } from '../../kernel/access/roles.ts';
import { generateDemoOrganisation, type DemoOrganisation, type DemoPerson } from '../organisation/index.ts';
import { demoTotpSecret } from '../organisation/index.ts';
import { toDay } from '../misconduct/index.ts';
import type { FastRng } from './fast-rng.ts';
import type { ForcePlan } from './scale-plan.ts';

/*
 * One synthetic force's people and sign-ins. The people, numbers, postings and units are the demo
 * organisation's generator at the force's size (so the shapes are exactly those the demo and the use cases
 * work with); on top come the force's accounts (an appropriate authority, PSD investigators in proportion to
 * the force, vetting, PCC and chief officer) and the pools subjects are drawn from.
 */

export type SyntheticAccount = {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  personId: string | null;
  totpSecret: string;
};
/** A person who may be the subject of a case: serving from `start` (day) to `end` (day, or null while serving). */
export type SubjectCandidate = {
  id: string;
  personType: 'officer' | 'special' | 'staff';
  start: number;
  end: number | null;
};
export type Dossier = {
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  personType: string;
  rank: string | null;
  number: string | null;
};

export type SyntheticForce = {
  plan: ForcePlan;
  org: DemoOrganisation;
  accounts: SyntheticAccount[];
  aa: SyntheticAccount;
  investigators: SyntheticAccount[];
  psdUnitId: string | null;
  pools: Record<SubjectCandidate['personType'], SubjectCandidate[]>;
  dossierOf: (personId: string) => Dossier | undefined;
};

/** One PSD investigator account per this many officers (at least two per force). */
export const OFFICERS_PER_INVESTIGATOR = 250;
const CHIEF_RANKS = new Set([
  'Assistant Chief Constable',
  'Deputy Chief Constable',
  'Chief Constable',
  'Special Chief Officer',
]);

export const accountEmail = (forceId: string, local: string) => `${local}@${forceId}.scale.example`;

export function buildSyntheticForce(plan: ForcePlan, today: string, rng: FastRng): SyntheticForce {
  const org = generateDemoOrganisation({
    forceId: plan.id,
    forceName: plan.name,
    people: plan.people,
    seed: plan.seed,
    today,
  });
  const unitName = new Map(org.units.map((u) => [u.id, u.name]));
  const psdUnitId = org.units.find((u) => u.name === 'Professional Standards Department')?.id ?? null;
  const current = new Map(org.postings.filter((p) => p.validTo == null).map((p) => [p.personId, p]));
  const latest = new Map<string, string>();
  for (const p of org.postings) latest.set(p.personId, p.rank);
  const numbers = new Map<string, string>();
  for (const i of org.identifiers)
    if (i.kind !== 'collar' || !numbers.has(i.personId)) numbers.set(i.personId, i.value);

  const taken = new Set<string>();
  const take = (test: (p: DemoPerson) => boolean): DemoPerson | undefined => {
    const found = org.people.find((p) => p.status === 'current' && !taken.has(p.id) && test(p));
    if (found) taken.add(found.id);
    return found;
  };
  const inUnit = (name: string) => (p: DemoPerson) => unitName.get(current.get(p.id)?.unitId ?? '') === name;
  const ofRank =
    (...ranks: string[]) =>
    (p: DemoPerson) =>
      ranks.includes(current.get(p.id)?.rank ?? '');
  const account = (local: string, role: Role, person: DemoPerson | undefined, label: string): SyntheticAccount => {
    const email = accountEmail(plan.id, local);
    const displayName = person ? `${person.givenName} ${person.familyName}` : `${label} (${plan.name})`;
    return {
      id: rng.uuid(),
      email,
      role,
      displayName,
      personId: person?.id ?? null,
      totpSecret: demoTotpSecret(email),
    };
  };

  const aa = account(
    'aa',
    'appropriate_authority',
    take(ofRank('Superintendent', 'Chief Superintendent')),
    'Appropriate authority',
  );
  const investigatorCount = Math.max(2, Math.round((plan.people * 0.55) / OFFICERS_PER_INVESTIGATOR));
  const investigators = Array.from({ length: investigatorCount }, (_, n) =>
    account(
      `investigator${n + 1}`,
      'psd_investigator',
      take(inUnit('Professional Standards Department')),
      `Investigator ${n + 1}`,
    ),
  );
  const accounts = [
    aa,
    ...investigators,
    account('vetting', 'vetting_officer', take(inUnit('Vetting Unit')), 'Vetting officer'),
    account('chief', 'chief_officer', take(ofRank('Chief Constable')), 'Chief officer'),
    account('pcc', 'pcc_oversight', undefined, 'PCC office'),
  ];

  const pools: SyntheticForce['pools'] = { officer: [], special: [], staff: [] };
  for (const p of org.people) {
    if (taken.has(p.id) || p.personType === 'volunteer' || CHIEF_RANKS.has(latest.get(p.id) ?? '')) continue;
    const start = p.serviceStart ? toDay(p.serviceStart) : 0;
    pools[p.personType].push({
      id: p.id,
      personType: p.personType,
      start,
      end: p.serviceEnd ? toDay(p.serviceEnd) : null,
    });
  }
  const byId = new Map(org.people.map((p) => [p.id, p]));
  return {
    plan,
    org,
    accounts,
    aa,
    investigators,
    psdUnitId,
    pools,
    dossierOf: (personId) => {
      const p = byId.get(personId);
      if (!p) return undefined;
      return {
        givenName: p.givenName,
        familyName: p.familyName,
        dateOfBirth: p.dateOfBirth ?? null,
        personType: p.personType,
        rank: latest.get(p.id) ?? null,
        number: numbers.get(p.id) ?? null,
      };
    },
  };
}
