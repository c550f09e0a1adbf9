/**
 * The roles of PRODUCT.md. Abilities are declared per role here; resource policies (people.policy.ts,
 * audit.policy.ts …) build on them. A role is never a reason to see a record on its own: need-to-know
 * scoping in the repositories narrows every read further.
 */
export const roles = [
  'psd_investigator',
  'appropriate_authority',
  'vetting_officer',
  'complaints_handler',
  'chief_officer',
  'pcc_oversight',
  'public',
  'officer',
  'administrator',
  'auditor',
  'confidential_unit',
] as const;

export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  psd_investigator: 'PSD case officer / investigator',
  appropriate_authority: 'Appropriate authority',
  vetting_officer: 'Vetting officer',
  complaints_handler: 'Complaints handler',
  chief_officer: 'Chief officer / command team',
  pcc_oversight: 'PCC office (oversight)',
  public: 'Member of the public',
  officer: 'Police officer or staff member (no case access)',
  administrator: 'Administrator',
  auditor: 'Information assurance auditor',
  confidential_unit: 'Confidential reporting unit (counter-corruption)',
};

export const abilities = [
  'person.search',
  'person.read',
  'person.readProtected',
  'person.merge',
  'audit.read',
  'user.manage',
  'case.read',
  'case.readAll',
  'case.create',
  'case.allocate',
  'allegation.progress',
  'allegation.decide',
  // Duty restrictions (suspension and its alternatives): see the restrictions on cases the user may see;
  // impose, review, change and lift them; record the senior rationale that answers the suspension flag.
  'restriction.read',
  'restriction.decide',
  'restriction.seniorRationale',
  // Vetting files are readable by vetting roles only; every read is audited.
  'vetting.read',
  'vetting.decide',
  'vetting.lists',
  // Any member of the workforce with a person record declares their own change of circumstances.
  'vetting.declare',
  // Oversight (the PCC's office and the force's own view): the scrutiny dashboard and statistical returns —
  // aggregates only, small cells suppressed, unless the user may see unsuppressed figures (PSD).
  'oversight.dashboard',
  'oversight.unsuppressed',
  // The recommendation tracker: read; the force's side (owners, actions, evidence, self-assessment);
  // the commissioner's side (reports, verified status, published response); chief-officer sign-off.
  'recommendation.read',
  'recommendation.manage',
  'recommendation.verify',
  'recommendation.signoff',
  // Dip sampling: the appropriate authority grants a named oversight user read access to chosen cases.
  'dipsample.grant',
  // What the force publishes on the public page (hearing notices and outcomes).
  'publication.manage',
  // Anonymous internal reports (features/reporting): a need-to-know of their own. Only the confidential
  // unit holds these — not PSD investigators, the appropriate authority or administrators.
  'report.read',
  'report.manage',
  // The identity custodian: approves (or refuses) another member's request to reveal the identity a reporter
  // gave in confidence (features/reporting/decide-identity-reveal.ts). Never the requester themself.
  'report.custodian',
  // Public complaints under Schedule 3 (features/complaints): see the force's complaints (never one about
  // the user themself), log a complaint, and record the decisions on it (initial handling, referral,
  // handling, outcomes, withdrawal) as the appropriate authority's complaints function.
  'complaint.read',
  /** Review complaints whose review body is the local policing body (the PCC office; C&M Regs 2020 reg 32). */
  'complaint.review',
  'complaint.log',
  'complaint.decide',
  /**
   * Act for the local policing body (the PCC office) as the appropriate authority for complaints about the chief
   * officer (Police Reform Act 2002 s.29 and Sch 3 para 1; Complaints and Misconduct Regs 2020 reg 5): with
   * complaint.read/log/decide, its holder logs and handles those complaints with the same screens, and sees
   * no other complaint of the force (complaints-scope.ts).
   */
  'complaint.localPolicingBody',
  // Early intervention (features/early-intervention): read alerts and their explanations (never one about the
  // user themself); move an alert through assessment; manage rules, plan interventions, close alerts.
  'ei.read',
  'ei.assess',
  'ei.manage',
  // Supervisors: a member of the workforce may read the alerts of people posted to a unit they supervise, and
  // only when their force turns supervisor access on (early-intervention/ei-scope.ts decides which alerts).
  'ei.unitAlerts',
] as const;

export type Ability = (typeof abilities)[number];

const abilitiesByRole: Record<Role, readonly Ability[]> = {
  psd_investigator: [
    'person.search',
    'person.read',
    'case.read',
    'case.create',
    'allegation.progress',
    'restriction.read',
    'vetting.declare',
    'ei.unitAlerts',
  ],
  appropriate_authority: [
    'person.search',
    'person.read',
    'person.readProtected',
    'person.merge',
    'case.read',
    'case.readAll',
    'case.create',
    'case.allocate',
    'allegation.progress',
    'allegation.decide',
    'restriction.read',
    'restriction.decide',
    'restriction.seniorRationale',
    'vetting.declare',
    'ei.unitAlerts',
    'oversight.dashboard',
    'oversight.unsuppressed',
    'recommendation.read',
    'recommendation.manage',
    'dipsample.grant',
    'publication.manage',
    'complaint.read',
    'complaint.log',
    'complaint.decide',
    'ei.read',
    'ei.assess',
    'ei.manage',
  ],
  vetting_officer: [
    'person.search',
    'person.read',
    'person.readProtected',
    'vetting.read',
    'vetting.decide',
    'vetting.lists',
    'vetting.declare',
    'ei.unitAlerts',
  ],
  complaints_handler: [
    'person.search',
    'person.read',
    'vetting.declare',
    'ei.unitAlerts',
    'complaint.read',
    'complaint.log',
    'complaint.decide',
  ],
  chief_officer: [
    'vetting.declare',
    'ei.unitAlerts',
    'oversight.dashboard',
    'recommendation.read',
    'recommendation.manage',
    'recommendation.signoff',
  ],
  pcc_oversight: [
    'oversight.dashboard',
    'recommendation.read',
    'recommendation.verify',
    'complaint.review',
    // The PCC office is the appropriate authority for complaints about the chief officer (and only those).
    'complaint.read',
    'complaint.log',
    'complaint.decide',
    'complaint.localPolicingBody',
  ],
  public: [],
  officer: ['vetting.declare', 'ei.unitAlerts'],
  administrator: ['person.search', 'person.read', 'person.merge', 'user.manage', 'audit.read'],
  auditor: ['person.search', 'person.read', 'audit.read'],
  // case.create: the unit opens a conduct case from a report itself (open-case-from-report.ts), so the
  // appropriate authority never needs to see the report; it reads no case it did not open.
  // report.custodian: every unit member may approve a colleague's request to reveal an identity, never their
  // own; a force that keeps custodians apart grants it to a narrower role here.
  confidential_unit: ['report.read', 'report.manage', 'report.custodian', 'case.create'],
};

/** Every role but the public must use a second factor. */
export function requiresSecondFactor(role: Role): boolean {
  return role !== 'public';
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function roleAbilities(role: Role): readonly Ability[] {
  return abilitiesByRole[role];
}

/** The roles whose abilities include this one (for reads that select accounts by role). */
export function rolesHolding(ability: Ability): Role[] {
  return roles.filter((r) => roleAbilities(r).includes(ability));
}
