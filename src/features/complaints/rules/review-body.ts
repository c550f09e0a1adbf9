import type { Mark } from './eligibility.ts';
import type { IopcDecision } from './referral.ts';

/**
 * Which body reviews the outcome of a complaint, and why: Police Reform Act 2002 Sch 3 paras 6A and 25
 * with Complaints and Misconduct Regs 2020 regs 29 and 32. A review exists for a complaint recorded under
 * Schedule 3 that was handled otherwise than by investigation or by a local investigation; none after a
 * directed or independent investigation, after handling outside Schedule 3, or after withdrawal. The IOPC
 * is the relevant review body on any reg 32 ground; otherwise the local policing body.
 */
export const REVIEW_GROUNDS = [
  'appropriate_authority_is_policing_body',
  'senior_officer',
  'may_justify_proceedings',
  'may_engage_article_2_or_3',
  'referred',
  'must_be_referred',
  'treated_as_referred',
  'same_incident',
] as const;
export type ReviewGround = (typeof REVIEW_GROUNDS)[number];

export const REVIEW_GROUND_DEFINITIONS: Record<ReviewGround, { reason: string; source: string; mark: Mark }> = {
  appropriate_authority_is_policing_body: {
    reason: 'the appropriate authority is the local policing body (the complaint is about the chief officer)',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'S',
  },
  senior_officer: {
    reason: 'the complaint is about a senior officer (above chief superintendent)',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
  may_justify_proceedings: {
    reason:
      'the appropriate authority could not be satisfied from the complaint alone that the conduct, if proved, would not justify criminal or disciplinary proceedings',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
  may_engage_article_2_or_3: {
    reason:
      'the appropriate authority could not be satisfied from the complaint alone that the conduct, if proved, would not involve an infringement of Article 2 or 3 ECHR',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
  referred: {
    reason: 'the complaint was referred to the IOPC',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
  must_be_referred: {
    reason: 'the complaint had to be referred to the IOPC',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
  treated_as_referred: {
    reason: 'the complaint is treated as referred to the IOPC',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
  same_incident: {
    reason: 'the complaint arises from the same incident as a complaint on one of these grounds',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
    mark: 'V',
  },
};

export const REVIEW_BODIES = ['iopc', 'local_policing_body', 'none'] as const;
export type ReviewBody = (typeof REVIEW_BODIES)[number];
export const reviewBodyLabels: Record<ReviewBody, string> = {
  iopc: 'The Independent Office for Police Conduct (IOPC)',
  local_policing_body: 'The local policing body (the Police and Crime Commissioner)',
  none: 'No review is available',
};

export type ReviewFacts = {
  /** 'outside_schedule_3' or 'recorded' (null while undecided). */
  initialHandling: 'outside_schedule_3' | 'recorded' | null;
  /** How a recorded complaint was handled (null while undecided). */
  handlingRoute: 'otherwise_than_by_investigation' | 'investigation' | null;
  /** The IOPC's decision when referred. */
  iopcDecision: IopcDecision | null;
  withdrawn: boolean;
  /** Whether the complainant was found ineligible (no review then either). */
  ineligible?: boolean;
  grounds: readonly ReviewGround[];
};

export type ReviewBodyResult = { body: ReviewBody; grounds: ReviewGround[]; reason: string; source: string };

export function reviewBody(facts: ReviewFacts): ReviewBodyResult {
  const none = (reason: string, source: string): ReviewBodyResult => ({ body: 'none', grounds: [], reason, source });
  if (facts.withdrawn) return none('the complaint was withdrawn', 'Complaints and Misconduct Regs 2020 reg 38');
  if (facts.ineligible) return none('the complainant was not eligible to complain', 'Police Reform Act 2002 s.12');
  if (facts.initialHandling === 'outside_schedule_3')
    return none(
      'the complaint was handled outside Schedule 3, which carries no right of review',
      'Police Reform Act 2002 Sch 3 para 2(6C)',
    );
  if (facts.initialHandling === null || facts.handlingRoute === null)
    return none('the complaint has not yet been recorded and handled', 'Police Reform Act 2002 Sch 3 paras 6A, 25');
  if (facts.iopcDecision === 'directed' || facts.iopcDecision === 'independent')
    return none(
      `there is no review of the outcome of ${facts.iopcDecision === 'directed' ? 'a directed' : 'an independent'} investigation`,
      'Police Reform Act 2002 Sch 3 para 25; Complaints and Misconduct Regs 2020 reg 29(1)',
    );
  const grounds = REVIEW_GROUNDS.filter((g) => facts.grounds.includes(g));
  if (grounds.length)
    return {
      body: 'iopc',
      grounds,
      reason: `The IOPC reviews because ${grounds.map((g) => REVIEW_GROUND_DEFINITIONS[g].reason).join('; and ')}.`,
      source: 'Complaints and Misconduct Regs 2020 reg 32',
    };
  return {
    body: 'local_policing_body',
    grounds: [],
    reason: 'The local policing body reviews because none of the grounds for an IOPC review applies.',
    source: 'Complaints and Misconduct Regs 2020 reg 32',
  };
}
