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
] as const;

export type Ability = (typeof abilities)[number];

const abilitiesByRole: Record<Role, readonly Ability[]> = {
  psd_investigator: ['person.search', 'person.read', 'case.read', 'case.create', 'allegation.progress'],
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
  ],
  vetting_officer: ['person.search', 'person.read', 'person.readProtected'],
  complaints_handler: ['person.search', 'person.read'],
  chief_officer: [],
  pcc_oversight: [],
  public: [],
  officer: [],
  administrator: ['person.search', 'person.read', 'person.merge', 'user.manage', 'audit.read'],
  auditor: ['person.search', 'person.read', 'audit.read'],
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
