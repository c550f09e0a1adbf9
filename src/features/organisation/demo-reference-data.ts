/**
 * Reference lists for the demo organisation. Shares follow the Home Office "Police workforce, England and
 * Wales" tables closely enough that charts and searches over the demo force look like a real force's.
 */

import { HOME_OFFICE_RANKS } from '../../kernel/config/integrity-rules.ts';

/** Rank order matters: the index is the seniority the generator promotes along (the Home Office ranks). */
export const officerRanks = HOME_OFFICE_RANKS;

export const CHIEF_OFFICER_RANK = 6;

/** Share of current officers below chief officer rank, Constable first. */
export const officerRankShares = [0.77, 0.14, 0.05, 0.015, 0.0075, 0.0035] as const;

/** Years of service before an officer is normally in post at each rank; keeps promotions plausible. */
export const yearsToRank = [0, 3, 6, 9, 12, 15, 18, 20, 22] as const;

/**
 * Chance that an officer of this final rank joined the force at a rank above Constable (transferee or
 * direct entry). Chief officers almost always come from another force.
 */
export const transferInChance = [0, 0.35, 0.45, 0.5, 0.5, 0.55, 1, 1, 1] as const;

export const specialRanks = [
  'Special Constable',
  'Special Sergeant',
  'Special Inspector',
  'Special Chief Inspector',
  'Special Chief Officer',
] as const;

export const specialRankShares = [0.86, 0.1, 0.03, 0.01] as const;

const gradeLetters = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'] as const;
export const staffGrades = gradeLetters.map((g) => `Police staff (Grade ${g})`);

export const VOLUNTEER_RANK = 'Volunteer';

export const areaNames = ['Northgate', 'Eastbrook', 'Southmere', 'Westford'] as const;
export const RESPONSE_TEAMS_PER_AREA = 4;
export const neighbourhoodTeamSuffixes = ['Town Centre', 'Rural'] as const;

/** Keys the post catalogues use to say where a role is worked. */
export type UnitKey =
  | 'force'
  | 'localPolicing'
  | 'crime'
  | 'operations'
  | 'psi'
  | 'corporate'
  | 'area'
  | 'response'
  | 'neighbourhood'
  | 'citizens'
  | 'cid'
  | 'publicProtection'
  | 'intelligence'
  | 'firearms'
  | 'roads'
  | 'contact'
  | 'custody'
  | 'psd'
  | 'ccu'
  | 'vetting'
  | 'hr'
  | 'it'
  | 'finance'
  | 'training';

export type CommandSpec = { key: UnitKey; name: string; departments: { key: UnitKey; name: string }[] };

/** Local Policing also holds the areas, which the generator adds from `areaNames`. */
const dept = (key: UnitKey, name: string) => ({ key, name });

export const commandSpecs: CommandSpec[] = [
  { key: 'localPolicing', name: 'Local Policing', departments: [{ key: 'citizens', name: 'Citizens in Policing' }] },
  {
    key: 'crime',
    name: 'Crime',
    departments: [
      dept('cid', 'CID'),
      dept('publicProtection', 'Public Protection'),
      dept('intelligence', 'Intelligence Bureau'),
    ],
  },
  {
    key: 'operations',
    name: 'Operations',
    departments: [
      dept('firearms', 'Firearms'),
      dept('roads', 'Roads Policing'),
      dept('contact', 'Contact Centre'),
      dept('custody', 'Custody'),
    ],
  },
  {
    key: 'psi',
    name: 'Professional Standards & Integrity',
    departments: [
      dept('psd', 'Professional Standards Department'),
      dept('ccu', 'Counter Corruption Unit'),
      dept('vetting', 'Vetting Unit'),
    ],
  },
  {
    key: 'corporate',
    name: 'Corporate Services',
    departments: [
      dept('hr', 'HR'),
      dept('it', 'IT'),
      dept('finance', 'Finance'),
      dept('training', 'Learning & Development'),
    ],
  },
];

/** 2021 Census shares as police workforce tables report them (a little whiter than the population). */
export const ethnicityWeights = [
  { value: 'white', weight: 90 },
  { value: 'asian', weight: 4 },
  { value: 'black', weight: 2 },
  { value: 'mixed', weight: 2.5 },
  { value: 'other', weight: 0.5 },
  { value: 'not_stated', weight: 1 },
] as const;

export const personTypeShares = [
  { value: 'officer', share: 0.55 },
  { value: 'staff', share: 0.38 },
  { value: 'special', share: 0.04 },
  { value: 'volunteer', share: 0.03 },
] as const;

/** A weighted range (years of service, or age on joining) to draw uniformly from. */
export type Band = { range: readonly [number, number]; weight: number };
/** Many short-service people reflect the 2019–23 officer uplift; the long tail is the 30-year pensioners. */
export const serviceYearBands: Band[] = [
  { range: [0, 2], weight: 20 },
  { range: [2, 5], weight: 25 },
  { range: [5, 10], weight: 16 },
  { range: [10, 20], weight: 21 },
  { range: [20, 34], weight: 18 },
];
export const volunteerYearBands: Band[] = [
  { range: [0, 2], weight: 40 },
  { range: [2, 5], weight: 35 },
  { range: [5, 12], weight: 25 },
];
export const officerJoinAgeBands: Band[] = [
  { range: [18, 24], weight: 4 },
  { range: [25, 32], weight: 4 },
  { range: [33, 45], weight: 2 },
];
export const staffJoinAgeBands: Band[] = [
  { range: [18, 25], weight: 3 },
  { range: [26, 40], weight: 5 },
  { range: [41, 58], weight: 2 },
];

export const FORMER_SHARE = 0.08;
/** Share of each type that is female; the rest male except a small "not stated". */
export const femaleShare = { officer: 0.35, staff: 0.6, special: 0.3, volunteer: 0.5 } as const;
export const NOT_STATED_SEX_SHARE = 0.005;

/** Number series that never change or get reissued; volunteers carry a "V" number on the staff system. */
export const serialSeries: { prefix: string; first: number; types: readonly string[] }[] = [
  { prefix: 'W', first: 100000, types: ['officer', 'special'] },
  { prefix: 'S', first: 200000, types: ['staff'] },
  { prefix: 'V', first: 300000, types: ['volunteer'] },
];

/** Collar number ranges: sergeants and above draw from their own block, as many forces do. */
export const collarRanges = { constable: [1000, 5999], special: [6000, 6999], sergeant: [7000, 7999] } as const;
/** Chance that a new collar goes to a number released at least `COLLAR_REUSE_COOLDOWN_DAYS` ago. */
export const COLLAR_REUSE_CHANCE = 0.4;
export const COLLAR_REUSE_COOLDOWN_DAYS = 180;
