import type { ActionType } from './rules/allegation-types.ts';

/**
 * The words of each allegation action's form control: the question, the hint and the label of each choice
 * (uk-domain.md §2.4–2.15). Which controls there are, and their choices' values, come from the action's zod
 * schema (allegation-action-form.ts). `message` replaces a schema message that is not written for people.
 */

export type ControlSpec =
  | {
      kind: 'radios';
      legend: string;
      hint?: string;
      labels: Record<string, string | { text: string; hint: string }>;
      none?: string;
      message?: string;
    }
  | { kind: 'yesNo'; legend: string; hint?: string; message?: string }
  | { kind: 'checkbox'; legend: string; text: string; hint?: string }
  | { kind: 'checkboxes'; legend: string; hint?: string; labels: Record<string, string> }
  | { kind: 'date'; legend: string; hint?: string }
  | { kind: 'textarea'; label: string; hint?: string; message?: string }
  | { kind: 'text'; label: string; hint?: string };

const sanctionLabels = {
  written_warning: 'Written warning',
  final_written_warning: 'Final written warning',
  reduction_in_rank: 'Reduction in rank',
  dismissal_without_notice: 'Dismissal without notice',
};

/** The §2.5 mandatory referral grounds, recorded with the referral check. */
const referralCriteria = {
  serious_assault: 'A serious assault',
  serious_sexual_offence: 'A serious sexual offence',
  serious_corruption:
    'Serious corruption, including abuse of position for a sexual purpose or an improper emotional relationship',
  discrimination:
    'A criminal offence or behaviour liable to lead to disciplinary proceedings, aggravated by discriminatory behaviour',
  relevant_offence: 'A relevant offence (sentence fixed by law, or 7 years’ imprisonment or more)',
  same_incident: 'Arising from the same incident as one of these',
  chief_officer: 'Conduct of a chief officer',
  gravity: 'Gravity or exceptional circumstances make referral appropriate',
  death_or_serious_injury: 'A death or serious injury matter',
};

export const CONTROL_SPECS: Record<ActionType, Record<string, ControlSpec>> = {
  assess_severity: {
    severity: {
      kind: 'radios',
      legend: 'If proved, what would the alleged conduct amount to?',
      hint: 'The severity assessment under regulation 14',
      labels: {
        none: { text: 'Neither misconduct nor gross misconduct', hint: 'No further action' },
        pri: { text: 'Practice requiring improvement', hint: 'Dealt with by the reflective practice review process' },
        misconduct: { text: 'Misconduct', hint: 'Investigate; the likely form of proceedings is a misconduct meeting' },
        gross_misconduct: {
          text: 'Gross misconduct',
          hint: 'Investigate; the likely form of proceedings is a misconduct hearing',
        },
        vetting_referral: {
          text: 'Refer to be dealt with under the Vetting Regulations',
          hint: 'Only for matters that came to attention from 28 May 2025',
        },
      },
    },
    rationale: { kind: 'textarea', label: 'Reasons for the assessment' },
    finalWrittenWarningInForce: {
      kind: 'checkbox',
      legend: 'Final written warning',
      text: 'A final written warning is in force for this officer',
    },
    multipleUnconnectedIncidents: {
      kind: 'checkbox',
      legend: 'Unconnected incidents',
      text: 'The alleged misconduct arises from multiple unconnected incidents',
    },
    iopcSpecialDetermination: {
      kind: 'checkbox',
      legend: 'Former officer, Condition C',
      text: 'The IOPC has made a special determination (the officer left more than 12 months before the matter came to attention)',
      hint: 'Regulation 4A: needed before a former officer under Condition C can be assessed for gross misconduct',
    },
  },
  record_referral_check: {
    referable: {
      kind: 'yesNo',
      legend: 'Must the matter be referred to the IOPC?',
      message: 'Say whether the matter must be referred to the IOPC',
    },
    criteria: {
      kind: 'checkboxes',
      legend: 'Grounds for referral',
      hint: 'Select all that apply',
      labels: referralCriteria,
    },
    rationale: { kind: 'textarea', label: 'Reasons (optional)' },
  },
  record_iopc_mode: {
    mode: {
      kind: 'radios',
      legend: 'What did the IOPC decide?',
      labels: {
        local: 'Local investigation by the appropriate authority',
        directed: 'Directed investigation (the appropriate authority investigates under IOPC direction)',
        independent: 'Independent investigation by the IOPC',
        returned: 'Returned to the appropriate authority to deal with',
      },
    },
  },
  serve_reg17_notice: {
    servedOn: {
      kind: 'date',
      legend: 'Date the notice was given to the officer (optional)',
      hint: 'For example, 27 3 2026',
    },
  },
  start_investigation: { plan: { kind: 'textarea', label: 'Investigation plan or terms of reference (optional)' } },
  submit_report: { summary: { kind: 'textarea', label: 'Summary of the investigation report' } },
  decide_case_to_answer: {
    outcome: {
      kind: 'radios',
      legend: 'Is there a case to answer?',
      hint: 'Regulation 23',
      labels: {
        no_case: 'No case to answer',
        misconduct: 'Case to answer for misconduct',
        gross_misconduct: 'Case to answer for gross misconduct',
      },
    },
    rationale: { kind: 'textarea', label: 'Reasons for the decision' },
  },
  refer_to_rprp: {},
  complete_rprp: { report: { kind: 'textarea', label: 'Summary of the reflective review development report' } },
  schedule_meeting: { date: { kind: 'date', legend: 'Date of the misconduct meeting' } },
  schedule_hearing: {
    date: { kind: 'date', legend: 'Date of the misconduct hearing' },
    inPublic: {
      kind: 'checkbox',
      legend: 'Public hearing',
      text: 'The hearing is held in public',
      hint: 'Hearings are in public unless the chair decides otherwise',
    },
    panel: {
      kind: 'text',
      label: 'Panel (optional)',
      hint: 'The chair, the independent members and the legally qualified person',
    },
    fullHearingReason: {
      kind: 'radios',
      legend: 'Why a full hearing for a former officer? (if it applies)',
      hint: 'From 28 May 2025 a former officer’s gross misconduct goes to an accelerated hearing unless one of these applies',
      none: 'Does not apply',
      labels: {
        officer_opted_for_full_hearing: 'The officer opted for a full hearing',
        authority_decided_full_hearing_needed: 'The appropriate authority decided a full hearing is needed',
      },
    },
  },
  schedule_accelerated_hearing: {
    date: { kind: 'date', legend: 'Date of the accelerated hearing' },
    specialConditionsCertified: {
      kind: 'checkbox',
      legend: 'Special conditions',
      text: 'The special conditions are certified',
      hint: 'Written evidence establishes gross misconduct on the balance of probabilities, and it is in the public interest that the officer leaves without delay',
    },
  },
  withdraw: {
    route: {
      kind: 'radios',
      legend: 'What happens instead of the proceedings?',
      hint: 'Regulation 27',
      message: 'Choose what happens instead of the proceedings',
      labels: {
        no_further_action: 'No further action',
        rprp: 'Reflective practice review process',
        performance_regulations: 'Refer to the Performance Regulations',
      },
    },
    rationale: {
      kind: 'textarea',
      label: 'Reasons for withdrawing',
      message: 'Give the reasons for withdrawing in at least 10 characters',
    },
  },
  record_finding: {
    finding: {
      kind: 'radios',
      legend: 'What did the proceedings find?',
      labels: {
        not_proven: 'Neither misconduct nor gross misconduct proven',
        misconduct: 'Misconduct',
        gross_misconduct: 'Gross misconduct',
      },
    },
    acceleratedOutcome: {
      kind: 'radios',
      legend: 'Accelerated hearing only: if gross misconduct was not found, what did the hearing do?',
      hint: 'Regulation 62(8): an accelerated hearing records no misconduct finding; it dismisses the case or returns it',
      none: 'Does not apply',
      labels: {
        dismiss_case: 'Dismissed the case',
        return_to_authority: 'Returned the case to the appropriate authority (Part 4)',
      },
    },
    admitted: {
      kind: 'checkbox',
      legend: 'Admission',
      text: 'The officer admitted the conduct',
      hint: 'Regulation 45: after an admission an appeal is against the sanction only, not the finding',
    },
  },
  record_sanction: {
    sanction: { kind: 'radios', legend: 'What sanction was imposed?', labels: sanctionLabels },
    exceptionalCircumstances: {
      kind: 'textarea',
      label: 'Exceptional circumstances (if it applies)',
      hint: 'Where gross misconduct was found and the sanction is less than dismissal, say what the exceptional circumstances are',
    },
    finalWrittenWarningYears: {
      kind: 'text',
      label: 'Final written warning only: years in force (2 to 5)',
      hint: 'Regulation 62(4): 2 years unless the panel set a longer period, up to 5 years. Leave blank for 2 years',
    },
  },
  lodge_appeal: {
    grounds: {
      kind: 'textarea',
      label: 'Grounds of appeal',
      hint: 'Unreasonable finding or sanction, new evidence, or a serious breach of procedure or other unfairness',
    },
  },
  decide_appeal: {
    outcome: {
      kind: 'radios',
      legend: 'What was the outcome of the appeal?',
      message: 'Choose the outcome of the appeal',
      labels: {
        dismissed: 'Appeal dismissed',
        finding_overturned: 'Finding overturned',
        sanction_varied: 'Sanction varied',
      },
    },
    sanction: {
      kind: 'radios',
      legend: 'Substituted sanction (if the sanction was varied)',
      none: 'Does not apply',
      labels: sanctionLabels,
    },
  },
  close: {
    route: {
      kind: 'radios',
      legend: 'How is the allegation closed?',
      none: 'Closed with no further step',
      labels: {
        no_further_action: 'No further action',
        performance_regulations: 'Refer to the Performance Regulations',
      },
    },
  },
};
