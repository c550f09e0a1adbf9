import { Faker, base, en, en_GB } from '@faker-js/faker';
import type { Deps } from '../../app/deps.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { caseSources, caseTypes } from '../../db/schema/index.ts';
import type { Principal } from '../access/principal.ts';
import { findUserByEmail } from '../auth/accounts.repository.ts';
import { principalOf } from '../auth/sessions.ts';
import { areaNames } from '../organisation/demo-reference-data.ts';
import { actionAbility, type AllegationActionInput } from './allegation-action-input.ts';
import { allocateCase } from './allocate-case.ts';
import { allegationsOf, subjectsOf } from './cases.repository.ts';
import { demoSubjectCandidates, type DemoSubjectCandidate } from './demo-cases.repository.ts';
import { openCase } from './open-case.ts';
import { progressAllegation } from './progress-allegation.ts';
import { recordSubjectLeft } from './record-subject-left.ts';
import { allowedActions, initialAllegationState, transition } from './rules/allegation-workflow.ts';
import {
  ALLEGATION_STATUSES,
  SANCTIONS,
  type AllegationAction,
  type AllegationContext,
  type AllegationState,
  type AllegationStatus,
  type Sanction,
  type Severity,
} from './rules/allegation-types.ts';
import { regimeFeatures, regimeFor } from './rules/regime.ts';
import type { StandardCode } from './taxonomy.ts';

/**
 * Demo conduct cases for the demo force: a plausible spread of sources, categories, subjects and outcomes
 * (uk-domain.md §6.1: most allegations end with no case to answer or no further action, a minority reach
 * meetings or hearings, dismissals are few and mostly for sexual, discriminatory or dishonest conduct).
 *
 * Everything goes through the real use cases (openCase, allocateCase, progressAllegation,
 * recordSubjectLeft) as the force's appropriate authority — and, on allocated cases, investigation steps
 * as the lead investigator — so every row is valid and audited. Each allegation's track is planned first
 * in memory with the workflow itself (`allowedActions` then `transition`), choosing among the allowed
 * actions with realistic weights and dating each step after the one before; a handful of allegations are
 * steered towards a given state so that every state appears. A refusal when the plan is replayed is a bug
 * here and is thrown. One seeded Faker makes every choice: the same seed and day give the same cases.
 */

export type DemoCasesOptions = { forceId: string; cases: number; seed: number; today: IsoDate };
export type DemoCasesSummary = { cases: number; allegations: number; byState: Record<string, number> };

type Source = (typeof caseSources)[number];
type CaseType = (typeof caseTypes)[number];
type Gravity = 'low' | 'mid' | 'high';
type Rng = ReturnType<typeof makeRng>;

// ---------------------------------------------------------------------------------------------------
// Dates as whole days since 1970-01-01, so arithmetic never meets time zones.

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

function makeRng(seed: number) {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const rnd = (): number => faker.number.float();
  const weighted = <T>(items: readonly T[], weightOf: (item: T) => number): T => {
    let r = rnd() * items.reduce((sum, item) => sum + weightOf(item), 0);
    for (const item of items) if ((r -= weightOf(item)) < 0) return item;
    const last = items[items.length - 1];
    if (last === undefined) throw new Error('weighted choice from an empty list');
    return last;
  };
  return {
    rnd,
    weighted,
    chance: (p: number): boolean => rnd() < p,
    int: (min: number, max: number): number => faker.number.int({ min, max }),
    pick: <T>(items: readonly T[]): T => faker.helpers.arrayElement(items),
    between: ([min, max]: readonly [number, number]): number => faker.number.int({ min, max }),
  };
}

// ---------------------------------------------------------------------------------------------------
// What the cases are about. Fictional sentences; `{who}` is the subject(s), `{area}` a Westshire area.

type Theme = {
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

type GroupTheme = Omit<Theme, 'weight' | 'summaries'> & { summary: string; size: readonly [number, number]; staffShare: number };

const PUBLIC = { public_complaint: 6, internal_report: 3, other: 1 };
const INTERNAL = { internal_report: 5, anonymous_report: 2, public_complaint: 1 };
const CRIMINAL = { criminal_investigation: 5, internal_report: 2, public_complaint: 1 };

const THEMES: Theme[] = [
  {
    code: 'duties.action_after_contact', weight: 5, gravity: 'low', criteria: null, standards: ['duties_responsibilities'], sources: PUBLIC,
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
    code: 'duties.decisions', weight: 2, gravity: 'low', criteria: null, standards: ['duties_responsibilities'], sources: PUBLIC,
    summaries: [
      '{who} released a domestic abuse suspect without considering bail conditions',
      '{who} took no further action on a harassment report without reviewing the evidence',
    ],
    descriptions: ['Made a decision on the investigation without considering the risk assessment recorded on the file'],
  },
  {
    code: 'duties.service_level', weight: 3, gravity: 'low', criteria: null, standards: ['duties_responsibilities', 'orders_instructions'], sources: PUBLIC,
    summaries: [
      '{who} left a missing person enquiry in {area} unprogressed over a weekend',
      '{who} dealt dismissively with an elderly victim of a doorstep fraud',
    ],
    descriptions: ['Did not carry out the actions allocated on the incident log for more than 48 hours'],
  },
  {
    code: 'powers.use_of_force', weight: 5, gravity: 'mid', criteria: ['serious_assault'], standards: ['use_of_force', 'duties_responsibilities'],
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
    code: 'powers.stop_search', weight: 2, gravity: 'low', criteria: null, standards: ['orders_instructions', 'equality_diversity'], sources: PUBLIC,
    summaries: [
      '{who} stopped and searched a young man in {area} without recording any grounds',
      '{who} searched a car in {area} without grounds and without body-worn video',
    ],
    descriptions: ['Carried out a search without reasonable grounds and did not complete a search record'],
  },
  {
    code: 'powers.arrest', weight: 2, gravity: 'mid', criteria: null, standards: ['orders_instructions', 'duties_responsibilities'], sources: PUBLIC,
    summaries: ['{who} arrested a protester in {area} without a lawful power of arrest'],
    descriptions: ['Arrested the complainant when the necessity test in PACE Code G was not met'],
  },
  {
    code: 'powers.custody', weight: 2, gravity: 'mid', criteria: ['death_or_serious_injury'], standards: ['duties_responsibilities', 'honesty_integrity'],
    sources: { internal_report: 4, public_complaint: 2 },
    summaries: ['{who} did not carry out rousing checks on an intoxicated detainee at the {area} custody suite'],
    descriptions: ['Did not carry out the cell visits and rousing checks set in the care plan and recorded checks that were not made'],
  },
  {
    code: 'powers.evidence', weight: 2, gravity: 'high', criteria: ['relevant_offence'], standards: ['honesty_integrity', 'duties_responsibilities'],
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
    code: 'information.systems', weight: 7, gravity: 'mid', criteria: null, standards: ['confidentiality', 'orders_instructions'],
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
    code: 'information.disclosure', weight: 3, gravity: 'mid', criteria: null, standards: ['confidentiality', 'discreditable_conduct'], sources: INTERNAL,
    summaries: [
      '{who} told a friend about a planned drugs warrant in {area}',
      '{who} posted photographs from a crime scene in a private messaging group',
    ],
    descriptions: ['Disclosed police information to a person not entitled to receive it'],
  },
  {
    code: 'abuse_of_position.sexual', weight: 4, gravity: 'high', criteria: ['serious_corruption'], standards: ['discreditable_conduct', 'authority_respect_courtesy', 'honesty_integrity'],
    sources: { internal_report: 3, public_complaint: 2, anonymous_report: 2, vetting: 1 },
    summaries: [
      '{who} contacted a domestic abuse victim on social media after attending her home',
      '{who} pursued a sexual relationship with a vulnerable witness met on duty',
    ],
    descriptions: ['Used their position to pursue a sexual relationship with a vulnerable person met on duty'],
  },
  {
    code: 'abuse_of_position.emotional', weight: 2, gravity: 'high', criteria: ['serious_corruption'], standards: ['discreditable_conduct', 'authority_respect_courtesy'],
    sources: { internal_report: 3, public_complaint: 2 },
    summaries: ['{who} sent personal messages to a victim of crime after her case concluded'],
    descriptions: ['Pursued an improper emotional relationship with a person met through their duties'],
  },
  {
    code: 'abuse_of_position.financial', weight: 2, gravity: 'high', criteria: ['serious_corruption'], standards: ['honesty_integrity', 'discreditable_conduct'],
    sources: { internal_report: 3, anonymous_report: 2, criminal_investigation: 1 },
    summaries: [
      '{who} is alleged to have taken cash from a house in {area} while attending a sudden death',
      '{who} used a warrant card to obtain discounts from businesses in {area}',
    ],
    descriptions: ['Used their position as a police officer for personal financial gain'],
  },
  {
    code: 'behaviours.impolite_language', weight: 3, gravity: 'low', criteria: null, standards: ['authority_respect_courtesy'],
    sources: { public_complaint: 7, internal_report: 2 },
    summaries: ['{who} swore at a member of the public at the {area} front counter', '{who} was rude and dismissive to a driver at a roadside stop'],
    descriptions: ['Spoke to the complainant in a rude, aggressive and unprofessional manner'],
  },
  {
    code: 'behaviours.unprofessional', weight: 4, gravity: 'low', criteria: null, standards: ['authority_respect_courtesy', 'discreditable_conduct'],
    sources: { internal_report: 5, public_complaint: 2, anonymous_report: 1 },
    summaries: ['{who} made belittling comments about a colleague in the {area} parade room', '{who} posted disparaging comments about the force on social media'],
    descriptions: ['Behaved towards colleagues in a way that did not show respect and courtesy'],
  },
  {
    code: 'behaviours.harassing', weight: 3, gravity: 'mid', criteria: null, standards: ['authority_respect_courtesy', 'equality_diversity'], sources: INTERNAL,
    summaries: ['{who} is alleged to have bullied a student officer during tutorship', '{who} kept contacting a complainant after being asked to stop'],
    descriptions: ['Engaged in a pattern of overbearing and intimidating behaviour'],
  },
  {
    code: 'discrimination.race', weight: 4, gravity: 'high', criteria: ['discrimination'], standards: ['equality_diversity', 'authority_respect_courtesy', 'discreditable_conduct'],
    sources: { internal_report: 4, public_complaint: 3, anonymous_report: 1 },
    summaries: ['{who} made a racist remark to a detained person at the {area} custody suite', '{who} used a racial slur about a colleague in a team office'],
    descriptions: ['Made racially discriminatory remarks, contrary to the standard of equality and diversity'],
  },
  {
    code: 'discrimination.sex', weight: 2, gravity: 'high', criteria: ['discrimination'], standards: ['equality_diversity', 'authority_respect_courtesy'], sources: INTERNAL,
    summaries: ['{who} made misogynistic remarks to a female student officer', '{who} repeatedly left female colleagues out of operational deployments'],
    descriptions: ['Treated colleagues less favourably because of their sex'],
  },
  {
    code: 'discrimination.sexual_orientation', weight: 1, gravity: 'high', criteria: ['discrimination'], standards: ['equality_diversity', 'authority_respect_courtesy'], sources: INTERNAL,
    summaries: ['{who} made homophobic comments about a colleague at a team briefing'],
    descriptions: ['Made discriminatory remarks about a colleague’s sexual orientation'],
  },
  {
    code: 'discrimination.disability', weight: 1, gravity: 'high', criteria: ['discrimination'], standards: ['equality_diversity', 'authority_respect_courtesy'], sources: PUBLIC,
    summaries: ['{who} mocked a disabled caller during a call for service'],
    descriptions: ['Made derogatory remarks about a member of the public’s disability'],
  },
  {
    code: 'sexual_conduct.harassment', weight: 4, gravity: 'high', criteria: ['gravity'], standards: ['discreditable_conduct', 'authority_respect_courtesy'],
    sources: { internal_report: 5, anonymous_report: 2 },
    summaries: ['{who} is alleged to have made unwanted sexual comments to a colleague at a team social event', '{who} sent sexually explicit messages to a student officer'],
    descriptions: ['Engaged in unwanted conduct of a sexual nature towards a colleague'],
  },
  {
    code: 'sexual_conduct.assault', weight: 1, gravity: 'high', criteria: ['serious_sexual_offence'], standards: ['discreditable_conduct'],
    sources: { criminal_investigation: 3, internal_report: 1 },
    summaries: ['{who} was arrested on suspicion of sexual assault after an off-duty incident in {area}'],
    descriptions: ['Alleged sexual assault, subject to a parallel criminal investigation'],
  },
  {
    code: 'sexual_conduct.other', weight: 1, gravity: 'high', criteria: null, standards: ['discreditable_conduct', 'duties_responsibilities'], sources: INTERNAL,
    summaries: ['{who} is alleged to have engaged in sexual activity while on duty'],
    descriptions: ['Engaged in sexual activity while on duty'],
  },
  {
    code: 'discreditable.domestic_abuse', weight: 4, gravity: 'high', criteria: ['gravity'], standards: ['discreditable_conduct'], sources: CRIMINAL,
    summaries: ['{who} was arrested after a domestic incident at their home address', '{who} is alleged to have subjected a former partner to controlling and coercive behaviour'],
    descriptions: ['Alleged domestic abuse towards a partner, investigated by a neighbouring force'],
  },
  {
    code: 'discreditable.vawg', weight: 3, gravity: 'high', criteria: ['gravity'], standards: ['discreditable_conduct', 'confidentiality'],
    sources: { public_complaint: 3, internal_report: 2, criminal_investigation: 1 },
    summaries: ['{who} messaged a woman whose details they took at a road traffic collision in {area}', '{who} is alleged to have shared intimate images of a former partner'],
    descriptions: ['Conduct towards a woman that discredits the police service and undermines public confidence'],
  },
  {
    code: 'discreditable.other', weight: 8, gravity: 'mid', criteria: null, standards: ['discreditable_conduct', 'fitness_for_work'],
    sources: { criminal_investigation: 4, internal_report: 3, public_complaint: 1, vetting: 1 },
    summaries: [
      '{who} was arrested for drink-driving while off duty in {area}',
      '{who} was abusive to door staff at a bar in {area} while off duty',
      '{who} failed a with-cause drugs test',
      '{who} was convicted of a public order offence after an off-duty argument',
    ],
    descriptions: ['Off-duty conduct that brings discredit on the police service', 'Behaved in a way that discredits the police service and undermines public confidence'],
  },
  {
    code: 'discreditable.other', weight: 4, gravity: 'high', criteria: null, standards: ['honesty_integrity', 'discreditable_conduct'],
    sources: { internal_report: 3, vetting: 2, data_check: 1, anonymous_report: 1 },
    summaries: [
      '{who} claimed overtime for hours not worked over several months',
      '{who} reported sick while working a second job',
      '{who} did not declare a close association with a known offender at vetting',
    ],
    descriptions: ['Acted dishonestly, contrary to the standard of honesty and integrity'],
  },
  {
    code: 'vehicles', weight: 3, gravity: 'low', criteria: null, standards: ['duties_responsibilities', 'orders_instructions'],
    sources: { internal_report: 3, public_complaint: 2, other: 1 },
    summaries: ['{who} drove a marked car at high speed through {area} with no emergency', '{who} damaged a police vehicle and did not report the collision'],
    descriptions: ['Drove a police vehicle contrary to the force driving policy'],
  },
  {
    code: 'property', weight: 1, gravity: 'low', criteria: null, standards: ['duties_responsibilities'], sources: PUBLIC,
    summaries: ['{who} lost a detained person’s property at the {area} custody suite'],
    descriptions: ['Did not record and keep safe property belonging to a member of the public'],
  },
  {
    code: 'other', weight: 1, gravity: 'low', criteria: null, standards: ['orders_instructions'], sources: { internal_report: 2, other: 2 },
    summaries: ['{who} did not comply with a lawful order to attend mandatory training'],
    descriptions: ['Failed to comply with a lawful order'],
  },
];

/** Many subjects in one case. The first is always included: the group-chat case of uk-domain.md §0. */
const GROUP_THEMES: GroupTheme[] = [
  {
    code: 'discrimination.race', gravity: 'high', criteria: ['discrimination'], standards: ['equality_diversity', 'discreditable_conduct', 'challenging_reporting'],
    sources: { internal_report: 1 }, size: [10, 10], staffShare: 0.3,
    summary: '{who} shared racist and misogynistic messages in a work group chat',
    descriptions: ['Posted or shared discriminatory messages in a work group chat and did not challenge or report them'],
  },
  {
    code: 'sexual_conduct.harassment', gravity: 'high', criteria: ['gravity'], standards: ['discreditable_conduct', 'equality_diversity', 'challenging_reporting'],
    sources: { internal_report: 2, anonymous_report: 1 }, size: [4, 6], staffShare: 0.05,
    summary: '{who} on a response team in {area} are alleged to have subjected female colleagues to sexual comments',
    descriptions: ['Took part in or did not challenge sexual comments and exclusion directed at female colleagues'],
  },
  {
    code: 'powers.custody', gravity: 'mid', criteria: ['death_or_serious_injury'], standards: ['duties_responsibilities', 'honesty_integrity'],
    sources: { internal_report: 1 }, size: [4, 6], staffShare: 0.5,
    summary: '{who} did not check on a detainee at the {area} custody suite who was later taken to hospital',
    descriptions: ['Did not carry out or record the checks the detainee’s care plan required'],
  },
  {
    code: 'information.systems', gravity: 'mid', criteria: null, standards: ['confidentiality', 'orders_instructions'],
    sources: { data_check: 1 }, size: [4, 8], staffShare: 0.25,
    summary: '{who} viewed the records of a high-profile murder investigation with no policing purpose',
    descriptions: ['Viewed records of a major investigation with no policing purpose'],
  },
  {
    code: 'duties.service_level', gravity: 'high', criteria: null, standards: ['honesty_integrity', 'duties_responsibilities'],
    sources: { internal_report: 1 }, size: [4, 5], staffShare: 0,
    summary: '{who} recorded hourly checks on a prisoner under hospital guard that were not made',
    descriptions: ['Made false entries in the hospital guard log'],
  },
];

// ---------------------------------------------------------------------------------------------------
// The words of each action's details.

const RATIONALE: Record<Severity, string[]> = {
  none: [
    'The account and the available footage show no breach of the standards of professional behaviour',
    'On the evidence available the conduct, even if proven, would not amount to misconduct',
  ],
  pri: [
    'The conduct fell short of expected practice but would not justify disciplinary proceedings; suitable for reflective practice',
    'A learning matter for the officer and supervisor rather than misconduct',
  ],
  misconduct: [
    'If proven, the conduct would breach the standards of professional behaviour and justify at least a written warning',
    'A breach of the standards that would, if proven, justify disciplinary action',
  ],
  gross_misconduct: [
    'If proven, the conduct would be so serious that dismissal would be justified',
    'The seriousness of the alleged conduct and its effect on public confidence would, if proven, justify dismissal',
  ],
  vetting_referral: ['The concerns go to the person’s suitability to hold vetting clearance; referred to the vetting process'],
};
const REFERRAL_YES = ['Meets the mandatory referral criteria: referred to the IOPC', 'Referred to the IOPC given the nature of the allegation'];
const REFERRAL_NO = ['Does not meet the mandatory referral criteria and nothing calls for a voluntary referral'];
const PLANS = [
  'Obtain body-worn video and call recordings, take witness statements and interview the subject under misconduct caution',
  'Secure the system audit logs and duty records, then interview the subject under misconduct caution',
  'Agree disclosure with the criminal investigation team, then interview the subject under misconduct caution',
];
const REPORTS = [
  'Investigation complete: witness statements taken, footage reviewed and the subject interviewed under misconduct caution',
  'Report submitted with the audit trail of system access and the subject’s prepared statement',
  'Investigation report submitted; the subject answered no comment in interview and gave a written account',
];
const CTA_RATIONALE: Record<'no_case' | 'misconduct' | 'gross_misconduct', string[]> = {
  no_case: ['A panel properly directed could not reasonably find the conduct proven on the evidence gathered', 'The evidence does not support the allegation'],
  misconduct: ['There is sufficient evidence on which a panel could find misconduct proven'],
  gross_misconduct: ['There is sufficient evidence on which a panel could find gross misconduct proven'],
};
const RPRP_REPORTS = [
  'Reflective review held with the line manager; learning identified and a development action agreed',
  'The officer reflected on the incident with their supervisor and the learning was recorded',
];
const WITHDRAW_RATIONALE = [
  'A key witness withdrew support and the remaining evidence no longer supports the proceedings',
  'New evidence after referral shows the allegation cannot be proven',
];
const EXCEPTIONAL = [
  'Long unblemished service, early admission and strong personal mitigation accepted as exceptional',
  'The panel found exceptional circumstances in the officer’s health at the time of the conduct',
];
const GROUNDS = [
  'The sanction imposed was unreasonable given the officer’s record',
  'New evidence has come to light that could have affected the finding',
  'A breach of procedure could have materially affected the finding',
];

// ---------------------------------------------------------------------------------------------------
// Choosing each allegation's next action.

type Profile = { gravity: Gravity; criteria: string[] | null; inPublic: boolean };
type Flags = { fww: boolean; multi: boolean };
type Candidate = { action: AllegationAction; weight: number };

const SEVERITY_WEIGHTS: Record<Gravity, Record<Severity, number>> = {
  low: { none: 40, pri: 35, misconduct: 20, gross_misconduct: 5, vetting_referral: 1 },
  mid: { none: 28, pri: 28, misconduct: 29, gross_misconduct: 15, vetting_referral: 2 },
  high: { none: 12, pri: 12, misconduct: 36, gross_misconduct: 40, vetting_referral: 3 },
};

/** Chance the track simply waits in a state (decision pending, investigation dragging on). */
const WAIT: Partial<Record<AllegationStatus, number>> = {
  received: 0.01,
  assessed_no_case: 0.1,
  assessed_pri: 0.08,
  assessed_misconduct: 0.05,
  assessed_gross_misconduct: 0.05,
  referred_to_vetting: 0.35,
  referred_to_iopc: 0.06,
  under_investigation: 0.08,
  report_submitted: 0.05,
  no_case_to_answer: 0.08,
  case_to_answer_misconduct: 0.05,
  case_to_answer_gross_misconduct: 0.05,
  rprp: 0.1,
  meeting_scheduled: 0.05,
  hearing_scheduled: 0.05,
  accelerated_hearing_scheduled: 0.05,
  finding_recorded: 0.08,
  appeal_pending: 0.08,
  withdrawn: 0.15,
};

const formerDefaultsToAccelerated = (ctx: AllegationContext): boolean =>
  ctx.subject === 'former' && regimeFeatures(ctx.regime).formerOfficersDefaultToAccelerated;

/** Every action worth considering from this state, with its weight; the workflow then filters them. */
function candidates(s: AllegationState, ctx: AllegationContext, p: Profile): Candidate[] {
  const out: Candidate[] = [];
  const add = (weight: number, action: AllegationAction) => {
    if (weight > 0) out.push({ action, weight });
  };
  const close = { type: 'close', route: 'no_further_action' } as const;
  const certified = !formerDefaultsToAccelerated(ctx);
  const withdraw = (w: number) => {
    add(w * 0.6, { type: 'withdraw', route: 'no_further_action' });
    add(w * 0.4, { type: 'withdraw', route: 'rprp' });
  };
  switch (s.status) {
    case 'received': {
      const checkFirst = p.criteria !== null && !s.referral;
      if (checkFirst) {
        add(35, { type: 'record_referral_check', referable: true });
        add(20, { type: 'record_referral_check', referable: false });
      }
      for (const [severity, w] of Object.entries(SEVERITY_WEIGHTS[p.gravity]) as [Severity, number][]) {
        add(((checkFirst ? 45 : 100) * w) / 100, { type: 'assess_severity', severity });
      }
      break;
    }
    case 'referred_to_iopc':
      add(30, { type: 'record_iopc_mode', mode: 'local' });
      add(15, { type: 'record_iopc_mode', mode: 'directed' });
      add(20, { type: 'record_iopc_mode', mode: 'independent' });
      add(35, { type: 'record_iopc_mode', mode: 'returned' });
      break;
    case 'assessed_no_case':
    case 'referred_to_vetting':
    case 'withdrawn':
      add(1, close);
      break;
    case 'assessed_pri':
      add(1, { type: 'refer_to_rprp' });
      break;
    case 'rprp':
      add(1, { type: 'complete_rprp' });
      break;
    case 'assessed_misconduct':
      add(1, { type: 'start_investigation' });
      break;
    case 'assessed_gross_misconduct':
      add(90, { type: 'start_investigation' });
      add(10, { type: 'schedule_accelerated_hearing', specialConditionsCertified: certified });
      break;
    case 'under_investigation':
      if (!s.severity) {
        add(p.gravity === 'high' ? 50 : 70, { type: 'assess_severity', severity: 'misconduct' });
        add(p.gravity === 'high' ? 50 : 30, { type: 'assess_severity', severity: 'gross_misconduct' });
      } else if (!s.reg17NoticeServed) {
        add(1, { type: 'serve_reg17_notice' });
      } else {
        add(90, { type: 'submit_report' });
        add(5, { type: 'assess_severity', severity: s.severity === 'misconduct' ? 'gross_misconduct' : 'misconduct' });
        add(5, { type: 'schedule_accelerated_hearing', specialConditionsCertified: certified });
      }
      break;
    case 'report_submitted': {
      const gross = s.severity === 'gross_misconduct';
      add(gross ? 38 : 42, { type: 'decide_case_to_answer', outcome: 'no_case' });
      add(gross ? 17 : 55, { type: 'decide_case_to_answer', outcome: 'misconduct' });
      add(gross ? 45 : 3, { type: 'decide_case_to_answer', outcome: 'gross_misconduct' });
      break;
    }
    case 'no_case_to_answer':
      add(55, close);
      add(40, { type: 'refer_to_rprp' });
      add(5, { type: 'close', route: 'performance_regulations' });
      break;
    case 'case_to_answer_misconduct':
      add(75, { type: 'schedule_meeting' });
      add(75, { type: 'schedule_hearing' });
      add(18, { type: 'refer_to_rprp' });
      add(3, { type: 'close', route: 'performance_regulations' });
      add(4, close);
      break;
    case 'case_to_answer_gross_misconduct':
      if (formerDefaultsToAccelerated(ctx)) {
        add(25, { type: 'schedule_hearing', fullHearingReason: 'officer_opted_for_full_hearing' });
        add(75, { type: 'schedule_accelerated_hearing', specialConditionsCertified: false });
      } else {
        add(70, { type: 'schedule_hearing' });
        add(22, { type: 'schedule_accelerated_hearing', specialConditionsCertified: true });
        add(3, { type: 'refer_to_rprp' });
        add(2, { type: 'close', route: 'performance_regulations' });
        add(2, close);
      }
      break;
    case 'meeting_scheduled':
      add(72, { type: 'record_finding', finding: 'misconduct' });
      add(23, { type: 'record_finding', finding: 'not_proven' });
      withdraw(5);
      break;
    case 'hearing_scheduled':
      if (s.caseToAnswer === 'gross_misconduct') {
        add(72, { type: 'record_finding', finding: 'gross_misconduct' });
        add(10, { type: 'record_finding', finding: 'misconduct' });
        add(13, { type: 'record_finding', finding: 'not_proven' });
      } else {
        add(70, { type: 'record_finding', finding: 'misconduct' });
        add(25, { type: 'record_finding', finding: 'not_proven' });
      }
      withdraw(5);
      break;
    case 'accelerated_hearing_scheduled':
      add(90, { type: 'record_finding', finding: 'gross_misconduct' });
      add(8, { type: 'record_finding', finding: 'not_proven' });
      withdraw(2);
      break;
    case 'finding_recorded':
      if (!s.sanction && s.finding && s.finding !== 'not_proven' && s.finding !== 'would_have_been_dismissed') {
        const weights: Record<Sanction, number> =
          s.finding === 'gross_misconduct'
            ? { written_warning: 0, final_written_warning: 12, reduction_in_rank: 8, dismissal_without_notice: 80 }
            : s.form === 'meeting'
              ? { written_warning: 55, final_written_warning: 45, reduction_in_rank: 0, dismissal_without_notice: 0 }
              : { written_warning: 35, final_written_warning: 45, reduction_in_rank: 8, dismissal_without_notice: 12 };
        for (const sanction of SANCTIONS) {
          const exceptional = s.finding === 'gross_misconduct' && sanction !== 'dismissal_without_notice';
          add(weights[sanction], exceptional ? { type: 'record_sanction', sanction, exceptionalCircumstances: EXCEPTIONAL[0] } : { type: 'record_sanction', sanction });
        }
      }
      if (!s.appeal) add(s.form === 'meeting' ? 10 : 15, { type: 'lodge_appeal' });
      add(s.finding === 'not_proven' ? 70 : 85, close);
      add(30, { type: 'refer_to_rprp' });
      break;
    case 'appeal_pending': {
      add(70, { type: 'decide_appeal', outcome: 'dismissed' });
      add(12, { type: 'decide_appeal', outcome: 'finding_overturned' });
      const others = SANCTIONS.filter((x) => x !== s.sanction);
      for (const sanction of others) add(18 / others.length, { type: 'decide_appeal', outcome: 'sanction_varied', sanction });
      break;
    }
    case 'closed':
      break;
    default: {
      const unknownStatus: never = s.status;
      throw new Error(`unknown status ${String(unknownStatus)}`);
    }
  }
  return out;
}

/** The candidates the workflow accepts now, each with the state it leads to. */
function validCandidates(s: AllegationState, ctx: AllegationContext, p: Profile) {
  const allowed = allowedActions(s, ctx);
  const valid: (Candidate & { next: AllegationState })[] = [];
  for (const c of candidates(s, ctx, p)) {
    if (!allowed.includes(c.action.type)) continue;
    const r = transition(s, c.action, ctx);
    if (r.ok) valid.push({ ...c, next: r.next });
  }
  return valid;
}

type Goal = (s: AllegationState) => boolean;

/** Reachability answers, shared by every allegation with the same context, profile class and goal. */
type Memos = Map<string, Map<string, boolean>>;

function memoFor(memos: Memos, ctx: AllegationContext, p: Profile, goalName: string): Map<string, boolean> {
  const key = [ctx.regime, ctx.subject, ctx.finalWrittenWarningInForce, ctx.multipleUnconnectedIncidents, p.gravity, p.criteria !== null, goalName].join('|');
  const known = memos.get(key);
  if (known) return known;
  const memo = new Map<string, boolean>();
  memos.set(key, memo);
  return memo;
}

/** Whether some sequence of candidate actions leads from `s` to a state meeting `goal` within `depth` steps. */
function canReach(s: AllegationState, ctx: AllegationContext, p: Profile, goal: Goal, depth: number, memo: Map<string, boolean>): boolean {
  if (goal(s)) return true;
  if (depth <= 0) return false;
  const key = `${depth}:${JSON.stringify(s)}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, false);
  const found = validCandidates(s, ctx, p).some((c) => canReach(c.next, ctx, p, goal, depth - 1, memo));
  memo.set(key, found);
  return found;
}

/** The workflow's own action, from the details the use case takes (as progress-allegation.ts does). */
function workflowActionOf(a: AllegationActionInput): AllegationAction {
  switch (a.type) {
    case 'assess_severity':
      return { type: a.type, severity: a.severity };
    case 'record_referral_check':
      return { type: a.type, referable: a.referable };
    case 'record_iopc_mode':
      return { type: a.type, mode: a.mode };
    case 'decide_case_to_answer':
      return { type: a.type, outcome: a.outcome };
    case 'schedule_hearing':
      return a.fullHearingReason ? { type: a.type, fullHearingReason: a.fullHearingReason } : { type: a.type };
    case 'schedule_accelerated_hearing':
      return { type: a.type, specialConditionsCertified: a.specialConditionsCertified };
    case 'withdraw':
      return { type: a.type, route: a.route };
    case 'record_finding':
      return { type: a.type, finding: a.finding };
    case 'record_sanction':
      return a.exceptionalCircumstances ? { type: a.type, sanction: a.sanction, exceptionalCircumstances: a.exceptionalCircumstances } : { type: a.type, sanction: a.sanction };
    case 'decide_appeal':
      return a.sanction ? { type: a.type, outcome: a.outcome, sanction: a.sanction } : { type: a.type, outcome: a.outcome };
    case 'close':
      return a.route ? { type: a.type, route: a.route } : { type: a.type };
    case 'serve_reg17_notice':
    case 'start_investigation':
    case 'submit_report':
    case 'refer_to_rprp':
    case 'complete_rprp':
    case 'schedule_meeting':
    case 'lodge_appeal':
      return { type: a.type };
    default: {
      const unknownAction: never = a;
      throw new Error(`unknown action ${JSON.stringify(unknownAction)}`);
    }
  }
}

/** The use case's input for a chosen action: the words and flags it needs (dates are filled in once the plan is dated). */
function inputOf(a: AllegationAction, rng: Rng, p: Profile, ctx: AllegationContext, flags: Flags): AllegationActionInput {
  switch (a.type) {
    case 'assess_severity':
      return { type: a.type, severity: a.severity, rationale: rng.pick(RATIONALE[a.severity]), finalWrittenWarningInForce: flags.fww, multipleUnconnectedIncidents: flags.multi };
    case 'record_referral_check':
      return { type: a.type, referable: a.referable, criteria: a.referable ? (p.criteria ?? ['gravity']) : [], rationale: rng.pick(a.referable ? REFERRAL_YES : REFERRAL_NO) };
    case 'record_iopc_mode':
      return { type: a.type, mode: a.mode };
    case 'serve_reg17_notice':
      return { type: a.type };
    case 'start_investigation':
      return { type: a.type, plan: rng.pick(PLANS) };
    case 'submit_report':
      return { type: a.type, summary: rng.pick(REPORTS) };
    case 'decide_case_to_answer':
      return { type: a.type, outcome: a.outcome, rationale: rng.pick(CTA_RATIONALE[a.outcome]) };
    case 'refer_to_rprp':
      return { type: a.type };
    case 'complete_rprp':
      return { type: a.type, report: rng.pick(RPRP_REPORTS) };
    case 'schedule_meeting':
      return { type: a.type, date: '' };
    case 'schedule_hearing': {
      const chair = regimeFeatures(ctx.regime).chiefOfficerChairs ? 'An assistant chief constable (chair)' : 'A legally qualified chair';
      const panel = `${chair}, an independent panel member and a superintendent`;
      return { type: a.type, date: '', inPublic: p.inPublic, panel, ...(a.fullHearingReason ? { fullHearingReason: a.fullHearingReason } : {}) };
    }
    case 'schedule_accelerated_hearing':
      return { type: a.type, date: '', specialConditionsCertified: a.specialConditionsCertified };
    case 'withdraw':
      return { type: a.type, route: a.route, rationale: rng.pick(WITHDRAW_RATIONALE) };
    case 'record_finding':
      return { type: a.type, finding: a.finding };
    case 'record_sanction':
      return a.exceptionalCircumstances ? { type: a.type, sanction: a.sanction, exceptionalCircumstances: rng.pick(EXCEPTIONAL) } : { type: a.type, sanction: a.sanction };
    case 'lodge_appeal':
      return { type: a.type, grounds: rng.pick(GROUNDS) };
    case 'decide_appeal':
      return a.sanction ? { type: a.type, outcome: a.outcome, sanction: a.sanction } : { type: a.type, outcome: a.outcome };
    case 'close':
      return a.route ? { type: a.type, route: a.route } : { type: a.type };
    default: {
      const unknownAction: never = a;
      throw new Error(`unknown action ${JSON.stringify(unknownAction)}`);
    }
  }
}

/** Days between the previous step and this one. */
function gapFor(a: AllegationAction, s: AllegationState, p: Profile, rng: Rng, hearingGap: number): number {
  switch (a.type) {
    case 'assess_severity':
      return rng.between(s.status === 'under_investigation' ? [20, 90] : [3, 28]);
    case 'record_referral_check':
      return rng.between([1, 10]);
    case 'record_iopc_mode':
      return rng.between([7, 40]);
    case 'serve_reg17_notice':
      return rng.between([3, 21]);
    case 'start_investigation':
      return rng.between([1, 14]);
    case 'submit_report':
      return rng.between(p.gravity === 'low' ? [60, 180] : p.gravity === 'mid' ? [90, 300] : [150, 420]);
    case 'decide_case_to_answer':
      return rng.between([10, 40]);
    case 'refer_to_rprp':
      return rng.between([5, 21]);
    case 'complete_rprp':
      return rng.between([28, 90]);
    case 'schedule_meeting':
      return rng.between([14, 42]);
    case 'schedule_hearing':
      return rng.between([21, 56]);
    case 'schedule_accelerated_hearing':
      return rng.between([5, 20]);
    case 'withdraw':
      return rng.between([1, Math.max(1, hearingGap - 1)]);
    case 'record_finding':
      return hearingGap;
    case 'record_sanction':
      return 0;
    case 'lodge_appeal':
      return rng.between([5, 14]);
    case 'decide_appeal':
      return rng.between(s.form === 'meeting' ? [20, 45] : [60, 180]);
    case 'close':
      return rng.between([1, 21]);
    default: {
      const unknownAction: never = a;
      throw new Error(`unknown action ${JSON.stringify(unknownAction)}`);
    }
  }
}

/** How long after being arranged each form of proceedings sits. */
function hearingGapFor(a: AllegationAction, rng: Rng): number {
  if (a.type === 'schedule_meeting') return rng.between([21, 60]);
  if (a.type === 'schedule_hearing') return rng.between([45, 120]);
  return rng.between([10, 25]);
}

type ActStep = { kind: 'act'; day: number; input: AllegationActionInput; expect: AllegationStatus; hearingGap: number };
type LeftStep = { kind: 'left'; day: number; how: 'resigned' | 'retired' };
type Step = ActStep | LeftStep;
type Plan = { steps: Step[]; final: AllegationStatus };

/** A state to steer one allegation to, then stop there, carry on freely, or have the subject resign. */
type Target = { name: string; goal: Goal; then: 'stop' | 'continue' | 'resign'; ages: readonly [number, number] };

const TARGETS: Target[] = [
  ...(
    [
      ['referred_to_vetting', [20, 400]],
      ['received', [0, 20]],
      ['appeal_pending', [350, 1100]],
      ['finding_recorded', [320, 1100]],
      ['withdrawn', [280, 1100]],
      ['hearing_scheduled', [300, 1000]],
      ['meeting_scheduled', [250, 900]],
      ['accelerated_hearing_scheduled', [60, 600]],
      ['case_to_answer_gross_misconduct', [220, 800]],
      ['case_to_answer_misconduct', [220, 800]],
      ['no_case_to_answer', [220, 800]],
      ['report_submitted', [200, 700]],
      ['rprp', [60, 500]],
      ['under_investigation', [60, 700]],
      ['referred_to_iopc', [10, 120]],
      ['assessed_gross_misconduct', [15, 150]],
      ['assessed_misconduct', [15, 150]],
      ['assessed_pri', [15, 150]],
      ['assessed_no_case', [15, 150]],
      ['closed', [30, 1100]],
    ] as const
  ).map(([status, ages]): Target => ({ name: status, goal: (s) => s.status === status, then: 'stop', ages })),
  { name: 'dismissal', goal: (s) => s.sanction === 'dismissal_without_notice', then: 'continue', ages: [320, 1100] },
  { name: 'resignation', goal: (s) => s.status === 'under_investigation' && s.reg17NoticeServed, then: 'resign', ages: [80, 900] },
];

const STEER_DEPTH = 16;

/** Spreads the steps dated after `today` back over the time since the matter came to attention. */
function compress(steps: Step[], start: number, today: number): void {
  const last = steps[steps.length - 1]?.day ?? start;
  if (last <= today) return;
  for (const step of steps) step.day = start + Math.floor(((step.day - start) * (today - start)) / (last - start));
}

/**
 * Walks one allegation's track from 'received': at each step the workflow's allowed actions, weighted;
 * it stops when the next step would fall after today, or by chance (the matter is waiting). A target
 * steers the walk until it is met (its steps squeezed into the time available if need be).
 */
function planAllegation(rng: Rng, memos: Memos, start: number, today: number, baseCtx: AllegationContext, p: Profile, target: Target | null): Plan {
  let s = initialAllegationState();
  let ctx = baseCtx;
  let flags: Flags = { fww: false, multi: false };
  let day = start;
  let hearingGap = 0;
  let steering = target;
  const memo = target ? memoFor(memos, baseCtx, p, target.name) : new Map<string, boolean>();
  const steps: Step[] = [];
  const leave = (how: 'resigned' | 'retired', on: number) => {
    steps.push({ kind: 'left', day: on, how });
    day = on;
    ctx = { ...ctx, subject: 'former' };
  };
  for (let n = 0; n < 40; n++) {
    if (steering && steering.goal(s)) {
      compress(steps, start, today);
      day = steps[steps.length - 1]?.day ?? start;
      const then = steering.then;
      steering = null;
      if (then === 'stop') break;
      if (then === 'resign') leave('resigned', Math.min(today, day + rng.between([7, 60])));
      continue;
    }
    if (s.status === 'closed') break;
    if (!steering) {
      if (rng.chance(WAIT[s.status] ?? 0)) break;
      if (ctx.subject === 'serving' && s.status === 'under_investigation' && s.reg17NoticeServed && rng.chance(0.03)) {
        const on = day + rng.between([7, 60]);
        if (on > today) break;
        leave(rng.chance(0.8) ? 'resigned' : 'retired', on);
      }
    }
    let options = validCandidates(s, ctx, p);
    const goal = steering?.goal;
    if (goal) options = options.filter((c) => canReach(c.next, ctx, p, goal, STEER_DEPTH - 1 - n, memo));
    if (options.length === 0) {
      if (steering) throw new Error(`demo cases: cannot steer an allegation from ${s.status} to ${steering.name}`);
      break;
    }
    const chosen = rng.weighted(options, (c) => c.weight).action;
    if (!steering && chosen.type === 'assess_severity' && s.status === 'received' && (chosen.severity === 'misconduct' || chosen.severity === 'gross_misconduct')) {
      flags = { fww: rng.chance(0.04), multi: rng.chance(0.04) };
    }
    const gap = gapFor(chosen, s, p, rng, hearingGap);
    if (!steering && day + gap > today) break;
    const input = inputOf(chosen, rng, p, ctx, flags);
    const result = transition(s, workflowActionOf(input), ctx);
    if (!result.ok) throw new Error(`demo cases: the chooser picked ${chosen.type} from ${s.status}, which the workflow refuses: ${result.reason}`);
    if (chosen.type === 'schedule_meeting' || chosen.type === 'schedule_hearing' || chosen.type === 'schedule_accelerated_hearing') {
      hearingGap = hearingGapFor(chosen, rng);
    }
    day += gap;
    steps.push({ kind: 'act', day, input, expect: result.next.status, hearingGap });
    s = result.next;
    ctx = { ...ctx, finalWrittenWarningInForce: flags.fww, multipleUnconnectedIncidents: flags.multi };
  }
  if (steering) throw new Error(`demo cases: an allegation did not reach ${steering.name}`);
  compress(steps, start, today);
  datePlan(steps);
  return { steps, final: s.status };
}

/** Now the days are final: the date of each meeting or hearing, and of each regulation 17 notice. */
function datePlan(steps: Step[]): void {
  steps.forEach((step, i) => {
    if (step.kind !== 'act') return;
    const next = steps[i + 1];
    const heldOn = next?.kind === 'act' && next.input.type === 'record_finding' ? next.day : step.day + step.hearingGap;
    const input = step.input;
    if (input.type === 'schedule_meeting' || input.type === 'schedule_hearing' || input.type === 'schedule_accelerated_hearing') input.date = toIso(heldOn);
    if (input.type === 'serve_reg17_notice') input.servedOn = toIso(step.day);
  });
}

// ---------------------------------------------------------------------------------------------------
// The cases.

type CaseSpec = {
  day: number;
  source: Source;
  caseType: CaseType;
  summary: string;
  description: string;
  categoryCode: string;
  standards: StandardCode[];
  restricted: boolean;
  nameInvestigator: boolean;
  allocate: boolean;
  subjects: DemoSubjectCandidate[];
  profile: Profile;
  targets: (Target | null)[];
  plans: Plan[];
};

/** Conduct police staff are as likely to be reported for as officers; the other themes are operational. */
const STAFF_THEMES = /^(information|behaviours|discrimination|sexual_conduct|discreditable|property|other)\b/;

const NUMBER_WORDS = ['No', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'];
const CHIEF_RANKS = new Set(['Assistant Chief Constable', 'Deputy Chief Constable', 'Chief Constable', 'Special Chief Officer']);

/** "A sergeant", "Two officers", "Four officers and staff"… */
function who(subjects: DemoSubjectCandidate[]): string {
  const [only] = subjects;
  if (subjects.length === 1 && only) {
    if (only.personType === 'staff') return 'A member of police staff';
    const rank = (only.rank ?? (only.personType === 'special' ? 'Special Constable' : 'Constable')).toLowerCase();
    return `${/^[aeiou]/.test(rank) ? 'An' : 'A'} ${rank}`;
  }
  const staff = subjects.filter((x) => x.personType === 'staff').length;
  const n = NUMBER_WORDS[subjects.length] ?? String(subjects.length);
  if (staff === 0) return `${n} officers`;
  if (staff === subjects.length) return `${n} members of police staff`;
  return subjects.length === 2 ? 'An officer and a member of police staff' : `${n} officers and staff`;
}

function fill(template: string, rng: Rng, subjects: DemoSubjectCandidate[]): string {
  return template.replace('{who}', who(subjects)).replace('{area}', rng.pick(areaNames));
}

function weightedKey<K extends string>(rng: Rng, weights: Partial<Record<K, number>>): K {
  const entries = Object.entries(weights) as [K, number][];
  return rng.weighted(entries, ([, w]) => w)[0];
}

function caseTypeFor(source: Source, gravity: Gravity): CaseType {
  if (source === 'public_complaint') return 'complaint_special_procedures';
  return gravity === 'high' || source === 'criminal_investigation' ? 'recordable_conduct_matter' : 'conduct_matter';
}

function pickSubjects(rng: Rng, pool: DemoSubjectCandidate[], used: DemoSubjectCandidate[], day: number, count: number, staffShare: number): DemoSubjectCandidate[] {
  const serving = (c: DemoSubjectCandidate) => !CHIEF_RANKS.has(c.rank ?? '') && (c.serviceStart === null || toDay(c.serviceStart) <= day - 60);
  const chosen: DemoSubjectCandidate[] = [];
  while (chosen.length < count) {
    const free = (c: DemoSubjectCandidate) => serving(c) && !chosen.includes(c) && (staffShare > 0 || c.personType !== 'staff');
    // Now and then the same person again: patterns across cases are what the person page is for.
    const again = used.filter(free);
    if (count === 1 && again.length > 0 && rng.chance(0.06)) {
      chosen.push(rng.pick(again));
      continue;
    }
    const type = rng.chance(staffShare) ? 'staff' : rng.chance(0.08) ? 'special' : 'officer';
    const options = pool.filter((c) => c.personType === type && free(c));
    const fallback = options.length > 0 ? options : pool.filter(free);
    if (fallback.length === 0) throw new Error('demo cases: the force has too few people to pick subjects from');
    chosen.push(rng.pick(fallback));
  }
  for (const c of chosen) if (!used.includes(c)) used.push(c);
  return chosen;
}

function specCases(rng: Rng, pool: DemoSubjectCandidate[], count: number, today: number): CaseSpec[] {
  const used: DemoSubjectCandidate[] = [];
  const groups = count > 0 ? Math.max(1, Math.round(count * 0.05)) : 0;
  const specs: CaseSpec[] = [];
  for (let i = 0; i < count; i++) {
    const group = i < groups ? GROUP_THEMES[i % GROUP_THEMES.length] : undefined;
    const theme = group ?? rng.weighted(THEMES, (t) => t.weight);
    const day = i === 0 ? today - rng.between([330, 500]) : today - rng.between([0, 3 * 365 - 1]);
    const size = group ? rng.between(group.size) : rng.weighted([1, 2, 3], (n) => [0, 70, 22, 8][n] ?? 0);
    const subjects = pickSubjects(rng, pool, used, day, size, group ? group.staffShare : STAFF_THEMES.test(theme.code) ? 0.25 : 0);
    const source = weightedKey(rng, theme.sources);
    const restricted = !group && rng.chance(theme.gravity === 'high' ? 0.2 : 0.03);
    specs.push({
      day,
      source,
      caseType: caseTypeFor(source, theme.gravity),
      summary: fill(group ? group.summary : rng.pick((theme as Theme).summaries), rng, subjects),
      description: rng.pick(theme.descriptions),
      categoryCode: theme.code,
      standards: theme.standards,
      restricted,
      nameInvestigator: restricted && rng.chance(0.5),
      allocate: rng.chance(0.7),
      subjects,
      profile: { gravity: theme.gravity, criteria: theme.criteria, inPublic: !/^sexual_conduct|abuse_of_position\.sexual/.test(theme.code) },
      targets: subjects.map(() => null),
      plans: [],
    });
  }
  return specs.sort((a, b) => a.day - b.day);
}

function contextFor(day: number): AllegationContext {
  return { regime: regimeFor(toIso(day)), subject: 'serving', finalWrittenWarningInForce: false, multipleUnconnectedIncidents: false };
}

/** Gives each target to the first allegation of a different case, of a fitting age, whose track can reach it. */
function assignTargets(rng: Rng, memos: Memos, specs: CaseSpec[], today: number): void {
  for (const target of TARGETS) {
    const reachable = specs.filter((c) => {
      const ctx = contextFor(c.day);
      return c.targets[0] === null && canReach(initialAllegationState(), ctx, c.profile, target.goal, STEER_DEPTH, memoFor(memos, ctx, c.profile, target.name));
    });
    const [lo, hi] = target.ages;
    const fits = reachable.filter((c) => today - c.day >= lo && today - c.day <= hi);
    const distance = (c: CaseSpec) => Math.max(lo - (today - c.day), today - c.day - hi, 0);
    const chosen = fits.length > 0 ? rng.pick(fits) : [...reachable].sort((a, b) => distance(a) - distance(b))[0];
    if (chosen) chosen.targets[0] = target;
  }
}

async function accountOf(deps: Deps, email: string): Promise<Principal> {
  const user = await findUserByEmail(deps.db, email);
  if (!user) throw new Error(`demo cases: no account ${email}; seed the demo accounts first`);
  return principalOf(user);
}

const REQUEST_ID = 'seed-demo';

/** Opens, allocates and progresses one planned case through the use cases. */
async function loadCase(deps: Deps, spec: CaseSpec, aa: Principal, investigator: Principal): Promise<void> {
  const created = await openCase(
    deps,
    aa,
    {
      source: spec.source,
      caseType: spec.caseType,
      cameToAttentionOn: toIso(spec.day),
      summary: spec.summary,
      confidentiality: spec.restricted ? 'restricted' : 'normal',
      subjectPersonIds: spec.subjects.map((x) => x.id),
      allegation: { categoryCode: spec.categoryCode, standards: spec.standards, description: spec.description },
      namedUserIds: spec.nameInvestigator ? [investigator.userId] : [],
    },
    REQUEST_ID,
  );
  if (spec.allocate) await allocateCase(deps, aa, { caseId: created.id, version: created.version, leadInvestigatorId: investigator.userId }, REQUEST_ID);
  const subjectIds = new Map((await subjectsOf(deps.db, aa.forceId, created.id)).map((x) => [x.personId, x]));
  const allegationBySubject = new Map((await allegationsOf(deps.db, aa.forceId, created.id)).map((a) => [a.subjectId, a]));
  for (const [i, person] of spec.subjects.entries()) {
    const subject = subjectIds.get(person.id);
    const allegation = subject && allegationBySubject.get(subject.id);
    const plan = spec.plans[i];
    if (!subject || !allegation || !plan) throw new Error(`demo cases: ${created.reference} lost a subject`);
    let version = allegation.version;
    for (const step of plan.steps) {
      try {
        if (step.kind === 'left') {
          await recordSubjectLeft(deps, aa, { caseId: created.id, subjectId: subject.id, version: subject.version, leftOn: toIso(step.day), how: step.how }, REQUEST_ID);
          continue;
        }
        const actor = spec.allocate && actionAbility[step.input.type] === 'allegation.progress' ? investigator : aa;
        const done = await progressAllegation(deps, actor, { caseId: created.id, allegationId: allegation.id, version, occurredOn: toIso(step.day), action: step.input }, REQUEST_ID);
        if (done.state !== step.expect) throw new Error(`ended in ${done.state}, planned ${step.expect}`);
        version = done.version;
      } catch (error) {
        const what = step.kind === 'left' ? 'subject left' : step.input.type;
        throw new Error(`demo cases: ${created.reference}: ${what} on ${toIso(step.day)} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }
}

/**
 * Loads `cases` demo conduct cases into the force, as its appropriate authority (aa@<force>.example) with
 * about 70% allocated to investigator@<force>.example. Needs the demo organisation and accounts.
 */
export async function seedDemoCases(deps: Deps, options: DemoCasesOptions): Promise<DemoCasesSummary> {
  const rng = makeRng(options.seed);
  const today = toDay(options.today);
  const aa = await accountOf(deps, `aa@${options.forceId}.example`);
  const investigator = await accountOf(deps, `investigator@${options.forceId}.example`);
  const pool = await demoSubjectCandidates(deps.db, options.forceId);

  const specs = specCases(rng, pool, options.cases, today);
  const memos: Memos = new Map();
  assignTargets(rng, memos, specs, today);
  const byState: Record<string, number> = Object.fromEntries(ALLEGATION_STATUSES.map((s) => [s, 0]));
  let allegations = 0;
  for (const spec of specs) {
    spec.plans = spec.subjects.map((_, i) => planAllegation(rng, memos, spec.day, today, contextFor(spec.day), spec.profile, spec.targets[i] ?? null));
    for (const plan of spec.plans) {
      byState[plan.final] = (byState[plan.final] ?? 0) + 1;
      allegations++;
    }
  }
  for (const spec of specs) await loadCase(deps, spec, aa, investigator);
  return { cases: specs.length, allegations, byState };
}
