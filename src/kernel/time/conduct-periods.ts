import { ALL, FROM_2020, period } from './period-words.ts';

/**
 * The conduct case's time limits (Conduct Regs 2020 and 2012, Barred List Regs 2017, the reports to the local
 * policing body): rows of the period table (periods.ts), in the order the table lists them.
 */
export const CONDUCT_PERIODS = Object.freeze({
  pcc_report_first: period(12, 'months', 'V', FROM_2020, {
    label: 'First report to the local policing body on an investigation not completed',
    from: 'the day the allegation first came to the appropriate authority’s attention (Schedule 3: the day the complaint was made)',
    source: '§2.7 Conduct Regs 2020 reg 19; Complaints and Misconduct Regs 2020 reg 13',
    startRule: 'day_after',
    startRuleSource:
      'Conduct Regs reg 19: the report is due once the 12 months beginning with the day of attention have ended, i.e. on start + 12 months [V]',
  }),
  pcc_report_repeat: period(6, 'months', 'V', FROM_2020, {
    label: 'Further report to the local policing body (each later period)',
    from: 'the end of the previous relevant period',
    source: '§2.7 Conduct Regs 2020 reg 19; Complaints and Misconduct Regs 2020 reg 13',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 19: each further report is due once the next 6 months have ended [V]',
  }),
  suspension_notice_written: period(3, 'working_days', 'R', ALL, {
    label: 'Written confirmation of a suspension given orally',
    from: 'the oral notification of suspension',
    source: '§2.12 reg 11 (2012 wording [V]; same in 2020 [R])',
    startRule: 'day_after',
    startRuleSource: 'reg 11 wording not retrieved [R]',
  }),
  suspension_review: period(28, 'calendar_days', 'R', FROM_2020, {
    label: 'Review of whether the suspension conditions are still met',
    from: 'the suspension decision, then each review',
    source: '§2.12 reg 11 (interval not retrieved; "commonly every 4 weeks") [R]',
    startRule: 'day_after',
    startRuleSource: 'reg 11 review interval not retrieved [R]',
  }),
  restriction_notice: period(3, 'working_days', 'R', ALL, {
    label: 'Written notice of a restriction of duties (or written confirmation of one given orally)',
    from: 'the decision to restrict duties',
    source: '§2.12 alternatives to suspension: local force policy, default as for reg 11 [R]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  restriction_review: period(28, 'calendar_days', 'R', ALL, {
    label: 'Review of a restriction of duties short of suspension',
    from: 'the decision, then each review',
    source: '§2.12 alternatives to suspension: local force policy, default as for reg 11 reviews [R]',
    startRule: 'day_after',
    startRuleSource: 'force policy [R]',
  }),
  reg18_representations: period(10, 'working_days', 'R', FROM_2020, {
    label: 'Officer’s statement or documents to the investigator',
    from: 'the regulation 17 written notice being given',
    source: '§2.6 reg 18 [R – confirm]',
    startRule: 'day_after',
    startRuleSource:
      'Conduct Regs reg 18: "starting with the first working day after the day on which the notice is given" (text not retrieved) [R]',
  }),
  rprp_account: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Officer’s account for the reflective practice review process',
    from: 'the reflective practice notice being given to the officer',
    source: '§2.11 Part 6 (Conduct Regs 2020 Part 6, as explained by UK Police Law Blog; Conduct Regs 2020 reg 70)',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs Part 6 (wording of the start not retrieved) [R]',
  }),
  pre_hearing: period(15, 'working_days', 'V', FROM_2020, {
    label: 'Misconduct pre-hearing (extendable)',
    from: 'the documents being supplied to the chair',
    source: '§2.9 pre-hearing (Conduct Regs 2020 reg 33)',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 31/32 (wording of the start not retrieved) [R]',
  }),
  outcome_report: period(5, 'working_days', 'V', FROM_2020, {
    label: 'Written reasons / outcome report to the appropriate authority',
    from: 'the end of the misconduct proceedings',
    source: '§2.9 (Police Federation conduct guidance)',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 43(1) [S]',
  }),
  meeting_appeal: period(7, 'working_days', 'R', FROM_2020, {
    label: 'Notice of appeal against a misconduct meeting (extendable in exceptional circumstances)',
    from: 'the officer receiving the report of the meeting',
    source: '§2.13 reg 45 (SI 2020/1087 Sch 1 para 44) (not verified for Home Office forces)',
    startRule: 'day_after',
    startRuleSource:
      'Conduct Regs reg 45(3): "beginning with the first working day after the day on which the officer is supplied with" the report [V MoD mirror]',
  }),
  pat_appeal: period(10, 'working_days', 'R', FROM_2020, {
    label: 'Notice of appeal to the Police Appeals Tribunal',
    from: 'the officer receiving the outcome of the hearing or accelerated hearing',
    source: '§2.13 Police Appeals Tribunals Rules 2020 [R]',
    startRule: 'day_after',
    startRuleSource: 'Police Appeals Tribunals Rules 2020 (time limits not retrieved) [R]',
  }),
  barred_list_return: period(5, 'working_days', 'V', ALL, {
    label: 'Report to the College of Policing for the barred list',
    from: 'the dismissal, or the finding that a former officer would have been dismissed',
    source: '§2.15 Barred List Regs 2017 reg 3',
    startRule: 'event_day',
    startRuleSource:
      'Police Barred List and Police Advisory List Regs 2017 reg 3(1): "5 working days beginning with the date of" the dismissal or finding [V]',
  }),
  advisory_list_return: period(5, 'working_days', 'V', ALL, {
    label: 'Report to the College of Policing for the advisory list',
    from: 'the resignation or retirement under investigation (or the allegation coming to attention after leaving)',
    source: '§2.15 Barred List Regs 2017 reg 12',
    startRule: 'event_day',
    startRuleSource:
      'Police Barred List and Police Advisory List Regs 2017 reg 12(1): "5 working days beginning with the date of" the event [V]',
  }),
  barred_list_further_report: period(5, 'working_days', 'R', ALL, {
    label: 'Further report to the College of Policing for the barred list (dismissal overturned or changed)',
    from: 'the change that makes the earlier report wrong (e.g. the appeal decision)',
    source: '§2.15 Police Act 1996 s.88F; Barred List Regs 2017 reg 5 [V duty; R period, taken as for reg 3]',
    startRule: 'event_day',
    startRuleSource: 'Barred List Regs 2017 reg 5 (period wording not retrieved; as reg 3(1)) [R]',
  }),
  accelerated_hearing: period(15, 'working_days', 'V', FROM_2020, {
    label: 'Accelerated misconduct hearing held (not less than 10 nor more than 15 working days after the notice)',
    from: 'the regulation 51 notice being given to the officer',
    source: '§2.10 Conduct Regs reg 52(1) [V]',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 52(1): "after the day on which the notice … is given" [V]',
  }),
  written_warning_expiry: period(18, 'months', 'R', FROM_2020, {
    label: 'Written warning in force',
    from: 'the written warning being given',
    source: '§2.9 sanction durations [R – confirm Home Office text]',
    startRule: 'event_day',
    startRuleSource:
      'Conduct Regs reg 42(4): a warning runs from the day it is notified, so its last day in force is start + N months − 1 day [V]',
  }),
  final_written_warning_expiry: period(24, 'months', 'R', FROM_2020, {
    label: 'Final written warning in force (can be extended)',
    from: 'the final written warning being given',
    source: '§2.9 sanction durations [R – confirm Home Office text]',
    startRule: 'event_day',
    startRuleSource:
      'Conduct Regs reg 42(4), reg 62(4): runs from notification, last day in force start + N months − 1 day [V]',
  }),
  rprp_pdr_followup: period(12, 'months', 'V', FROM_2020, {
    label: 'Reflective review report discussed at the officer’s PDR',
    from: 'the reflective review development report',
    source: '§2.11 Part 6 reg 70 (Conduct Regs 2020 reg 70)',
    startRule: 'day_after',
    startRuleSource: 'Conduct Regs reg 70 (start wording not retrieved) [R]',
  }),
});
