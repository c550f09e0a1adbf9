import type { IsoDate } from '../../../kernel/time/dates.ts';
import { wholeYears } from './dates.ts';

/**
 * PEER-NORMALISED SCORES, pure. A person's count is placed among peers of the same rank and
 * length-of-service band as a percentile (the mid-rank percentile: those below plus half of those tied,
 * over the group's size, so ties share one figure and the lowest is not 0 when everyone is tied). A peer
 * group smaller than the force's minimum gets no percentile: a percentile from five people says more about
 * chance than about the person (early intervention `minPeerGroup`, default 10; force policy, not statute).
 */

/** Length of service bands, in whole years: [0,2), [2,5), [5,10), [10,20), 20 and over. */
export const SERVICE_BANDS = [
  { key: '0_2', label: 'Under 2 years', from: 0, to: 2 },
  { key: '2_5', label: '2 to 4 years', from: 2, to: 5 },
  { key: '5_10', label: '5 to 9 years', from: 5, to: 10 },
  { key: '10_20', label: '10 to 19 years', from: 10, to: 20 },
  { key: '20_plus', label: '20 years or more', from: 20, to: Infinity },
] as const;

export function serviceBand(serviceStart: IsoDate | null, today: IsoDate): string {
  if (!serviceStart) return 'unknown';
  const years = Math.max(0, wholeYears(serviceStart, today));
  return SERVICE_BANDS.find((b) => years >= b.from && years < b.to)?.key ?? 'unknown';
}

export type PeerMember = { personId: string; rank: string; band: string; count: number };
export type PeerScore = {
  personId: string;
  count: number;
  rank: string;
  band: string;
  groupSize: number;
  /** 0–100 (one decimal), or null when the group is smaller than the minimum. */
  percentile: number | null;
  groupMean: number;
};

export function percentileOf(value: number, group: readonly number[]): number {
  let below = 0;
  let tied = 0;
  for (const v of group) {
    if (v < value) below++;
    else if (v === value) tied++;
  }
  return Math.round(((below + tied / 2) / group.length) * 1000) / 10;
}

/** Every member's place among the members of the same rank and band. */
export function peerScores(members: readonly PeerMember[], minGroup: number): PeerScore[] {
  const groups = new Map<string, number[]>();
  const keyOf = (m: PeerMember) => `${m.rank}\u0000${m.band}`;
  for (const m of members) {
    const g = groups.get(keyOf(m));
    if (g) g.push(m.count);
    else groups.set(keyOf(m), [m.count]);
  }
  return members.map((m) => {
    const group = groups.get(keyOf(m)) ?? [];
    const mean = group.reduce((a, b) => a + b, 0) / group.length;
    return {
      personId: m.personId,
      count: m.count,
      rank: m.rank,
      band: m.band,
      groupSize: group.length,
      percentile: group.length >= minGroup ? percentileOf(m.count, group) : null,
      groupMean: Math.round(mean * 100) / 100,
    };
  });
}
