import * as ref from './demo-reference-data.ts';
import { officerPosts, specialPosts, staffPosts, volunteerPosts, type Post, type StaffPost } from './demo-posts.ts';
import type { Rng } from './demo-rng.ts';

/**
 * Careers of the demo organisation's people: when they joined and left, and the postings (rank, role, unit)
 * in between, promoted along the rank ladder with plausible years of service.
 */

export type Slot = { rank: string; rankIndex: number; role: string; unitId: string; from: number };
export type Career = { start: number; end: number | null; slots: Slot[]; joinAge: number };
/** What a career can be posted to at each rank, and the rank's name (and seniority) given the post. */
type Ladder = {
  posts: (rank: number) => readonly Post[];
  label: (rank: number, post: Post) => [string, number];
};

// Dates are whole days since 1970-01-01 so arithmetic never meets time zones or clock changes.
const DAY_MS = 86_400_000;
export const YEAR = 365.25;
export const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
export const toIso = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const EARLIEST_START = toDay('1990-01-01');
const MIN_POSTING_DAYS = 120;

/** Career timelines; `end` is today for current people and the leaving date for former ones. */
export function makeCareers(rng: Rng, unitsByKey: Map<ref.UnitKey, string[]>) {
  const heldNow = new Map<Post, number>();
  const unitsFor = (post: Post): string[] => post.units.flatMap((k) => unitsByKey.get(k) ?? []);
  const startFor = (end: number, years: number): number =>
    Math.min(end - 30, Math.round(end - Math.min(years, (end - EARLIEST_START) / YEAR) * YEAR));

  /** Prefers a different role on a sideways move, and keeps capped posts (heads of units) to their cap. */
  function pickPost<P extends Post>(posts: readonly P[], prev: Slot | undefined, heldToday: boolean): P {
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
      posts: (r) => officerPosts[r] ?? [],
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
      posts: () => staffPosts.filter((p) => p.grades[1] >= grade),
      label: (_r, post) => {
        const band = (post as StaffPost).grades;
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
    const supervisor = specialPosts.filter((p) => p.units.includes('citizens'));
    const patrol = specialPosts.filter((p) => !p.units.includes('citizens'));
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
      posts: () => volunteerPosts,
      label: () => [ref.VOLUNTEER_RANK, 0],
    });
    return { start, end: isCurrent ? null : end, slots, joinAge: rng.int(18, 70) };
  }

  return { officer, staff, special, volunteer };
}
