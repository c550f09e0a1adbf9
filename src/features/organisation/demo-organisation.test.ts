import { describe, expect, it } from 'vitest';
import {
  ageBandOn,
  generateDemoOrganisation,
  pickDemoPeople,
  type DemoIdentifier,
  type DemoPosting,
} from './demo-organisation.ts';
import { officerRanks } from './demo-reference-data.ts';

/**
 * The demo force is what every demonstration, screenshot and benchmark runs on, so its shape is pinned
 * here: reproducible from a seed, and with the awkward realities (reissued collar numbers, promotions,
 * leavers) that the search and identity features must cope with.
 */

const TODAY = '2025-06-01';
const options = { forceId: 'westshire', forceName: 'Westshire Police', people: 3000, seed: 20231102, today: TODAY };
const org = generateDemoOrganisation(options);

const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const groupBy = <T>(rows: T[], key: (row: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
  return map;
};
const postingsOf = groupBy(org.postings, (p) => p.personId);
const identifiersOf = groupBy(org.identifiers, (i) => i.personId);
const officers = org.people.filter((p) => p.personType === 'officer');
const byValidFrom = <T extends { validFrom: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
const share = (part: number, whole: number): number => part / whole;

describe('generateDemoOrganisation', () => {
  it('gives identical output for the same seed and different output for another', () => {
    const small = { ...options, people: 400 };
    expect(generateDemoOrganisation(small)).toEqual(generateDemoOrganisation(small));
    const other = generateDemoOrganisation({ ...small, seed: small.seed + 1 });
    const first = generateDemoOrganisation(small);
    expect(other.people.map((p) => p.id)).not.toEqual(first.people.map((p) => p.id));
    expect(other.people.map((p) => p.searchName)).not.toEqual(first.people.map((p) => p.searchName));
  });

  it('generates 3,000 people well inside two seconds', () => {
    const started = performance.now();
    generateDemoOrganisation({ ...options, seed: 1 });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('produces the requested number of people in a realistic type mix', () => {
    expect(org.people).toHaveLength(3000);
    const count = (type: string) => org.people.filter((p) => p.personType === type).length;
    expect(share(count('officer'), 3000)).toBeCloseTo(0.55, 1);
    expect(share(count('staff'), 3000)).toBeCloseTo(0.38, 1);
    expect(share(count('special'), 3000)).toBeGreaterThan(0.03);
    expect(share(count('special'), 3000)).toBeLessThan(0.05);
    expect(share(count('volunteer'), 3000)).toBeGreaterThan(0.02);
    expect(share(count('volunteer'), 3000)).toBeLessThan(0.04);
  });

  it('sets ids and the force on every row', () => {
    const rows = [...org.units, ...org.people, ...org.identifiers, ...org.postings];
    expect(rows.every((r) => r.forceId === 'westshire' && /^[0-9a-f-]{36}$/.test(r.id))).toBe(true);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(org.force).toEqual({ id: 'westshire', name: 'Westshire Police' });
  });

  it('builds a unit tree under a single force unit, with slash-joined paths', () => {
    const roots = org.units.filter((u) => u.parentId == null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ kind: 'force', name: 'Westshire Police', path: 'Westshire Police' });
    const byId = new Map(org.units.map((u) => [u.id, u]));
    for (const unit of org.units.filter((u) => u.parentId != null)) {
      const parent = byId.get(unit.parentId ?? '');
      expect(parent).toBeDefined();
      expect(unit.path).toBe(`${parent?.path}/${unit.name}`);
      expect(org.units.indexOf(parent ?? unit)).toBeLessThan(org.units.indexOf(unit));
    }
    expect(org.units.filter((u) => u.kind === 'command').map((u) => u.name)).toEqual([
      'Local Policing',
      'Crime',
      'Operations',
      'Professional Standards & Integrity',
      'Corporate Services',
    ]);
    expect(org.units.filter((u) => u.kind === 'area')).toHaveLength(4);
    expect(org.units.map((u) => u.path)).toContain(
      'Westshire Police/Local Policing/Northgate LPA/Northgate Response Team 1',
    );
    expect(org.postings.every((p) => byId.has(p.unitId))).toBe(true);
  });

  it('gives everyone consecutive postings from service start, open-ended only while they serve', () => {
    for (const person of org.people) {
      const postings = byValidFrom(postingsOf.get(person.id) ?? []);
      expect(postings.length).toBeGreaterThanOrEqual(1);
      expect(postings.length).toBeLessThanOrEqual(4);
      expect(postings[0]?.validFrom).toBe(person.serviceStart);
      postings.slice(1).forEach((p, i) => expect(p.validFrom).toBe(addDays(postings[i]?.validTo ?? '', 1)));
      const open = postings.filter((p) => p.validTo == null);
      if (person.status === 'current') expect(open).toEqual([postings[postings.length - 1]]);
      else expect(postings[postings.length - 1]?.validTo).toBe(person.serviceEnd);
      expect(postings.every((p) => p.validFrom <= TODAY)).toBe(true);
    }
  });

  it('never demotes an officer', () => {
    for (const officer of officers) {
      const ranks = byValidFrom(postingsOf.get(officer.id) ?? []).map((p) =>
        officerRanks.indexOf(p.rank as (typeof officerRanks)[number]),
      );
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('has one Chief Constable, one Deputy and two Assistant Chief Constables, and mostly constables', () => {
    const current = org.postings.filter((p) => p.validTo == null);
    const holding = (rank: string) => current.filter((p) => p.rank === rank).length;
    expect([
      holding('Chief Constable'),
      holding('Deputy Chief Constable'),
      holding('Assistant Chief Constable'),
    ]).toEqual([1, 1, 2]);
    const currentOfficers = officers.filter((o) => o.status === 'current').length;
    expect(share(holding('Constable'), currentOfficers)).toBeGreaterThan(0.7);
    expect(share(holding('Sergeant'), currentOfficers)).toBeGreaterThan(0.1);
    expect(org.postings.some((p) => p.rank.startsWith('Police staff (Grade'))).toBe(true);
  });

  it('staffs professional standards, counter corruption and vetting realistically', () => {
    for (const name of ['Professional Standards Department', 'Counter Corruption Unit', 'Vetting Unit']) {
      const unit = org.units.find((u) => u.name === name);
      const headcount = org.postings.filter((p) => p.validTo == null && p.unitId === unit?.id).length;
      expect(headcount, name).toBeGreaterThanOrEqual(15);
      expect(headcount, name).toBeLessThanOrEqual(50);
    }
  });

  it('marks about 8% as former, with a service end in the last ten years and nothing still open', () => {
    const former = org.people.filter((p) => p.status === 'former');
    expect(share(former.length, 3000)).toBeGreaterThan(0.05);
    expect(share(former.length, 3000)).toBeLessThan(0.11);
    for (const person of former) {
      expect(person.serviceEnd).toBeTruthy();
      expect(person.serviceEnd! < TODAY && person.serviceEnd! >= addDays(TODAY, -3653)).toBe(true);
      expect(
        (identifiersOf.get(person.id) ?? []).every((i) => i.validTo != null && i.validTo <= person.serviceEnd!),
      ).toBe(true);
    }
    expect(org.people.filter((p) => p.status === 'current').every((p) => p.serviceEnd == null)).toBe(true);
  });

  it('issues warrant, collar and staff numbers in the expected formats, within service', () => {
    for (const person of org.people) {
      const ids = identifiersOf.get(person.id) ?? [];
      const warrants = ids.filter((i) => i.kind === 'warrant');
      const collars = ids.filter((i) => i.kind === 'collar');
      const sworn = person.personType === 'officer' || person.personType === 'special';
      expect(warrants).toHaveLength(sworn ? 1 : 0);
      expect(collars.length > 0).toBe(sworn);
      expect(ids.filter((i) => i.kind === 'staff')).toHaveLength(sworn ? 0 : 1);
      expect(warrants.every((w) => /^W\d{6}$/.test(w.value) && w.validFrom === person.serviceStart)).toBe(true);
      expect(collars.every((c) => /^\d{4}$/.test(c.value))).toBe(true);
      expect(
        ids.every((i) => i.validFrom >= (person.serviceStart ?? '') && (i.validTo == null || i.validTo >= i.validFrom)),
      ).toBe(true);
      if (person.personType === 'staff') expect(ids[0]?.value).toMatch(/^S\d{6}$/);
    }
    const serials = org.identifiers.filter((i) => i.kind !== 'collar').map((i) => i.value);
    expect(new Set(serials).size).toBe(serials.length);
  });

  it('supersedes the collar number of 10–15% of officers, the new one starting the next day', () => {
    const superseded = officers.filter((o) => {
      const collars = (identifiersOf.get(o.id) ?? []).filter((i) => i.kind === 'collar');
      return collars.some(
        (old) => old.validTo != null && collars.some((next) => next.validFrom === addDays(old.validTo ?? '', 1)),
      );
    });
    expect(share(superseded.length, officers.length)).toBeGreaterThanOrEqual(0.1);
    expect(share(superseded.length, officers.length)).toBeLessThanOrEqual(0.15);
  });

  it('reissues released collar numbers to other people, never to two people at once', () => {
    const byValue = groupBy(
      org.identifiers.filter((i) => i.kind === 'collar'),
      (i) => i.value,
    );
    let reissued = 0;
    for (const holdings of byValue.values()) {
      const ordered: DemoIdentifier[] = byValidFrom(holdings);
      ordered.slice(1).forEach((later, i) => {
        const earlier = ordered[i] as DemoIdentifier;
        expect(earlier.validTo, `collar ${later.value}`).not.toBeNull();
        expect(later.validFrom > (earlier.validTo ?? '')).toBe(true);
        if (later.personId !== earlier.personId) reissued++;
      });
    }
    expect(reissued).toBeGreaterThan(0);
  });

  it('keeps demographics plausible and derived fields consistent', () => {
    const females = (type: string) => {
      const group = org.people.filter((p) => p.personType === type);
      return share(group.filter((p) => p.sex === 'female').length, group.length);
    };
    expect(females('officer')).toBeGreaterThan(0.3);
    expect(females('officer')).toBeLessThan(0.4);
    expect(females('staff')).toBeGreaterThan(0.55);
    expect(females('staff')).toBeLessThan(0.65);
    expect(share(org.people.filter((p) => p.ethnicity === 'white').length, 3000)).toBeCloseTo(0.9, 1);
    for (const p of org.people) {
      expect(p.searchName).toBe(`${p.givenName} ${p.familyName}`.toLowerCase());
      expect(p.ageBand).toBe(ageBandOn(p.dateOfBirth ?? '', TODAY));
      const eighteenth = `${Number(p.dateOfBirth?.slice(0, 4)) + 18}${p.dateOfBirth?.slice(4)}`;
      expect(eighteenth <= (p.serviceStart ?? ''), `${p.id} joined before 18`).toBe(true);
      expect(p.serviceStart! >= '1990-01-01' && p.serviceStart! <= TODAY).toBe(true);
    }
  });
});

describe('pickDemoPeople', () => {
  it('picks the same distinct people every time, honouring the predicate', () => {
    const inPsd = (_p: unknown, current: { posting?: DemoPosting; unit?: { name: string } }) =>
      current.unit?.name === 'Professional Standards Department';
    const picked = pickDemoPeople(org, 3, inPsd);
    expect(picked).toHaveLength(3);
    expect(new Set(picked.map((p) => p.id)).size).toBe(3);
    expect(pickDemoPeople(generateDemoOrganisation(options), 3, inPsd).map((p) => p.id)).toEqual(
      picked.map((p) => p.id),
    );
    expect(pickDemoPeople(org, 10).every((p) => p.status === 'current')).toBe(true);
    expect(
      pickDemoPeople(org, 5, (p) => p.personType === 'volunteer' && p.status === 'former').length,
    ).toBeLessThanOrEqual(5);
  });
});
