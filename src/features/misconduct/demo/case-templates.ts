import { type GroupTheme, type Theme } from './theme-types.ts';
import { CONDUCT_THEMES } from './themes-conduct.ts';
import { DUTY_AND_POWER_THEMES } from './themes-duties-and-powers.ts';

export type { Gravity, Source, Theme } from './theme-types.ts';

/** What the demo cases are about, in this order (the generator draws from it by weight, deterministically). */
export const THEMES: Theme[] = [...DUTY_AND_POWER_THEMES, ...CONDUCT_THEMES];

/** Many subjects in one case. The first is always included: the group-chat case of uk-domain.md §0. */
export const GROUP_THEMES: GroupTheme[] = [
  {
    code: 'discrimination.race',
    gravity: 'high',
    criteria: ['discrimination'],
    standards: ['equality_diversity', 'discreditable_conduct', 'challenging_reporting'],
    sources: { internal_report: 1 },
    size: [10, 10],
    summary: '{who} shared racist and misogynistic messages in a work group chat',
    descriptions: [
      'Posted or shared discriminatory messages in a work group chat and did not challenge or report them',
    ],
  },
  {
    code: 'sexual_conduct.harassment',
    gravity: 'high',
    criteria: ['gravity'],
    standards: ['discreditable_conduct', 'equality_diversity', 'challenging_reporting'],
    sources: { internal_report: 2, anonymous_report: 1 },
    size: [4, 6],
    summary: '{who} on a response team in {area} are alleged to have subjected female colleagues to sexual comments',
    descriptions: ['Took part in or did not challenge sexual comments and exclusion directed at female colleagues'],
  },
  {
    code: 'powers.custody',
    gravity: 'mid',
    criteria: ['death_or_serious_injury'],
    standards: ['duties_responsibilities', 'honesty_integrity'],
    sources: { internal_report: 1 },
    size: [4, 6],
    summary: '{who} did not check on a detainee at the {area} custody suite who was later taken to hospital',
    descriptions: ['Did not carry out or record the checks the detainee’s care plan required'],
  },
  {
    code: 'information.systems',
    gravity: 'mid',
    criteria: null,
    standards: ['confidentiality', 'orders_instructions'],
    sources: { data_check: 1 },
    size: [4, 8],
    summary: '{who} viewed the records of a high-profile murder investigation with no policing purpose',
    descriptions: ['Viewed records of a major investigation with no policing purpose'],
  },
  {
    code: 'duties.service_level',
    gravity: 'high',
    criteria: null,
    standards: ['honesty_integrity', 'duties_responsibilities'],
    sources: { internal_report: 1 },
    size: [4, 5],
    summary: '{who} recorded hourly checks on a prisoner under hospital guard that were not made',
    descriptions: ['Made false entries in the hospital guard log'],
  },
];
