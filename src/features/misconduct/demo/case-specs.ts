import type { caseTypes } from '../../../db/schema/index.ts';
import { areaNames } from '../../organisation/index.ts';
import type { DemoSubjectCandidate } from '../demo-cases.repository.ts';
import type { StandardCode } from '../taxonomy.ts';
import type { Profile } from './action-choice.ts';
import { GROUP_THEMES, THEMES, type Gravity, type Source, type Theme } from './case-templates.ts';
import { toDay, type Rng } from './days-and-chance.ts';
import type { Target } from './state-coverage.ts';
import type { Plan } from './track-planner.ts';

// The cases: when each came to attention, what about, from which source and against whom, drawn from the templates.

type CaseType = (typeof caseTypes)[number];

/** A case as planned before anything is written: what the use cases are given, and one track (`plans`) per subject. */
export type CaseSpec = {
  day: number;
  source: Source;
  caseType: CaseType;
  summary: string;
  description: string;
  categoryCode: string;
  standards: StandardCode[];
  restricted: boolean;
  nameInvestigator: boolean;
  allocate: boolean;
  subjects: DemoSubjectCandidate[];
  profile: Profile;
  targets: (Target | null)[];
  plans: Plan[];
};

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
const CHIEF_RANKS = new Set([
  'Assistant Chief Constable',
  'Deputy Chief Constable',
  'Chief Constable',
  'Special Chief Officer',
]);

/** "A sergeant", "Two officers", "Four officers"… */
function who(subjects: DemoSubjectCandidate[]): string {
  const [only] = subjects;
  if (subjects.length === 1 && only) {
    const rank = (only.rank ?? (only.personType === 'special' ? 'Special Constable' : 'Constable')).toLowerCase();
    return `${/^[aeiou]/.test(rank) ? 'An' : 'A'} ${rank}`;
  }
  return `${NUMBER_WORDS[subjects.length] ?? String(subjects.length)} officers`;
}

function fill(template: string, rng: Rng, subjects: DemoSubjectCandidate[]): string {
  return template.replace('{who}', who(subjects)).replace('{area}', rng.pick(areaNames));
}

function weightedKey<K extends string>(rng: Rng, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  return rng.weighted(entries, ([, w]) => w)[0];
}

function caseTypeFor(source: Source, gravity: Gravity): CaseType {
  if (source === 'public_complaint') return 'complaint_special_procedures';
  return gravity === 'high' || source === 'criminal_investigation' ? 'recordable_conduct_matter' : 'conduct_matter';
}

function pickSubjects(
  rng: Rng,
  pool: DemoSubjectCandidate[],
  used: DemoSubjectCandidate[],
  day: number,
  count: number,
): DemoSubjectCandidate[] {
  const serving = (c: DemoSubjectCandidate) =>
    !CHIEF_RANKS.has(c.rank ?? '') && (c.serviceStart === null || toDay(c.serviceStart) <= day - 60);
  const chosen: DemoSubjectCandidate[] = [];
  while (chosen.length < count) {
    const free = (c: DemoSubjectCandidate) => serving(c) && !chosen.includes(c);
    // Now and then the same person again: patterns across cases are what the person page is for.
    const again = used.filter(free);
    if (count === 1 && again.length > 0 && rng.chance(0.06)) {
      chosen.push(rng.pick(again));
      continue;
    }
    const type = rng.chance(0.08) ? 'special' : 'officer';
    const options = pool.filter((c) => c.personType === type && free(c));
    const fallback = options.length > 0 ? options : pool.filter(free);
    if (fallback.length === 0) throw new Error('demo cases: the force has too few people to pick subjects from');
    chosen.push(rng.pick(fallback));
  }
  for (const c of chosen) if (!used.includes(c)) used.push(c);
  return chosen;
}

export function specCases(rng: Rng, pool: DemoSubjectCandidate[], count: number, today: number): CaseSpec[] {
  const used: DemoSubjectCandidate[] = [];
  const groups = count > 0 ? Math.max(1, Math.round(count * 0.05)) : 0;
  const specs: CaseSpec[] = [];
  for (let i = 0; i < count; i++) {
    const group = i < groups ? GROUP_THEMES[i % GROUP_THEMES.length] : undefined;
    const theme = group ?? rng.weighted(THEMES, (t) => t.weight);
    const day = i === 0 ? today - rng.between([330, 500]) : today - rng.between([0, 3 * 365 - 1]);
    const size = group ? rng.between(group.size) : rng.weighted([1, 2, 3], (n) => [0, 70, 22, 8][n] ?? 0);
    const subjects = pickSubjects(rng, pool, used, day, size);
    const source = weightedKey(rng, theme.sources);
    const restricted = !group && rng.chance(theme.gravity === 'high' ? 0.2 : 0.03);
    specs.push({
      day,
      source,
      caseType: caseTypeFor(source, theme.gravity),
      summary: fill(group ? group.summary : rng.pick((theme as Theme).summaries), rng, subjects),
      description: rng.pick(theme.descriptions),
      categoryCode: theme.code,
      standards: theme.standards,
      restricted,
      nameInvestigator: restricted && rng.chance(0.5),
      allocate: rng.chance(0.7),
      subjects,
      profile: {
        gravity: theme.gravity,
        criteria: theme.criteria,
        inPublic: !/^sexual_conduct|abuse_of_position\.sexual/.test(theme.code),
      },
      targets: subjects.map(() => null),
      plans: [],
    });
  }
  return specs.sort((a, b) => a.day - b.day);
}
