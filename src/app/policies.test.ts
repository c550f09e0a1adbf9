import { describe, expect, it } from 'vitest';
import { userPolicy } from '../features/admin/user.policy.ts';
import { casePolicy } from '../features/misconduct/case.policy.ts';
import { dipSamplePolicy } from '../features/oversight/dip-sample.policy.ts';
import { deadlinesPolicy } from '../features/deadlines/deadlines.policy.ts';
import type { Principal } from '../kernel/access/principal.ts';
import { roles, type Role } from '../kernel/access/roles.ts';

const principal = (role: Role): Principal => ({
  userId: 'u',
  forceId: 'west',
  role,
  email: 'u@west.example',
  displayName: 'U',
  personId: null,
});

/** The policy modules answer from abilities, never from a role's name: each role's answers, pinned. */
describe('policy modules', () => {
  it('lets only the administrator manage accounts; every other role is refused', () => {
    for (const role of roles) expect(userPolicy.manage(principal(role)), role).toBe(role === 'administrator');
    expect(userPolicy.manage(null)).toBe(false);
  });

  it('names on a restricted case only active accounts of roles that read cases', () => {
    const nameable = roles.filter((role) => casePolicy.mayBeNamed({ role, status: 'active' }));
    expect(nameable).toEqual(['psd_investigator', 'appropriate_authority']);
    expect(casePolicy.mayBeNamed({ role: 'psd_investigator', status: 'disabled' })).toBe(false);
    expect(casePolicy.mayBeNamed({ role: 'no_such_role', status: 'active' })).toBe(false);
  });

  it('lets only active accounts that progress allegations lead an investigation', () => {
    expect(roles.filter((role) => casePolicy.mayLead({ role, status: 'active' }))).toEqual([
      'psd_investigator',
      'appropriate_authority',
    ]);
    expect(casePolicy.mayLead({ role: 'psd_investigator', status: 'pending' })).toBe(false);
  });

  it('grants dip samples only to active oversight users who cannot read cases otherwise', () => {
    const grantees = roles.filter((role) => dipSamplePolicy.mayBeGrantee({ role, status: 'active' }));
    expect(grantees).toEqual(['chief_officer', 'pcc_oversight']);
    expect(dipSamplePolicy.mayBeGrantee({ role: 'pcc_oversight', status: 'disabled' })).toBe(false);
    expect(dipSamplePolicy.grant(principal('appropriate_authority'))).toBe(true);
    expect(dipSamplePolicy.grant(principal('pcc_oversight'))).toBe(false);
  });

  it("answers the case page's questions from the case's state", () => {
    const aa = principal('appropriate_authority');
    expect(casePolicy.on(aa, { status: 'open' })).toMatchObject({
      allocate: true,
      correct: true,
      removeSubjects: true,
    });
    expect(casePolicy.on(aa, { status: 'closed' })).toMatchObject({ correct: false, removeSubjects: false });
    expect(casePolicy.on(principal('psd_investigator'), { status: 'open' })).toMatchObject({
      allocate: false,
      correct: true,
      removeSubjects: false,
    });
  });

  it('gives the deadline lists to whoever reads some owner kind of the clock store, and to nobody else', () => {
    expect(roles.filter((role) => deadlinesPolicy.list(principal(role)))).toEqual([
      'psd_investigator',
      'appropriate_authority',
      'vetting_officer',
      'complaints_handler',
      // The PCC office handles complaints about the chief officer (its own complaints' clocks).
      'pcc_oversight',
      'confidential_unit',
    ]);
    expect(deadlinesPolicy.list(null)).toBe(false);
    expect(roles.filter((role) => deadlinesPolicy.offerForceList(principal(role)))).toEqual([
      'appropriate_authority',
      'confidential_unit',
    ]);
    expect(deadlinesPolicy.readerAbility(principal('confidential_unit'))).toBe('report.read');
    expect(deadlinesPolicy.readerAbility(principal('administrator'))).toBe('case.read');
  });
});
