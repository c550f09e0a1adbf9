/**
 * Reference lists for the demo organisation. Shares follow the Home Office "Police workforce, England and
 * Wales" tables closely enough that charts and searches over the demo force look like a real force's.
 */

/** Rank order matters: the index is the seniority the generator promotes along. */
export const officerRanks = [
  'Constable',
  'Sergeant',
  'Inspector',
  'Chief Inspector',
  'Superintendent',
  'Chief Superintendent',
  'Assistant Chief Constable',
  'Deputy Chief Constable',
  'Chief Constable',
] as const;

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

/**
 * A role and where it is worked; `weight` is relative within one rank (or person type). `max` caps how
 * many people hold it today, so a force has one head of professional standards, not three.
 */
export type Post = { role: string; units: UnitKey[]; weight: number; max?: number };
/** Staff posts carry the grade band (indexes into `staffGrades`) the role is paid at. */
export type StaffPost = Post & { grades: [number, number] };

const psdOfficer = (weight: number): Post => ({ role: 'PSD investigator', units: ['psd'], weight });
const ccuOfficer = (weight: number): Post => ({ role: 'Counter corruption investigator', units: ['ccu'], weight });

/**
 * Officer posts by rank index. PSD, counter-corruption and vetting weights are tuned so a 3,000-person
 * force has 20–40 people in each of those units, as real forces of that size do.
 */
export const officerPosts: Post[][] = [
  [
    { role: 'Response officer', units: ['response'], weight: 44 },
    { role: 'Neighbourhood officer', units: ['neighbourhood'], weight: 18 },
    { role: 'Detective', units: ['cid', 'publicProtection'], weight: 14 },
    { role: 'Firearms officer', units: ['firearms'], weight: 5 },
    { role: 'Roads policing officer', units: ['roads'], weight: 5 },
    { role: 'Intelligence officer', units: ['intelligence'], weight: 2 },
    { role: 'Control room officer', units: ['contact'], weight: 1.5 },
    { role: 'Trainer', units: ['training'], weight: 1 },
    psdOfficer(0.45),
    ccuOfficer(0.4),
    { role: 'Vetting officer', units: ['vetting'], weight: 0.2 },
  ],
  [
    { role: 'Response sergeant', units: ['response'], weight: 35 },
    { role: 'Neighbourhood sergeant', units: ['neighbourhood'], weight: 15 },
    { role: 'Detective', units: ['cid', 'publicProtection'], weight: 18 },
    { role: 'Custody sergeant', units: ['custody'], weight: 10 },
    { role: 'Firearms officer', units: ['firearms'], weight: 5 },
    { role: 'Roads policing officer', units: ['roads'], weight: 4 },
    { role: 'Control room supervisor', units: ['contact'], weight: 4 },
    { role: 'Intelligence officer', units: ['intelligence'], weight: 2 },
    { role: 'Trainer', units: ['training'], weight: 2 },
    psdOfficer(2.5),
    ccuOfficer(2.5),
    { role: 'Vetting officer', units: ['vetting'], weight: 0.6 },
  ],
  [
    { role: 'Duty inspector', units: ['response'], weight: 30 },
    { role: 'Neighbourhood inspector', units: ['neighbourhood'], weight: 20 },
    { role: 'Detective', units: ['cid', 'publicProtection', 'intelligence'], weight: 25 },
    { role: 'Custody inspector', units: ['custody'], weight: 5 },
    { role: 'Firearms officer', units: ['firearms'], weight: 4 },
    { role: 'Roads policing officer', units: ['roads'], weight: 3 },
    { role: 'Control room inspector', units: ['contact'], weight: 5 },
    psdOfficer(4),
    ccuOfficer(2),
    { role: 'Staff officer', units: ['force'], weight: 2 },
  ],
  [
    { role: 'Deputy area commander', units: ['area'], weight: 40, max: 8 },
    { role: 'Detective', units: ['cid', 'publicProtection'], weight: 25 },
    { role: 'Department lead', units: ['firearms', 'roads', 'contact', 'custody'], weight: 20 },
    { role: 'Head of counter corruption', units: ['ccu'], weight: 5, max: 1 },
    { role: 'Deputy head of professional standards', units: ['psd'], weight: 5, max: 1 },
    { role: 'Head of vetting', units: ['vetting'], weight: 3, max: 1 },
  ],
  [
    { role: 'Area commander', units: ['area'], weight: 50, max: 4 },
    { role: 'Detective', units: ['cid', 'publicProtection'], weight: 15 },
    { role: 'Head of professional standards', units: ['psd'], weight: 10, max: 1 },
    { role: 'Operations lead', units: ['operations'], weight: 15 },
    { role: 'Head of corporate development', units: ['corporate'], weight: 10 },
  ],
  [{ role: 'Head of command', units: ['localPolicing', 'crime', 'operations', 'psi'], weight: 1 }],
  [{ role: 'Chief officer', units: ['force'], weight: 1 }],
  [{ role: 'Chief officer', units: ['force'], weight: 1 }],
  [{ role: 'Chief officer', units: ['force'], weight: 1 }],
];

export const staffPosts: StaffPost[] = [
  { role: 'PCSO', units: ['neighbourhood'], grades: [2, 3], weight: 18 },
  { role: 'Call handler', units: ['contact'], grades: [2, 3], weight: 14 },
  { role: 'Dispatcher', units: ['contact'], grades: [3, 4], weight: 5 },
  { role: 'Detention officer', units: ['custody'], grades: [2, 3], weight: 5 },
  { role: 'Police staff investigator', units: ['cid', 'publicProtection'], grades: [4, 5], weight: 5 },
  { role: 'Analyst', units: ['intelligence'], grades: [4, 6], weight: 4 },
  { role: 'Intelligence researcher', units: ['intelligence'], grades: [3, 4], weight: 3 },
  {
    role: 'Administrator',
    units: ['cid', 'publicProtection', 'custody', 'hr', 'finance', 'training', 'area'],
    grades: [1, 3],
    weight: 10,
  },
  { role: 'HR adviser', units: ['hr'], grades: [3, 5], weight: 4 },
  { role: 'IT engineer', units: ['it'], grades: [3, 7], weight: 6 },
  { role: 'Finance officer', units: ['finance'], grades: [2, 5], weight: 3 },
  { role: 'Trainer', units: ['training'], grades: [4, 5], weight: 3 },
  { role: 'Contact centre team leader', units: ['contact'], grades: [5, 6], weight: 2 },
  { role: 'Senior analyst', units: ['intelligence'], grades: [6, 7], weight: 1.5 },
  { role: 'Project manager', units: ['it'], grades: [6, 8], weight: 1.5 },
  { role: 'Business partner', units: ['hr', 'finance'], grades: [6, 8], weight: 1.5 },
  {
    role: 'Operations manager',
    units: ['contact', 'custody', 'cid', 'publicProtection', 'training'],
    grades: [6, 8],
    weight: 2,
  },
  { role: 'PSD investigator', units: ['psd'], grades: [5, 6], weight: 0.45 },
  { role: 'PSD case officer', units: ['psd'], grades: [3, 4], weight: 0.4 },
  { role: 'Counter corruption analyst', units: ['ccu'], grades: [4, 6], weight: 0.35 },
  { role: 'Counter corruption investigator', units: ['ccu'], grades: [5, 6], weight: 0.35 },
  { role: 'Vetting officer', units: ['vetting'], grades: [3, 4], weight: 2.3 },
  { role: 'Vetting manager', units: ['vetting'], grades: [6, 7], weight: 0.1, max: 1 },
  { role: 'Head of department', units: ['hr', 'it', 'finance'], grades: [8, 10], weight: 0.3, max: 3 },
];

export const specialPosts: Post[] = [
  { role: 'Neighbourhood officer', units: ['neighbourhood'], weight: 50 },
  { role: 'Response officer', units: ['response'], weight: 35 },
  { role: 'Roads policing officer', units: ['roads'], weight: 10 },
  { role: 'Special constabulary supervisor', units: ['citizens'], weight: 5 },
];

export const volunteerPosts: Post[] = [
  { role: 'Police support volunteer', units: ['neighbourhood', 'citizens'], weight: 55 },
  { role: 'Front counter volunteer', units: ['area'], weight: 20 },
  { role: 'Volunteer police cadet leader', units: ['citizens'], weight: 20 },
  { role: 'Chaplain', units: ['force'], weight: 5 },
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
