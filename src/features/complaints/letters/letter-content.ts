import type { complaintLetterKinds } from '../../../db/schema/index.ts';
import { formatDate } from '../../../kernel/time/dates.ts';
import type { LetterDocument, LetterSection } from '../../../kernel/letter-render.ts';
import { categoryLabel } from '../rules/categories.ts';
import { outcomeLabel } from '../rules/outcomes.ts';
import { reviewBodyLabels, type ReviewBody } from '../rules/review-body.ts';

/**
 * The words of the letters to a complainant, from the record (pure: the use case gathers the facts). Each
 * letter is a title, a salutation and sections of paragraphs; letter-render.ts draws it as HTML and PDF.
 */
export type LetterKind = (typeof complaintLetterKinds)[number];

export type LetterFacts = {
  forceName: string;
  reference: string;
  writtenOn: string;
  complainantName: string;
  receivedOn: string;
  status: string;
  /** The next date the complainant was told to expect (first contact, or the next progress update). */
  nextDueOn: string | null;
  allegations: { categoryCode: string; description: string; outcome: string | null; actions: string[] }[];
  reviewBody: ReviewBody | null;
  reviewBodyReason: string | null;
  outcomeNotifiedOn: string | null;
  reviewWindowEndsOn: string | null;
  withdrawnOn: string | null;
  /** Where the complainant follows the complaint up online, when they made it through the portal. */
  portalUrl: string | null;
};

/**
 * How to apply for a review, per body. The review bodies' own addresses and forms were not verified
 * (uk-domain.md [R]): these defaults are configuration, to be replaced with the force's and the PCC's words.
 */
export const REVIEW_APPLICATION_ROUTES: Record<Exclude<ReviewBody, 'none'>, { how: string; mark: 'R' }> = {
  iopc: {
    how: 'Apply to the Independent Office for Police Conduct, online on its website or in writing, quoting your reference.',
    mark: 'R',
  },
  local_policing_body: {
    how: 'Apply in writing to the office of the Police and Crime Commissioner, quoting your reference.',
    mark: 'R',
  },
};

/** The actions that start another process whose progress and outcome the outcome letter must give (reg 33(2)). */
const OTHER_PROCESSES = [
  'misconduct_proceedings',
  'performance_proceedings',
  'reflective_practice',
  'criminal_referral',
];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const day = (iso: string | null) => (iso ? formatDate(iso) : '');

export function composeLetter(kind: LetterKind, f: LetterFacts): LetterDocument {
  const salutation = `Dear ${f.complainantName}`;
  const signOff = `Professional Standards Department, ${f.forceName}`;
  const ref = `Your reference: ${f.reference}`;
  const followUp = f.portalUrl
    ? [`You can check the progress of your complaint at ${f.portalUrl} with your reference and follow-up code.`]
    : [];
  switch (kind) {
    case 'acknowledgement':
      return {
        title: 'We have received your complaint',
        subject: `Your complaint ${f.reference}: received`,
        salutation,
        signOff,
        sections: [
          {
            paragraphs: [
              ref,
              `Thank you for your complaint, which we received on ${day(f.receivedOn)}.`,
              ...(f.nextDueOn
                ? [`We will contact you by ${day(f.nextDueOn)} to talk about it and what you would like to happen.`]
                : []),
              ...followUp,
            ],
          },
        ],
      };
    case 'progress_update':
      return {
        title: 'An update on your complaint',
        subject: `Your complaint ${f.reference}: progress update`,
        salutation,
        signOff,
        sections: [
          {
            paragraphs: [
              ref,
              `We are still handling your complaint. Its present stage: ${f.status.toLowerCase()}.`,
              ...(f.nextDueOn ? [`We will write to you again by ${day(f.nextDueOn)}.`] : []),
              ...followUp,
            ],
          },
        ],
      };
    case 'withdrawal':
      return {
        title: 'Your complaint has been withdrawn',
        subject: `Your complaint ${f.reference}: withdrawn`,
        salutation,
        signOff,
        sections: [
          {
            paragraphs: [
              ref,
              `We have received your signed notice withdrawing your complaint, and recorded the withdrawal on ${day(f.withdrawnOn)} (Police (Complaints and Misconduct) Regulations 2020 reg 38).`,
              'We will take no further action on your complaint. If you did not mean to withdraw it, contact us as soon as you can.',
            ],
          },
        ],
      };
    case 'outcome':
      return {
        title: 'The outcome of your complaint',
        subject: `Your complaint ${f.reference}: outcome`,
        salutation,
        signOff,
        sections: outcomeSections(f, ref),
      };
  }
}

/** The outcome letter: every element of Police (Complaints and Misconduct) Regulations 2020 reg 33(2). */
function outcomeSections(f: LetterFacts, ref: string): LetterSection[] {
  const started = [...new Set(f.allegations.flatMap((a) => a.actions.filter((x) => OTHER_PROCESSES.includes(x))))];
  const review: LetterSection =
    f.reviewBody && f.reviewBody !== 'none'
      ? {
          heading: 'Your right to a review',
          paragraphs: [
            `If you are not satisfied with the outcome, you have the right to apply for a review. Your review would be carried out by ${lowerFirst(reviewBodyLabels[f.reviewBody])}. ${f.reviewBodyReason ?? ''}`.trim(),
            `You must apply within 28 days beginning with the day after the date of this letter, that is by ${day(f.reviewWindowEndsOn)} (Police (Complaints and Misconduct) Regulations 2020 reg 29(2)).`,
            `How to apply: ${REVIEW_APPLICATION_ROUTES[f.reviewBody].how}`,
          ],
        }
      : {
          heading: 'Your right to a review',
          paragraphs: [
            `There is no right to a review of this outcome: ${f.reviewBodyReason ?? 'no review is available for this complaint'}.`,
          ],
        };
  return [
    { paragraphs: [ref, `We have finished handling your complaint, which we received on ${day(f.receivedOn)}.`] },
    {
      heading: 'The outcome',
      paragraphs: f.allegations.map(
        (a, i) =>
          `${i + 1}. ${categoryLabel(a.categoryCode)}: ${a.outcome ? outcomeLabel(a.outcome) : 'no outcome recorded'}.${
            a.actions.length ? ` Action taken: ${a.actions.map(outcomeLabel).join('; ')}.` : ''
          }`,
      ),
    },
    {
      heading: 'Other proceedings',
      paragraphs: started.length
        ? [
            `Your complaint led to: ${started.map(outcomeLabel).join('; ')}. We will tell you how these progress and their outcome, including any appeal.`,
          ]
        : ['Your complaint has not led to any criminal, disciplinary, performance or reflective practice proceedings.'],
    },
    review,
  ];
}
