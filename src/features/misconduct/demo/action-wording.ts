import type { Severity } from '../rules/allegation-types.ts';

// The words of each action's details. Fictional, picked at random, so a demo timeline reads like a real one.

export const RATIONALE: Record<Severity, string[]> = {
  none: [
    'The account and the available footage show no breach of the standards of professional behaviour',
    'On the evidence available the conduct, even if proven, would not amount to misconduct',
  ],
  pri: [
    'The conduct fell short of expected practice but would not justify disciplinary proceedings; suitable for reflective practice',
    'A learning matter for the officer and supervisor rather than misconduct',
  ],
  misconduct: [
    'If proven, the conduct would breach the standards of professional behaviour and justify at least a written warning',
    'A breach of the standards that would, if proven, justify disciplinary action',
  ],
  gross_misconduct: [
    'If proven, the conduct would be so serious that dismissal would be justified',
    'The seriousness of the alleged conduct and its effect on public confidence would, if proven, justify dismissal',
  ],
  vetting_referral: [
    'The concerns go to the person’s suitability to hold vetting clearance; referred to the vetting process',
  ],
};
export const REFERRAL_YES = [
  'Meets the mandatory referral criteria: referred to the IOPC',
  'Referred to the IOPC given the nature of the allegation',
];
export const REFERRAL_NO = ['Does not meet the mandatory referral criteria and nothing calls for a voluntary referral'];
export const PLANS = [
  'Obtain body-worn video and call recordings, take witness statements and interview the subject under misconduct caution',
  'Secure the system audit logs and duty records, then interview the subject under misconduct caution',
  'Agree disclosure with the criminal investigation team, then interview the subject under misconduct caution',
];
export const REPORTS = [
  'Investigation complete: witness statements taken, footage reviewed and the subject interviewed under misconduct caution',
  'Report submitted with the audit trail of system access and the subject’s prepared statement',
  'Investigation report submitted; the subject answered no comment in interview and gave a written account',
];
export const CTA_RATIONALE: Record<'no_case' | 'misconduct' | 'gross_misconduct', string[]> = {
  no_case: [
    'A panel properly directed could not reasonably find the conduct proven on the evidence gathered',
    'The evidence does not support the allegation',
  ],
  misconduct: ['There is sufficient evidence on which a panel could find misconduct proven'],
  gross_misconduct: ['There is sufficient evidence on which a panel could find gross misconduct proven'],
};
export const RPRP_REPORTS = [
  'Reflective review held with the line manager; learning identified and a development action agreed',
  'The officer reflected on the incident with their supervisor and the learning was recorded',
];
export const WITHDRAW_RATIONALE = [
  'A key witness withdrew support and the remaining evidence no longer supports the proceedings',
  'New evidence after referral shows the allegation cannot be proven',
];
export const EXCEPTIONAL = [
  'Long unblemished service, early admission and strong personal mitigation accepted as exceptional',
  'The panel found exceptional circumstances in the officer’s health at the time of the conduct',
];
export const GROUNDS = [
  'The sanction imposed was unreasonable given the officer’s record',
  'New evidence has come to light that could have affected the finding',
  'A breach of procedure could have materially affected the finding',
];
