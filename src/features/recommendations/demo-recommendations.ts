import type { IsoDate } from '../../kernel/time/dates.ts';
import type { OwnerBody, ReportItemKind, TrackerStatus } from './tracker-rules.ts';

/**
 * The demo inspection report and the demo force's response to it, as data. The wording is SAMPLE TEXT
 * written for the demonstration: Probity does not ship the inspectorate's recommendations (uk-domain.md
 * §1.4 — their text was not retrieved and must not be invented as if real), so every item says so.
 * Days are offsets from the day the demo is loaded; demo-seed.ts replays this through the use cases.
 */

export const DEMO_REPORT = {
  publisher: 'HMICFRS (demonstration)',
  title: 'DEMONSTRATION — Inspection of vetting, misconduct and misogyny (sample text)',
  reportType: 'thematic' as const,
  publishedDaysAgo: 420,
};

export type DemoItem = {
  kind: ReportItemKind;
  number: number;
  text: string;
  ownerBody: OwnerBody;
  /** Days from today: negative is past. */
  deadline: number | null;
  themes: string[];
  response?: {
    self?: TrackerStatus;
    verified?: TrackerStatus;
    owner?: 'aa' | 'chief';
    actions?: { description: string; due: number | null; done?: number }[];
    evidence?: (
      { kind: 'link'; title: string; url: string } | { kind: 'file'; title: string; fileName: string; text: string }
    )[];
    comments?: { side: 'force' | 'commissioner'; body: string; daysAgo: number }[];
    signOff?: boolean;
  };
};

const d = (text: string) => `Demonstration text: ${text}`;

export const DEMO_ITEMS: DemoItem[] = [
  {
    kind: 'recommendation',
    number: 1,
    text: d(
      'forces should check that every member of the workforce holds the vetting clearance their post requires, and record the result.',
    ),
    ownerBody: 'ChiefConstables',
    deadline: -240,
    themes: ['vetting'],
    response: {
      self: 'addressed',
      verified: 'addressed',
      owner: 'aa',
      actions: [
        { description: 'Compare every post with the clearance its holder has (sample action).', due: -260, done: -270 },
      ],
      evidence: [
        {
          kind: 'file',
          title: 'Clearance check summary (sample)',
          fileName: 'clearance-check-summary.txt',
          text: 'Demonstration text: a sample summary of a clearance check. Not a real document.\n',
        },
        {
          kind: 'link',
          title: 'Published vetting policy (sample link)',
          url: 'https://example.org/westshire/vetting-policy',
        },
      ],
      comments: [
        {
          side: 'commissioner',
          body: 'Demonstration text: we have seen the summary and agree this is addressed.',
          daysAgo: 30,
        },
      ],
      signOff: true,
    },
  },
  {
    kind: 'recommendation',
    number: 2,
    text: d(
      'forces should record the rationale for every vetting decision that grants clearance despite adverse information.',
    ),
    ownerBody: 'ChiefConstables',
    deadline: -240,
    themes: ['vetting', 'rationale'],
    response: {
      self: 'addressed',
      owner: 'aa',
      evidence: [
        {
          kind: 'file',
          title: 'Decision record template (sample)',
          fileName: 'decision-record-template.txt',
          text: 'Demonstration text: a sample decision record template.\n',
        },
      ],
      comments: [
        { side: 'force', body: 'Demonstration text: the new template has been in use since the spring.', daysAgo: 20 },
      ],
    },
  },
  {
    kind: 'recommendation',
    number: 3,
    text: d(
      'forces should assess every allegation of sexual misconduct against the gross misconduct threshold and record why.',
    ),
    ownerBody: 'ChiefConstables',
    deadline: -120,
    themes: ['misconduct', 'misogyny'],
    response: {
      self: 'addressed',
      verified: 'being_progressed',
      owner: 'aa',
      actions: [{ description: 'Dip sample severity assessments each quarter (sample action).', due: -60, done: -50 }],
      comments: [
        { side: 'force', body: 'Demonstration text: guidance issued to all assessors.', daysAgo: 45 },
        {
          side: 'commissioner',
          body: 'Demonstration text: our dip sample found assessments without a recorded reason; not yet addressed.',
          daysAgo: 10,
        },
      ],
    },
  },
  {
    kind: 'recommendation',
    number: 4,
    text: d('forces should have a way for staff to report misogynistic behaviour in confidence, and monitor its use.'),
    ownerBody: 'ChiefConstables',
    deadline: -90,
    themes: ['misogyny', 'reporting'],
    response: {
      self: 'being_progressed',
      owner: 'chief',
      actions: [{ description: 'Launch the confidential reporting line (sample action).', due: -30 }],
    },
  },
  {
    kind: 'recommendation',
    number: 5,
    text: d('forces should review the vetting of officers and staff who transfer in from another force.'),
    ownerBody: 'ChiefConstables',
    deadline: 90,
    themes: ['vetting', 'transferees'],
    response: {
      self: 'being_progressed',
      owner: 'aa',
      actions: [
        { description: 'List everyone who transferred in during the last three years (sample action).', due: -14 },
        { description: 'Re-check their vetting files (sample action).', due: 60 },
      ],
    },
  },
  {
    kind: 'recommendation',
    number: 6,
    text: d(
      'forces should make sure counter-corruption units can see and act on intelligence about abuse of position for a sexual purpose.',
    ),
    ownerBody: 'ChiefConstables',
    deadline: 30,
    themes: ['counter-corruption'],
    response: { self: 'awaiting_review', verified: 'awaiting_review', owner: 'chief' },
  },
  {
    kind: 'recommendation',
    number: 7,
    text: d('forces should train supervisors to recognise and challenge sexist and misogynistic behaviour.'),
    ownerBody: 'ChiefConstables',
    deadline: -60,
    themes: ['misogyny', 'training'],
  },
  {
    kind: 'recommendation',
    number: 8,
    text: d(
      'the Home Office should consider changing the regulations so that vetting clearance is a condition of service.',
    ),
    ownerBody: 'HomeOffice',
    deadline: null,
    themes: ['vetting', 'legislation'],
    response: {
      self: 'not_applicable',
      verified: 'not_applicable',
      comments: [
        { side: 'force', body: 'Demonstration text: addressed to the Home Office, not to forces.', daysAgo: 200 },
      ],
    },
  },
  {
    kind: 'recommendation',
    number: 9,
    text: d('the College of Policing should update its guidance on relationships and behaviour in the workplace.'),
    ownerBody: 'CollegeOfPolicing',
    deadline: 120,
    themes: ['guidance'],
    response: {
      self: 'being_progressed',
      owner: 'aa',
      actions: [
        { description: 'Adopt the updated guidance locally once published (sample action).', due: 150 },
        { description: 'Brief the professional standards department (sample action).', due: -100, done: -95 },
      ],
    },
  },
  {
    kind: 'recommendation',
    number: 10,
    text: d(
      'the National Police Chiefs’ Council should collect and publish forces’ progress on these recommendations.',
    ),
    ownerBody: 'NPCC',
    deadline: 180,
    themes: ['oversight'],
  },
  {
    kind: 'area_for_improvement',
    number: 1,
    text: d(
      'forces should improve how they record the outcome of misconduct assessments on their case management systems.',
    ),
    ownerBody: 'ChiefConstables',
    deadline: null,
    themes: ['misconduct', 'records'],
    response: {
      self: 'being_progressed',
      owner: 'aa',
      comments: [
        { side: 'force', body: 'Demonstration text: new outcome fields added to the case system.', daysAgo: 5 },
      ],
    },
  },
  {
    kind: 'area_for_improvement',
    number: 2,
    text: d('forces should tell complainants more often how their complaint is progressing.'),
    ownerBody: 'ChiefConstables',
    deadline: null,
    themes: ['complaints'],
    response: { self: 'addressed', owner: 'chief' },
  },
];

/** An offset in days from `today`, as an ISO date. */
export function dayFrom(today: IsoDate, days: number): IsoDate {
  const t = new Date(`${today}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
