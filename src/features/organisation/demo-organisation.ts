import { familyNames, femaleGivenNames, maleGivenNames } from './demo-names.ts';
import type { ageBands, people, personIdentifiers, personPostings, personTypes, units } from '../../db/schema/index.ts';
import * as ref from './demo-reference-data.ts';
import { allocateCollars, collarHoldings, type Holding } from './demo-collar-numbers.ts';
import { makeCareers, toDay, toIso, YEAR, type Career } from './demo-careers.ts';
import { makeRng, type Rng } from './demo-rng.ts';

export type { Career, Rng };

type WithIds<T> = T & { id: string; forceId: string };
export type DemoUnit = WithIds<typeof units.$inferInsert>;
export type DemoPerson = WithIds<typeof people.$inferInsert>;
export type DemoIdentifier = WithIds<typeof personIdentifiers.$inferInsert>;
export type DemoPosting = WithIds<typeof personPostings.$inferInsert>;
export type DemoOrganisation = {
  force: { id: string; name: string };
  units: DemoUnit[];
  people: DemoPerson[];
  identifiers: DemoIdentifier[];
  postings: DemoPosting[];
};
export type DemoOrganisationOptions = {
  forceId: string;
  forceName: string;
  people: number;
  seed: number;
  today: string;
};

export type PersonType = (typeof personTypes)[number];

/** Age band on a given day rather than the clock's, so generated data does not drift with the run date. */
export function ageBandOn(dobIso: string, onIso: string): (typeof ageBands)[number] {
  const years = Number(onIso.slice(0, 4)) - Number(dobIso.slice(0, 4));
  const age = onIso.slice(5) < dobIso.slice(5) ? years - 1 : years;
  return age < 26 ? 'under_26' : age <= 40 ? '26_40' : age <= 55 ? '41_55' : 'over_55';
}

function buildUnits(rng: Rng, forceId: string, forceName: string) {
  const rows: DemoUnit[] = [];
  const byKey = new Map<ref.UnitKey, string[]>();
  const add = (key: ref.UnitKey, name: string, kind: DemoUnit['kind'], parent?: DemoUnit): DemoUnit => {
    const path = parent ? `${parent.path}/${name}` : name;
    const row: DemoUnit = { forceId, id: rng.uuid(), parentId: parent?.id ?? null, name, kind, path };
    rows.push(row);
    byKey.set(key, [...(byKey.get(key) ?? []), row.id]);
    return row;
  };
  const root = add('force', forceName, 'force');
  for (const command of ref.commandSpecs) {
    const commandUnit = add(command.key, command.name, 'command', root);
    for (const area of command.key === 'localPolicing' ? ref.areaNames : []) {
      const areaUnit = add('area', `${area} LPA`, 'area', commandUnit);
      for (let t = 1; t <= ref.RESPONSE_TEAMS_PER_AREA; t++)
        add('response', `${area} Response Team ${t}`, 'team', areaUnit);
      for (const part of ref.neighbourhoodTeamSuffixes)
        add('neighbourhood', `${area} ${part} Neighbourhood Team`, 'team', areaUnit);
    }
    for (const dept of command.departments) add(dept.key, dept.name, 'department', commandUnit);
  }
  return { rows, byKey };
}

/**
 * Builds a whole fictional force from one seed. The same options always give identical output, so demo
 * logins, screenshots and performance baselines refer to the same people run after run.
 */
export function generateDemoOrganisation(options: DemoOrganisationOptions): DemoOrganisation {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${options.today}`);
  const { forceId } = options;
  const rng = makeRng(options.seed);
  const todayDay = toDay(options.today);
  const unitTree = buildUnits(rng, forceId, options.forceName);
  const careers = makeCareers(rng, unitTree.byKey);

  const quota = (share: number): number => Math.round(share * options.people);
  const types = ref.personTypeShares.flatMap((t) => Array.from({ length: quota(t.share) }, (): PersonType => t.value));
  while (types.length < options.people) types.push('officer');
  const chiefOfficerRanks = [8, 7, 6, 6];
  let chiefSpecialGiven = false;
  const peopleRows: DemoPerson[] = [];
  const timelines: Career[] = [];
  const holdings: Holding[][] = [];
  rng.faker.helpers.shuffle(types.slice(0, options.people)).forEach((type, index) => {
    const isCurrent = !rng.chance(ref.FORMER_SHARE);
    const end = isCurrent ? todayDay : todayDay - rng.int(1, 3650);
    let career: Career;
    if (type === 'officer') {
      const chiefRank = isCurrent ? chiefOfficerRanks.shift() : undefined;
      career = careers.officer(chiefRank ?? rng.pickIndex(ref.officerRankShares), end, isCurrent);
    } else if (type === 'staff') career = careers.staff(end, isCurrent);
    else if (type === 'volunteer') career = careers.volunteer(end, isCurrent);
    else {
      career = careers.special(end, isCurrent, isCurrent && !chiefSpecialGiven);
      chiefSpecialGiven ||= isCurrent;
    }
    const sexRoll = rng.rnd();
    const femaleBelow = ref.NOT_STATED_SEX_SHARE + ref.femaleShare[type];
    const sex = sexRoll < ref.NOT_STATED_SEX_SHARE ? 'not_stated' : sexRoll < femaleBelow ? 'female' : 'male';
    const givenNames =
      sex === 'female' || (sex === 'not_stated' && rng.faker.datatype.boolean()) ? femaleGivenNames : maleGivenNames;
    const givenName = rng.faker.helpers.arrayElement(givenNames);
    const familyName = rng.faker.helpers.arrayElement(familyNames);
    // The extra day keeps the person at least `joinAge` on the day they started, whatever the leap years.
    const dateOfBirth = toIso(career.start - Math.ceil(career.joinAge * YEAR) - 1 - rng.int(0, 330));
    peopleRows.push({
      forceId,
      id: rng.uuid(),
      givenName,
      familyName,
      personType: type,
      status: isCurrent ? 'current' : 'former',
      serviceStart: toIso(career.start),
      serviceEnd: career.end === null ? null : toIso(career.end),
      dateOfBirth,
      sex,
      ethnicity: rng.weighted(ref.ethnicityWeights, (e) => e.weight).value,
      ageBand: ageBandOn(dateOfBirth, options.today),
      searchName: `${givenName} ${familyName}`.toLowerCase(),
    });
    timelines.push(career);
    holdings.push(collarHoldings(index, type, career));
  });
  allocateCollars(rng, holdings.flat());

  // Warrant and staff numbers are never reissued and rise with joining date, as real series do.
  const serials = new Map<number, string>();
  for (const series of ref.serialSeries) {
    const members = [...peopleRows.keys()].filter((i) => series.types.includes(peopleRows[i]?.personType ?? 'officer'));
    members.sort((a, b) => (timelines[a]?.start ?? 0) - (timelines[b]?.start ?? 0) || a - b);
    let next = series.first;
    for (const i of members) serials.set(i, `${series.prefix}${(next += rng.int(1, 12))}`);
  }

  const identifiers: DemoIdentifier[] = [];
  const postings: DemoPosting[] = [];
  peopleRows.forEach((person, index) => {
    const career = timelines[index] as Career;
    const until = career.end === null ? null : toIso(career.end);
    const base = { forceId, personId: person.id };
    const kind = person.personType === 'officer' || person.personType === 'special' ? 'warrant' : 'staff';
    identifiers.push({
      ...base,
      id: rng.uuid(),
      kind,
      value: serials.get(index) ?? '',
      validFrom: toIso(career.start),
      validTo: until,
    });
    for (const h of holdings[index] ?? []) {
      const validTo = h.to === null ? null : toIso(h.to);
      identifiers.push({
        ...base,
        id: rng.uuid(),
        kind: 'collar',
        value: h.value ?? '',
        validFrom: toIso(h.from),
        validTo,
      });
    }
    career.slots.forEach((slot, i) => {
      const next = career.slots[i + 1];
      const validTo = next ? toIso(next.from - 1) : until;
      const { rank, role, unitId } = slot;
      postings.push({ ...base, id: rng.uuid(), rank, role, unitId, validFrom: toIso(slot.from), validTo });
    });
  });

  return {
    force: { id: forceId, name: options.forceName },
    units: unitTree.rows,
    people: peopleRows,
    identifiers,
    postings,
  };
}

/**
 * People to attach demo user accounts to. Spread evenly through the (already shuffled) list instead of
 * taking the first few, so demo logins land on a variety of people; no randomness, so the same
 * organisation always yields the same picks. Without a predicate only current people qualify.
 */
export function pickDemoPeople(
  org: DemoOrganisation,
  count: number,
  predicate?: (person: DemoPerson, current: { posting?: DemoPosting; unit?: DemoUnit }) => boolean,
): DemoPerson[] {
  const unitById = new Map(org.units.map((u) => [u.id, u]));
  const currentPosting = new Map(org.postings.filter((p) => p.validTo == null).map((p) => [p.personId, p]));
  const test = predicate ?? ((person: DemoPerson) => person.status === 'current');
  const candidates = org.people.filter((person) => {
    const posting = currentPosting.get(person.id);
    return test(person, { posting, unit: posting ? unitById.get(posting.unitId) : undefined });
  });
  const take = Math.min(count, candidates.length);
  return Array.from({ length: take }, (_, i) => candidates[Math.floor((i * candidates.length) / take)] as DemoPerson);
}
