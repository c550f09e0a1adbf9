/**
 * The words of a subject officer's letters that state the law. Not verified in ../shared/reference/uk-domain.md,
 * so they are configuration with a default and the mark [R] (to be checked by the force's legal adviser).
 */
export type CaseLetterWording = {
  /** [R] The notice of a meeting or hearing: Police (Conduct) Regulations 2020 reg 30. */
  noticeBasis: string;
  /** [R] Representation and attendance (Conduct Regs 2020 regs 7 and 33). */
  attendance: string;
  /** [R] After a misconduct hearing or accelerated hearing: Police Appeals Tribunals Rules 2020. */
  tribunalAppeal: string;
  /** [R] After a misconduct meeting: an appeal under Conduct Regs 2020 reg 45, not to the tribunal. */
  meetingAppeal: string;
  /** Where no finding of misconduct or gross misconduct was made: nothing to appeal. */
  noAppeal: string;
};

export const DEFAULT_CASE_LETTER_WORDING: CaseLetterWording = Object.freeze({
  noticeBasis:
    'This is notice of the meeting or hearing under regulation 30 of the Police (Conduct) Regulations 2020. [R]',
  attendance:
    'You must attend. You may be accompanied by a police friend and, at a hearing, represented by a relevant lawyer. [R]',
  tribunalAppeal:
    'You may appeal to the Police Appeals Tribunal against the finding or the disciplinary action under the ' +
    'Police Appeals Tribunals Rules 2020, within 10 working days of the day after you receive the written ' +
    'notice of the outcome. [R]',
  meetingAppeal:
    'You may appeal against the finding or the disciplinary action of the misconduct meeting under regulation 45 ' +
    'of the Police (Conduct) Regulations 2020, within 7 working days of the day after you receive this notice. [R]',
  noAppeal: 'No finding of misconduct or gross misconduct was made, so there is no appeal.',
});
