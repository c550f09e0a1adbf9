import type { caseSources } from '../../../db/schema/index.ts';
import type { StandardCode } from '../taxonomy.ts';

// What the cases are about. Fictional sentences; `{who}` is the subject(s), `{area}` a Westshire area.
// `weight` and the `sources` numbers are relative frequencies, not percentages.

export type Source = (typeof caseSources)[number];
export type Gravity = 'low' | 'mid' | 'high';

export type Theme = {
  code: string;
  weight: number;
  gravity: Gravity;
  /** IOPC referral grounds (case-form-fields.ts keys) when the matter may meet the referral criteria; null if it never does. */
  criteria: string[] | null;
  standards: StandardCode[];
  sources: Partial<Record<Source, number>>;
  summaries: string[];
  descriptions: string[];
};

type GroupTheme = Omit<Theme, 'weight' | 'summaries'> & {
  summary: string;
  size: readonly [number, number];
};

const PUBLIC = { public_complaint: 6, internal_report: 3, other: 1 };
const INTERNAL = { internal_report: 5, anonymous_report: 2, public_complaint: 1 };
const CRIMINAL = { criminal_investigation: 5, internal_report: 2, public_complaint: 1 };

export const THEMES: Theme[] = [
  {
    code: 'duties.action_after_contact',
    weight: 5,
    gravity: 'low',
    criteria: null,
    standards: ['duties_responsibilities'],
    sources: PUBLIC,
    summaries: [
      '{who} closed a reported burglary in {area} without carrying out any enquiries',
      '{who} did not return calls from a stalking victim in {area} for several weeks',
      '{who} did not attend a reported assault graded for a same-day response',
    ],
    descriptions: [
      'Closed the report without the enquiries the incident required and without supervisory review',
      'Did not update the victim or record the contact attempts the investigation plan required',
    ],
  },
  {
    code: 'duties.decisions',
    weight: 2,
    gravity: 'low',
    criteria: null,
    standards: ['duties_responsibilities'],
    sources: PUBLIC,
    summaries: [
      '{who} released a domestic abuse suspect without considering bail conditions',
      '{who} took no further action on a harassment report without reviewing the evidence',
    ],
    descriptions: ['Made a decision on the investigation without considering the risk assessment recorded on the file'],
  },
  {
    code: 'duties.service_level',
    weight: 3,
    gravity: 'low',
    criteria: null,
    standards: ['duties_responsibilities', 'orders_instructions'],
    sources: PUBLIC,
    summaries: [
      '{who} left a missing person enquiry in {area} unprogressed over a weekend',
      '{who} dealt dismissively with an elderly victim of a doorstep fraud',
    ],
    descriptions: ['Did not carry out the actions allocated on the incident log for more than 48 hours'],
  },
  {
    code: 'powers.use_of_force',
    weight: 5,
    gravity: 'mid',
    criteria: ['serious_assault'],
    standards: ['use_of_force', 'duties_responsibilities'],
    sources: { public_complaint: 5, internal_report: 4, criminal_investigation: 1 },
    summaries: [
      '{who} used a Taser on a man who was walking away in {area} town centre',
      '{who} struck a handcuffed detainee in the {area} custody yard',
      '{who} used force on a teenager during an arrest in {area} filmed by a bystander',
    ],
    descriptions: [
      'Used force that was not necessary, proportionate or reasonable in the circumstances',
      'Used force on a restrained person and did not record it on a use of force form',
    ],
  },
  {
    code: 'powers.stop_search',
    weight: 2,
    gravity: 'low',
    criteria: null,
    standards: ['orders_instructions', 'equality_diversity'],
    sources: PUBLIC,
    summaries: [
      '{who} stopped and searched a young man in {area} without recording any grounds',
      '{who} searched a car in {area} without grounds and without body-worn video',
    ],
    descriptions: ['Carried out a search without reasonable grounds and did not complete a search record'],
  },
  {
    code: 'powers.arrest',
    weight: 2,
    gravity: 'mid',
    criteria: null,
    standards: ['orders_instructions', 'duties_responsibilities'],
    sources: PUBLIC,
    summaries: ['{who} arrested a protester in {area} without a lawful power of arrest'],
    descriptions: ['Arrested the complainant when the necessity test in PACE Code G was not met'],
  },
  {
    code: 'powers.custody',
    weight: 2,
    gravity: 'mid',
    criteria: ['death_or_serious_injury'],
    standards: ['duties_responsibilities', 'honesty_integrity'],
    sources: { internal_report: 4, public_complaint: 2 },
    summaries: ['{who} did not carry out rousing checks on an intoxicated detainee at the {area} custody suite'],
    descriptions: [
      'Did not carry out the cell visits and rousing checks set in the care plan and recorded checks that were not made',
    ],
  },
  {
    code: 'powers.evidence',
    weight: 2,
    gravity: 'high',
    criteria: ['relevant_offence'],
    standards: ['honesty_integrity', 'duties_responsibilities'],
    sources: { internal_report: 4, public_complaint: 1, criminal_investigation: 1 },
    summaries: [
      '{who} is alleged to have written a false statement for a drink-driving trial',
      '{who} did not book in drugs seized in {area} and the exhibit cannot be found',
    ],
    descriptions: [
      'Gave an account in a witness statement that does not match the body-worn video of the incident',
      'Did not record or book in seized property and gave inconsistent accounts of what happened to it',
    ],
  },
  {
    code: 'information.systems',
    weight: 7,
    gravity: 'mid',
    criteria: null,
    standards: ['confidentiality', 'orders_instructions'],
    sources: { data_check: 5, internal_report: 3, anonymous_report: 1 },
    summaries: [
      '{who} searched police systems for the new address of a former partner',
      '{who} ran checks on a neighbour involved in a parking dispute',
      '{who} viewed the crime record of a relative’s assault case with no policing purpose',
    ],
    descriptions: [
      'Accessed police systems for a personal reason with no policing purpose, contrary to the information security policy',
      'Carried out checks on police systems with no policing purpose',
    ],
  },
  {
    code: 'information.disclosure',
    weight: 3,
    gravity: 'mid',
    criteria: null,
    standards: ['confidentiality', 'discreditable_conduct'],
    sources: INTERNAL,
    summaries: [
      '{who} told a friend about a planned drugs warrant in {area}',
      '{who} posted photographs from a crime scene in a private messaging group',
    ],
    descriptions: ['Disclosed police information to a person not entitled to receive it'],
  },
  {
    code: 'abuse_of_position.sexual',
    weight: 4,
    gravity: 'high',
    criteria: ['serious_corruption'],
    standards: ['discreditable_conduct', 'authority_respect_courtesy', 'honesty_integrity'],
    sources: { internal_report: 3, public_complaint: 2, anonymous_report: 2, vetting: 1 },
    summaries: [
      '{who} contacted a domestic abuse victim on social media after attending her home',
      '{who} pursued a sexual relationship with a vulnerable witness met on duty',
    ],
    descriptions: ['Used their position to pursue a sexual relationship with a vulnerable person met on duty'],
  },
  {
    code: 'abuse_of_position.emotional',
    weight: 2,
    gravity: 'high',
    criteria: ['serious_corruption'],
    standards: ['discreditable_conduct', 'authority_respect_courtesy'],
    sources: { internal_report: 3, public_complaint: 2 },
    summaries: ['{who} sent personal messages to a victim of crime after her case concluded'],
    descriptions: ['Pursued an improper emotional relationship with a person met through their duties'],
  },
  {
    code: 'abuse_of_position.financial',
    weight: 2,
    gravity: 'high',
    criteria: ['serious_corruption'],
    standards: ['honesty_integrity', 'discreditable_conduct'],
    sources: { internal_report: 3, anonymous_report: 2, criminal_investigation: 1 },
    summaries: [
      '{who} is alleged to have taken cash from a house in {area} while attending a sudden death',
      '{who} used a warrant card to obtain discounts from businesses in {area}',
    ],
    descriptions: ['Used their position as a police officer for personal financial gain'],
  },
  {
    code: 'behaviours.impolite_language',
    weight: 3,
    gravity: 'low',
    criteria: null,
    standards: ['authority_respect_courtesy'],
    sources: { public_complaint: 7, internal_report: 2 },
    summaries: [
      '{who} swore at a member of the public at the {area} front counter',
      '{who} was rude and dismissive to a driver at a roadside stop',
    ],
    descriptions: ['Spoke to the complainant in a rude, aggressive and unprofessional manner'],
  },
  {
    code: 'behaviours.unprofessional',
    weight: 4,
    gravity: 'low',
    criteria: null,
    standards: ['authority_respect_courtesy', 'discreditable_conduct'],
    sources: { internal_report: 5, public_complaint: 2, anonymous_report: 1 },
    summaries: [
      '{who} made belittling comments about a colleague in the {area} parade room',
      '{who} posted disparaging comments about the force on social media',
    ],
    descriptions: ['Behaved towards colleagues in a way that did not show respect and courtesy'],
  },
  {
    code: 'behaviours.harassing',
    weight: 3,
    gravity: 'mid',
    criteria: null,
    standards: ['authority_respect_courtesy', 'equality_diversity'],
    sources: INTERNAL,
    summaries: [
      '{who} is alleged to have bullied a student officer during tutorship',
      '{who} kept contacting a complainant after being asked to stop',
    ],
    descriptions: ['Engaged in a pattern of overbearing and intimidating behaviour'],
  },
  {
    code: 'discrimination.race',
    weight: 4,
    gravity: 'high',
    criteria: ['discrimination'],
    standards: ['equality_diversity', 'authority_respect_courtesy', 'discreditable_conduct'],
    sources: { internal_report: 4, public_complaint: 3, anonymous_report: 1 },
    summaries: [
      '{who} made a racist remark to a detained person at the {area} custody suite',
      '{who} used a racial slur about a colleague in a team office',
    ],
    descriptions: ['Made racially discriminatory remarks, contrary to the standard of equality and diversity'],
  },
  {
    code: 'discrimination.sex',
    weight: 2,
    gravity: 'high',
    criteria: ['discrimination'],
    standards: ['equality_diversity', 'authority_respect_courtesy'],
    sources: INTERNAL,
    summaries: [
      '{who} made misogynistic remarks to a female student officer',
      '{who} repeatedly left female colleagues out of operational deployments',
    ],
    descriptions: ['Treated colleagues less favourably because of their sex'],
  },
  {
    code: 'discrimination.sexual_orientation',
    weight: 1,
    gravity: 'high',
    criteria: ['discrimination'],
    standards: ['equality_diversity', 'authority_respect_courtesy'],
    sources: INTERNAL,
    summaries: ['{who} made homophobic comments about a colleague at a team briefing'],
    descriptions: ['Made discriminatory remarks about a colleague’s sexual orientation'],
  },
  {
    code: 'discrimination.disability',
    weight: 1,
    gravity: 'high',
    criteria: ['discrimination'],
    standards: ['equality_diversity', 'authority_respect_courtesy'],
    sources: PUBLIC,
    summaries: ['{who} mocked a disabled caller during a call for service'],
    descriptions: ['Made derogatory remarks about a member of the public’s disability'],
  },
  {
    code: 'sexual_conduct.harassment',
    weight: 4,
    gravity: 'high',
    criteria: ['gravity'],
    standards: ['discreditable_conduct', 'authority_respect_courtesy'],
    sources: { internal_report: 5, anonymous_report: 2 },
    summaries: [
      '{who} is alleged to have made unwanted sexual comments to a colleague at a team social event',
      '{who} sent sexually explicit messages to a student officer',
    ],
    descriptions: ['Engaged in unwanted conduct of a sexual nature towards a colleague'],
  },
  {
    code: 'sexual_conduct.assault',
    weight: 1,
    gravity: 'high',
    criteria: ['serious_sexual_offence'],
    standards: ['discreditable_conduct'],
    sources: { criminal_investigation: 3, internal_report: 1 },
    summaries: ['{who} was arrested on suspicion of sexual assault after an off-duty incident in {area}'],
    descriptions: ['Alleged sexual assault, subject to a parallel criminal investigation'],
  },
  {
    code: 'sexual_conduct.other',
    weight: 1,
    gravity: 'high',
    criteria: null,
    standards: ['discreditable_conduct', 'duties_responsibilities'],
    sources: INTERNAL,
    summaries: ['{who} is alleged to have engaged in sexual activity while on duty'],
    descriptions: ['Engaged in sexual activity while on duty'],
  },
  {
    code: 'discreditable.domestic_abuse',
    weight: 4,
    gravity: 'high',
    criteria: ['gravity'],
    standards: ['discreditable_conduct'],
    sources: CRIMINAL,
    summaries: [
      '{who} was arrested after a domestic incident at their home address',
      '{who} is alleged to have subjected a former partner to controlling and coercive behaviour',
    ],
    descriptions: ['Alleged domestic abuse towards a partner, investigated by a neighbouring force'],
  },
  {
    code: 'discreditable.vawg',
    weight: 3,
    gravity: 'high',
    criteria: ['gravity'],
    standards: ['discreditable_conduct', 'confidentiality'],
    sources: { public_complaint: 3, internal_report: 2, criminal_investigation: 1 },
    summaries: [
      '{who} messaged a woman whose details they took at a road traffic collision in {area}',
      '{who} is alleged to have shared intimate images of a former partner',
    ],
    descriptions: ['Conduct towards a woman that discredits the police service and undermines public confidence'],
  },
  {
    code: 'discreditable.other',
    weight: 8,
    gravity: 'mid',
    criteria: null,
    standards: ['discreditable_conduct', 'fitness_for_work'],
    sources: { criminal_investigation: 4, internal_report: 3, public_complaint: 1, vetting: 1 },
    summaries: [
      '{who} was arrested for drink-driving while off duty in {area}',
      '{who} was abusive to door staff at a bar in {area} while off duty',
      '{who} failed a with-cause drugs test',
      '{who} was convicted of a public order offence after an off-duty argument',
    ],
    descriptions: [
      'Off-duty conduct that brings discredit on the police service',
      'Behaved in a way that discredits the police service and undermines public confidence',
    ],
  },
  {
    code: 'discreditable.other',
    weight: 4,
    gravity: 'high',
    criteria: null,
    standards: ['honesty_integrity', 'discreditable_conduct'],
    sources: { internal_report: 3, vetting: 2, data_check: 1, anonymous_report: 1 },
    summaries: [
      '{who} claimed overtime for hours not worked over several months',
      '{who} reported sick while working a second job',
      '{who} did not declare a close association with a known offender at vetting',
    ],
    descriptions: ['Acted dishonestly, contrary to the standard of honesty and integrity'],
  },
  {
    code: 'vehicles',
    weight: 3,
    gravity: 'low',
    criteria: null,
    standards: ['duties_responsibilities', 'orders_instructions'],
    sources: { internal_report: 3, public_complaint: 2, other: 1 },
    summaries: [
      '{who} drove a marked car at high speed through {area} with no emergency',
      '{who} damaged a police vehicle and did not report the collision',
    ],
    descriptions: ['Drove a police vehicle contrary to the force driving policy'],
  },
  {
    code: 'property',
    weight: 1,
    gravity: 'low',
    criteria: null,
    standards: ['duties_responsibilities'],
    sources: PUBLIC,
    summaries: ['{who} lost a detained person’s property at the {area} custody suite'],
    descriptions: ['Did not record and keep safe property belonging to a member of the public'],
  },
  {
    code: 'other',
    weight: 1,
    gravity: 'low',
    criteria: null,
    standards: ['orders_instructions'],
    sources: { internal_report: 2, other: 2 },
    summaries: ['{who} did not comply with a lawful order to attend mandatory training'],
    descriptions: ['Failed to comply with a lawful order'],
  },
];

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
