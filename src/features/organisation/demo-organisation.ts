import { Faker, base, en, en_GB } from '@faker-js/faker';
import { familyNames, femaleGivenNames, maleGivenNames } from './demo-names.ts';
import type { ageBands, people, personIdentifiers, personPostings, personTypes, units } from '../../db/schema/index.ts';
import * as ref from './demo-reference-data.ts';
import { allocateCollars, collarHoldings, type Holding } from './demo-collar-numbers.ts';

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
type Slot = { rank: string; rankIndex: number; role: string; unitId: string; from: number };
export type Career = { start: number; end: number | null; slots: Slot[]; joinAge: number };
export type Rng = ReturnType<typeof makeRng>;
/** What a career can be posted to at each rank, and the rank's name (and seniority) given the post. */
type Ladder = {
  posts: (rank: number) => readonly ref.Post[];
  label: (rank: number, post: ref.Post) => [string, number];
};

// Dates are whole days since 1970-01-01 so arithmetic never meets time zones or clock changes.
const DAY_MS = 86_400_000;
const YEAR = 365.25;
const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const EARLIEST_START = toDay('1990-01-01');
const MIN_POSTING_DAYS = 120;

/** Age band on a given day rather than the clock's, so generated data does not drift with the run date. */
export function ageBandOn(dobIso: string, onIso: string): (typeof ageBands)[number] {
  const years = Number(onIso.slice(0, 4)) - Number(dobIso.slice(0, 4));
  const age = onIso.slice(5) < dobIso.slice(5) ? years - 1 : years;
  return age < 26 ? 'under_26' : age <= 40 ? '26_40' : age <= 55 ? '41_55' : 'over_55';
}

/** One seeded Faker behind every choice, ids included, so a seed always reproduces the same force. */
function makeRng(seed: number) {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const rnd = (): number => faker.number.float();
  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): T => {
    let r = rnd() * items.reduce((sum, item) => sum + weightOf(item), 0);
    for (const item of items) if ((r -= weightOf(item)) < 0) return item;
    return items[items.length - 1] as T;
  };
  return {
    faker,
    rnd,
    weighted,
    chance: (p: number): boolean => rnd() < p,
    int: (min: number, max: number): number => faker.number.int({ min, max }),
    uuid: (): string => faker.string.uuid(),
    pick: <T>(items: readonly T[]): T => faker.helpers.arrayElement(items),
    pickIndex: (shares: readonly number[]): number => weighted([...shares.keys()], (i) => shares[i] ?? 0),
    between: (band: readonly ref.Band[]): number => {
      const [lo, hi] = weighted(band, (b) => b.weight).range;
      return lo + rnd() * (hi - lo);
    },
  };
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

/** Career timelines; `end` is today for current people and the leaving date for former ones. */
function makeCareers(rng: Rng, unitsByKey: Map<ref.UnitKey, string[]>) {
  const heldNow = new Map<ref.Post, number>();
  const unitsFor = (post: ref.Post): string[] => post.units.flatMap((k) => unitsByKey.get(k) ?? []);
  const startFor = (end: number, years: number): number =>
    Math.min(end - 30, Math.round(end - Math.min(years, (end - EARLIEST_START) / YEAR) * YEAR));

  /** Prefers a different role on a sideways move, and keeps capped posts (heads of units) to their cap. */
  function pickPost<P extends ref.Post>(posts: readonly P[], prev: Slot | undefined, heldToday: boolean): P {
    const open = heldToday ? posts.filter((p) => p.max === undefined || (heldNow.get(p) ?? 0) < p.max) : posts;
    const choices = open.length > 0 ? open : posts;
    let post = rng.weighted(choices, (p) => p.weight);
    for (let i = 0; prev && post.role === prev.role && i < 3; i++) post = rng.weighted(choices, (p) => p.weight);
    if (heldToday) heldNow.set(post, (heldNow.get(post) ?? 0) + 1);
    return post;
  }

  function postingCount(start: number, end: number, needed: number, max = 4): number {
    const fit = Math.max(1, Math.floor((end - start + 1) / MIN_POSTING_DAYS));
    const wanted = rng.weighted(
      [1, 2, 3, 4].filter((n) => n <= max),
      (n) => [0, 25, 35, 25, 15][n] ?? 0,
    );
    return Math.min(Math.max(wanted, needed), fit);
  }

  /** Starts at the entry rank and ends at the final one, never going down; repeats are sideways moves. */
  function rankPath(entry: number, final: number, n: number): number[] {
    if (n === 1) return [final];
    return [entry, ...Array.from({ length: n - 2 }, () => rng.int(entry, final)).sort((a, b) => a - b), final];
  }

  /**
   * Splits the service period into consecutive postings, one per rank in `ranks`. A sideways move that
   * lands on the same role and unit is folded into the posting before it.
   */
  function slotsFor(start: number, end: number, ranks: number[], isCurrent: boolean, ladder: Ladder): Slot[] {
    const weights = ranks.map(() => 1 + rng.rnd() * 2);
    const spare = end - start + 1 - MIN_POSTING_DAYS * ranks.length;
    const total = weights.reduce((a, b) => a + b, 0);
    const slots: Slot[] = [];
    let from = start;
    ranks.forEach((rank, i) => {
      const prev = slots[slots.length - 1];
      const post = pickPost(ladder.posts(rank), prev, isCurrent && i === ranks.length - 1);
      const [rankName, rankIndex] = ladder.label(rank, post);
      let unitId = rng.pick(unitsFor(post));
      for (let t = 0; prev?.unitId === unitId && t < 3; t++) unitId = rng.pick(unitsFor(post));
      if (!prev || prev.rank !== rankName || prev.role !== post.role || prev.unitId !== unitId) {
        slots.push({ rank: rankName, rankIndex, role: post.role, unitId, from });
      }
      from += MIN_POSTING_DAYS + Math.floor((spare * (weights[i] ?? 1)) / total);
    });
    return slots;
  }

  function officer(final: number, end: number, isCurrent: boolean): Career {
    const transferred = final > 0 && rng.chance(ref.transferInChance[final] ?? 0);
    const entry = !transferred
      ? 0
      : final >= ref.CHIEF_OFFICER_RANK
        ? rng.int(ref.CHIEF_OFFICER_RANK, final)
        : rng.int(1, final);
    const minYears = (ref.yearsToRank[final] ?? 0) - (ref.yearsToRank[entry] ?? 0);
    const years = final === 0 ? rng.between(ref.serviceYearBands) : minYears + 0.5 + rng.rnd() * (isCurrent ? 10 : 14);
    const start = startFor(end, years);
    const recruitAge =
      entry > 0
        ? 18 + (ref.yearsToRank[entry] ?? 0) + rng.int(2, 10)
        : Math.floor(rng.between(ref.officerJoinAgeBands));
    const ranks = rankPath(entry, final, postingCount(start, end, final > entry ? 2 : 1));
    const slots = slotsFor(start, end, ranks, isCurrent, {
      posts: (r) => ref.officerPosts[r] ?? [],
      label: (r) => [ref.officerRanks[r] ?? 'Constable', r],
    });
    // Officers retire by about 60, so long service means they joined young.
    const joinAge = Math.max(18, Math.min(recruitAge, 60 - Math.ceil((end - start) / YEAR) - rng.int(0, 4)));
    return { start, end: isCurrent ? null : end, slots, joinAge };
  }

  function staff(end: number, isCurrent: boolean): Career {
    const start = startFor(end, rng.between(ref.serviceYearBands));
    let grade = 0;
    const ranks = Array.from({ length: postingCount(start, end, 1) }, () => 0);
    // Only posts paid at or above the grade already reached, so nobody drops from Grade K to a vetting post.
    const slots = slotsFor(start, end, ranks, isCurrent, {
      posts: () => ref.staffPosts.filter((p) => p.grades[1] >= grade),
      label: (_r, post) => {
        const band = (post as ref.StaffPost).grades;
        grade = Math.max(grade, rng.int(band[0], band[1]));
        return [ref.staffGrades[grade] ?? 'Police staff', grade];
      },
    });
    const joinAge = Math.max(
      18,
      Math.min(Math.floor(rng.between(ref.staffJoinAgeBands)), 66 - Math.ceil((end - start) / YEAR)),
    );
    return { start, end: isCurrent ? null : end, slots, joinAge };
  }

  function special(end: number, isCurrent: boolean, chief: boolean): Career {
    const start = startFor(end, rng.between(ref.volunteerYearBands));
    const final = chief ? ref.specialRanks.length - 1 : rng.pickIndex(ref.specialRankShares);
    const supervisor = ref.specialPosts.filter((p) => p.units.includes('citizens'));
    const patrol = ref.specialPosts.filter((p) => !p.units.includes('citizens'));
    const ranks = rankPath(0, final, postingCount(start, end, final > 0 ? 2 : 1, 3));
    const slots = slotsFor(start, end, ranks, isCurrent, {
      posts: (r) => (r >= 2 ? supervisor : patrol),
      label: (r) => [ref.specialRanks[r] ?? 'Special Constable', r],
    });
    return { start, end: isCurrent ? null : end, slots, joinAge: rng.int(18, 45) };
  }

  function volunteer(end: number, isCurrent: boolean): Career {
    const start = startFor(end, rng.between(ref.volunteerYearBands));
    const ranks = Array.from({ length: postingCount(start, end, 1, 2) }, () => 0);
    const slots = slotsFor(start, end, ranks, isCurrent, {
      posts: () => ref.volunteerPosts,
      label: () => [ref.VOLUNTEER_RANK, 0],
    });
    return { start, end: isCurrent ? null : end, slots, joinAge: rng.int(18, 70) };
  }

  return { officer, staff, special, volunteer };
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
