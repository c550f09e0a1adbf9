import { caseSources, caseTypes } from '../../db/schema/index.ts';

/**
 * The words for each choice of the case forms (uk-domain.md §2.4–2.15). The form helpers every page uses
 * (the date pattern, field errors, the error summary) are in src/kernel/forms.ts; the controls of the allegation
 * actions are in allegation-action-form.ts.
 */

export const sourceLabels: Record<(typeof caseSources)[number], string> = {
  internal_report: 'Internal report (a colleague or supervisor)',
  public_complaint: 'Public complaint',
  anonymous_report: 'Anonymous report (for example the integrity line or Crimestoppers)',
  criminal_investigation: 'Criminal investigation',
  vetting: 'Vetting review',
  data_check: 'Data check (for example a PND data wash)',
  other: 'Other',
};

export const caseTypeLabels: Record<(typeof caseTypes)[number], { text: string; hint: string }> = {
  conduct_matter: {
    text: 'Conduct matter',
    hint: 'An allegation about conduct that did not come from a public complaint',
  },
  recordable_conduct_matter: {
    text: 'Recordable conduct matter',
    hint: 'Recorded under Schedule 3 of the Police Reform Act 2002 and considered for mandatory referral to the IOPC',
  },
  complaint_special_procedures: {
    text: 'Complaint subject to special procedures',
    hint: 'A public complaint indicating a criminal offence or behaviour that would justify disciplinary proceedings',
  },
};

export const howLeftLabels = { resigned: 'Resigned', retired: 'Retired', other: 'Left in another way' } as const;
