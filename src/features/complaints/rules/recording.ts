import type { Mark } from './eligibility.ts';

/**
 * Initial handling: Police Reform Act 2002 Sch 3 para 2. The force contacts the complainant and asks how
 * they want the complaint handled (para 2(6)). It MUST record the complaint under Schedule 3 when the
 * complainant asks (at any time) or when a para 2(6B) ground applies (para 2(6A)); otherwise it may handle
 * it outside Schedule 3, resolving it to the complainant's satisfaction, with no right of review (para 2(6C)).
 */
export const RECORDING_GROUNDS = [
  'death_or_serious_injury',
  'criminal_or_disciplinary',
  'article_2_or_3',
  'referral_category',
] as const;
export type RecordingGround = (typeof RECORDING_GROUNDS)[number];

export type GroundDefinition = { label: string; explanation: string; source: string; mark: Mark };

export const RECORDING_GROUND_DEFINITIONS: Record<RecordingGround, GroundDefinition> = {
  death_or_serious_injury: {
    label: 'It alleges that the conduct resulted in death or serious injury',
    explanation: 'A complaint alleging a death or serious injury must be recorded.',
    source: 'Police Reform Act 2002 Sch 3 para 2(6B)',
    mark: 'V',
  },
  criminal_or_disciplinary: {
    label: 'The conduct, if proved, might be a criminal offence or justify disciplinary proceedings',
    explanation: 'Conduct that might be criminal or justify disciplinary proceedings must be recorded.',
    source: 'Police Reform Act 2002 Sch 3 para 2(6B)',
    mark: 'V',
  },
  article_2_or_3: {
    label: 'It might involve an infringement of Article 2 or 3 of the European Convention on Human Rights',
    explanation: 'A possible breach of the right to life or of the prohibition of torture or inhuman treatment.',
    source: 'Police Reform Act 2002 Sch 3 para 2(6B)',
    mark: 'V',
  },
  referral_category: {
    label: 'It falls in a category that must be referred to the IOPC',
    explanation: 'Anything in the mandatory referral list (Complaints and Misconduct Regs 2020 reg 4(1)).',
    source: 'Police Reform Act 2002 Sch 3 para 2(6B); Complaints and Misconduct Regs 2020 reg 4',
    mark: 'V',
  },
};

export const INITIAL_HANDLING = ['outside_schedule_3', 'recorded'] as const;
export type InitialHandling = (typeof INITIAL_HANDLING)[number];

export type RecordingFacts = { complainantWantsRecorded: boolean; grounds: readonly RecordingGround[] };

export type RecordingRequirement = { mandatory: boolean; reasons: string[] };

/** Whether recording under Schedule 3 is mandatory, and why (each reason names its provision). */
export function recordingRequirement(facts: RecordingFacts): RecordingRequirement {
  const reasons: string[] = [];
  if (facts.complainantWantsRecorded)
    reasons.push('The complainant wants it recorded under Schedule 3 (Police Reform Act 2002 Sch 3 para 2(6A)).');
  for (const g of RECORDING_GROUNDS)
    if (facts.grounds.includes(g))
      reasons.push(`${RECORDING_GROUND_DEFINITIONS[g].label} (${RECORDING_GROUND_DEFINITIONS[g].source}).`);
  return { mandatory: reasons.length > 0, reasons };
}

/** The refusal of a decision to handle outside Schedule 3 when recording is mandatory; null when it may stand. */
export function initialHandlingError(handling: InitialHandling, facts: RecordingFacts): string | null {
  if (handling !== 'outside_schedule_3') return null;
  const { mandatory, reasons } = recordingRequirement(facts);
  return mandatory
    ? `This complaint must be recorded under Schedule 3, so it cannot be handled outside it: ${reasons.join(' ')}`
    : null;
}
