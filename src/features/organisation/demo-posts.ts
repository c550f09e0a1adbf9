import type { UnitKey } from './demo-reference-data.ts';

/** The posts of the demo organisation: what each rank, grade and kind of person is posted to, and where. */

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
