import type { LetterDocument } from '../../../kernel/letter-render.ts';
import { formatDate, type IsoDate } from '../../../kernel/time/dates.ts';
import type { IopcMode, Severity } from '../rules/allegation-types.ts';
import type { DeemedServiceRule } from './reg17-service.ts';

/**
 * The words of the regulation 17 notice that state the law. The list of contents is from the legal review
 * (December 2026) [S]; the full text of Conduct Regs 2020 regs 17 and 18 was not retrieved, so every sentence
 * is configuration with a default and its mark, to be checked by the force's legal adviser.
 */
export type Reg17Wording = {
  /** [S] What the notice is (Conduct Regs 2020 reg 17). */
  basis: string;
  /** [S] That the investigation may lead to misconduct proceedings. */
  mayLeadToProceedings: string;
  /** [S] Barred-list warning: dismissal, or a finding that a former officer would have been dismissed. */
  barredList: string;
  /** [S] Police friend and staff association; a relevant lawyer (Conduct Regs 2020 regs 7 and 8 [S]). */
  representation: string;
  /** [S] Effect of reg 18: a statement and documents within the period (given as a number and a date). */
  representationsLead: string;
  /** [S] Adverse-inference wording. */
  adverseInference: string;
};

export const DEFAULT_REG17_WORDING: Reg17Wording = Object.freeze({
  basis:
    'This is written notice under regulation 17 of the Police (Conduct) Regulations 2020 that your conduct is ' +
    'being investigated. [S]',
  mayLeadToProceedings:
    'The investigation may lead to misconduct proceedings: a misconduct meeting or a misconduct hearing. [S]',
  barredList:
    'If you are dismissed, or found to have committed gross misconduct after leaving and would have been ' +
    'dismissed, your name will be reported to the College of Policing for the police barred list. [S]',
  representation:
    'You may seek advice from your staff association and be accompanied and advised by a police friend ' +
    '(regulation 8). You may be represented by a relevant lawyer at a misconduct hearing. [S]',
  representationsLead:
    'Under regulation 18 you may give the investigator a written or oral statement about the matters under ' +
    'investigation and provide any relevant documents. [S]',
  adverseInference:
    'If you do not mention, when interviewed or when giving a statement, something you later rely on in any ' +
    'misconduct proceedings, the person conducting them may draw such inferences as appear proper. [S]',
});

const SEVERITY_WORDS: Partial<Record<Severity, string>> = {
  misconduct: 'misconduct',
  gross_misconduct: 'gross misconduct',
};
const LIKELY_FORM: Partial<Record<Severity, string>> = {
  misconduct: 'a misconduct meeting',
  gross_misconduct: 'a misconduct hearing',
};
const IOPC_WORDS: Record<IopcMode, string> = {
  local: 'The investigation is carried out by the force itself (a local investigation).',
  directed: 'The investigation is directed by the Independent Office for Police Conduct (IOPC).',
  independent: 'The investigation is carried out by the Independent Office for Police Conduct (IOPC).',
  returned:
    'The matter was referred to the Independent Office for Police Conduct (IOPC) and returned to the force to handle.',
};

export type Reg17Allegation = {
  description: string;
  standards: string[];
  severity?: Severity | undefined;
  iopcMode?: IopcMode | undefined;
};

export type Reg17Facts = {
  forceName: string;
  reference: string;
  officerName: string;
  investigator: string | null;
  allegations: Reg17Allegation[];
  service: { method: DeemedServiceRule; givenOn: IsoDate; deemedServedOn: IsoDate };
  representations: { workingDays: number; dueOn: IsoDate };
  wording: Reg17Wording;
};

/** The pure composition of a regulation 17 notice: facts in, a letter document out (no database). */
export function composeReg17Notice(f: Reg17Facts): LetterDocument {
  const ref = `Case reference: ${f.reference}`;
  const severities = [...new Set(f.allegations.map((a) => a.severity).filter((s) => s && SEVERITY_WORDS[s]))];
  const gravest = severities.includes('gross_misconduct') ? 'gross_misconduct' : severities[0];
  const iopc = [...new Set(f.allegations.map((a) => a.iopcMode).filter((m): m is IopcMode => !!m))];
  return {
    title: 'Notice of investigation (regulation 17)',
    subject: `Regulation 17 notice, treated as served on ${formatDate(f.service.deemedServedOn)} (${f.reference})`,
    salutation: `Dear ${f.officerName}`,
    signOff: `Professional Standards Department, ${f.forceName}`,
    sections: [
      { paragraphs: [ref, f.wording.basis] },
      {
        heading: 'The conduct being investigated',
        paragraphs: f.allegations.map(
          (a, i) =>
            `${i + 1}. ${a.description}` +
            (a.standards.length ? ` Standards of Professional Behaviour: ${a.standards.join('; ')}.` : '') +
            (a.severity && SEVERITY_WORDS[a.severity]
              ? ` Assessed as conduct which, if proved, would amount to ${SEVERITY_WORDS[a.severity]}.`
              : ''),
        ),
      },
      {
        heading: 'The investigation',
        paragraphs: [
          f.investigator ? `Investigator: ${f.investigator}.` : 'The investigator has not yet been appointed.',
          ...(iopc.length
            ? iopc.map((m) => IOPC_WORDS[m])
            : ['The Independent Office for Police Conduct (IOPC) is not involved.']),
          f.wording.mayLeadToProceedings,
          ...(gravest && LIKELY_FORM[gravest]
            ? [`If the case is referred to misconduct proceedings, they would be likely to be ${LIKELY_FORM[gravest]}.`]
            : []),
          f.wording.barredList,
        ],
      },
      { heading: 'Your rights', paragraphs: [f.wording.representation, f.wording.adverseInference] },
      {
        heading: 'Your statement and documents',
        paragraphs: [
          f.wording.representationsLead,
          `You have ${f.representations.workingDays} working days after this notice is served (regulation 18): ` +
            `send them to the investigator by ${formatDate(f.representations.dueOn)}.`,
        ],
      },
      {
        heading: 'Service of this notice',
        paragraphs: [
          `${f.service.method.label} on ${formatDate(f.service.givenOn)}.`,
          `This notice is treated as served on ${formatDate(f.service.deemedServedOn)} (${f.service.method.source}).`,
        ],
      },
    ],
  };
}
