import { ALL, FROM_2020, period, vetting } from './period-words.ts';

/**
 * The time limits of the other owners of clocks — public complaints (C&M Regs 2020), anonymous reports and
 * vetting (APP Vetting) — as rows of the period table (periods.ts), in the order the table lists them.
 */
export const COMPLAINT_PERIODS = Object.freeze({
  complainant_review_window: period(28, 'calendar_days', 'V', FROM_2020, {
    label: 'Complainant’s application for a review of a complaint outcome',
    from: 'the complaint outcome being sent (day 1 is the day after it is sent)',
    source:
      '§3.4 Police Reform Act 2002 Sch 3 reviews (Kent PCC, reviews of complaints); applies to complaints under the 2020 reforms',
    startRule: 'day_after',
    startRuleSource: 'C&M Regs reg 29(2): 28 days beginning with the day after the outcome information is sent [V]',
  }),
  complaint_first_contact: period(10, 'working_days', 'R', FROM_2020, {
    label: 'First contact with the complainant about how they want the complaint handled',
    from: 'the complaint being logged',
    source:
      '§3.6 Police Reform Act 2002 Sch 3 para 2(6): contact "as soon as practicable"; the number of days is a force target, not law [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
  complaint_progress_update: period(28, 'calendar_days', 'V', FROM_2020, {
    label: 'Update to the complainant on the progress of the complaint (every 4 weeks)',
    from: 'the start of the handling of a recorded complaint, then each update',
    source:
      '§3.2 Police Reform Act 2002 Sch 3 (keeping the complainant informed): within 4 weeks, then every 4 weeks [V]',
    startRule: 'day_after',
    startRuleSource: 'Complaints and Misconduct Regs 2020 (the 4 weeks run from the start of the handling) [V]',
  }),
  complaint_outcome_notice: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Notice of the outcome of the complaint to the complainant',
    from: 'the outcome being decided',
    source: '§3.2 Police Reform Act 2002 Sch 3; Complaints and Misconduct Regs 2020 reg 33: within 5 working days [V]',
    startRule: 'day_after',
    startRuleSource: 'Complaints and Misconduct Regs 2020 (start wording not retrieved) [R]',
  }),
});

/**
 * Anonymous internal reports (features/reporting). No UK statute sets these for a force's own channel; the
 * defaults follow the good practice of the EU Whistleblowing Directive 2019/1937 art 9(1)(b) and (f) (which
 * does not bind the UK), so they are force targets, marked [R], to be set by each force.
 */
export const REPORT_PERIODS = Object.freeze({
  report_acknowledgement: period(7, 'calendar_days', 'R', ALL, {
    label: 'Acknowledge a confidential report to the reporter',
    from: 'the report being received',
    source:
      '§5.5 internal reporting (the reference gives no time limit): good practice, not UK statute — EU Directive 2019/1937 art 9(1)(b) "within seven days"; the force sets its target [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
  report_feedback: period(3, 'months', 'R', ALL, {
    label: 'Give the reporter feedback on the action taken or planned',
    from: 'the acknowledgement, or if none was sent the end of the acknowledgement period',
    source:
      '§5.5 internal reporting (the reference gives no time limit): good practice, not UK statute — EU Directive 2019/1937 art 9(1)(f) "not exceeding three months"; the force sets its target [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
});

export const VETTING_PERIODS = Object.freeze({
  vetting_renewal_rv: period(
    120,
    'months',
    'V',
    ALL,
    vetting('Recruitment vetting (RV)', '10 years (House of Commons Library, Police vetting (briefing))'),
  ),
  vetting_renewal_mv: period(84, 'months', 'R', ALL, vetting('Management vetting (MV)', '7 years [R]')),
  vetting_renewal_nppv1: period(36, 'months', 'R', ALL, vetting('NPPV level 1', 'about 3 years [R]')),
  vetting_renewal_nppv2a: period(36, 'months', 'R', ALL, vetting('NPPV level 2 (abbreviated)', 'about 3 years [R]')),
  vetting_renewal_nppv2f: period(36, 'months', 'R', ALL, vetting('NPPV level 2 (full)', '3 years [R]')),
  vetting_renewal_nppv3: period(
    60,
    'months',
    'R',
    ALL,
    vetting('NPPV level 3', '5 years, some sources say 7 [R – conflicting]'),
  ),
  vetting_renewal_ctc: period(
    120,
    'months',
    'V',
    ALL,
    vetting(
      'Counter-terrorism check (CTC)',
      '10 years, 5 for non-List X contractors (Cabinet Office national security vetting renewal periods)',
    ),
  ),
  vetting_renewal_sc: period(
    120,
    'months',
    'V',
    ALL,
    vetting(
      'Security check (SC)',
      '10 years, 5 for non-List X contractors (Cabinet Office national security vetting renewal periods)',
    ),
  ),
  vetting_renewal_esc: period(
    120,
    'months',
    'V',
    ALL,
    vetting(
      'Enhanced security check (eSC)',
      '10 years, as SC (Cabinet Office national security vetting renewal periods)',
    ),
  ),
  vetting_renewal_dv: period(
    84,
    'months',
    'V',
    ALL,
    vetting(
      'Developed vetting (DV)',
      '7 years, 3 for non-List X contractors (Cabinet Office national security vetting renewal periods)',
    ),
  ),
  vetting_renewal_edv: period(
    84,
    'months',
    'V',
    ALL,
    vetting(
      'Enhanced developed vetting (eDV)',
      '7 years, as DV (Cabinet Office national security vetting renewal periods)',
    ),
  ),
  vetting_review: period(28, 'calendar_days', 'R', ALL, {
    label:
      'Vetting review completed after a trigger (adverse information, misconduct, restriction, charge, transfer …)',
    from: 'the trigger opening the review',
    source: '§4.5 immediate review on adverse information; time to complete is force policy [R]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  vetting_appeal: period(14, 'calendar_days', 'R', ALL, {
    label: 'Appeal against a vetting refusal',
    from: 'the decision being sent',
    source:
      '§4.4 typically 14 days (Warwickshire), some forces 21 — configurable per deployment (Warwickshire Police vetting appeals process; vetting appeal practice notes (Richard Nelson LLP))',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  // The withdrawal of a serving member's clearance has its own appeal (Police (Vetting) Regulations 2025,
  // SI 2025/502, Part 3): first to a panel, then to the Police Appeals Tribunal. The Regulations' own time
  // limits were not retrieved, so each amount below is a default to be checked against the instrument [R].
  vetting_withdrawal_appeal: period(14, 'calendar_days', 'R', ALL, {
    label: 'Appeal by the officer or member of staff against the withdrawal of their vetting clearance',
    from: 'the withdrawal decision',
    source:
      '§4.1 Police (Vetting) Regulations 2025 (SI 2025/502) Part 3, appeal to a panel: the time limit was not retrieved; the default is the force’s refusal window until checked [R]',
    startRule: 'day_after',
    startRuleSource: 'Police (Vetting) Regulations 2025 (start wording not retrieved) [R]',
  }),
  vetting_withdrawal_appeal_decision: period(28, 'calendar_days', 'R', ALL, {
    label: 'Appeal panel’s decision on an appeal against a withdrawal of vetting clearance',
    from: 'the appeal being received',
    source:
      '§4.1 Police (Vetting) Regulations 2025 (SI 2025/502) Part 3, the appeal panel: time to decide not retrieved; force target [R]',
    startRule: 'day_after',
    startRuleSource: 'force target [R]',
  }),
  vetting_withdrawal_tribunal: period(10, 'working_days', 'R', ALL, {
    label: 'Appeal to the Police Appeals Tribunal after a withdrawal appeal is dismissed and dismissal follows',
    from: 'the panel’s decision dismissing the appeal',
    source:
      '§2.13 and §4.1 Police (Vetting) Regulations 2025 (SI 2025/502): second stage to the Police Appeals Tribunal; Police Appeals Tribunals Rules 2020 time limits not retrieved [R]',
    startRule: 'day_after',
    startRuleSource: 'Police Appeals Tribunals Rules 2020 (not retrieved) [R]',
  }),
});
