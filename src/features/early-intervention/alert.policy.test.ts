import { describe, expect, it } from 'vitest';
import type { Principal } from '../../kernel/access/principal.ts';
import { roles, type Role } from '../../kernel/access/roles.ts';
import { alertPolicy } from './alert.policy.ts';

const principal = (role: Role): Principal => ({
  userId: 'u',
  forceId: 'west',
  role,
  email: 'u@west.example',
  displayName: 'U',
  personId: null,
});

/** Who may read alerts at all; which alerts (and whether the force lets supervisors in) is ei-scope.ts. */
describe('the alert policy', () => {
  it('gives the force’s alerts to the appropriate authority only', () => {
    expect(roles.filter((r) => alertPolicy.read(principal(r)))).toEqual(['appropriate_authority']);
  });

  it('lets every workforce role be a supervisor, and none of the roles outside the workforce', () => {
    const supervisors = roles.filter((r) => alertPolicy.readOwnUnits(principal(r)));
    expect(supervisors).toEqual([
      'psd_investigator',
      'appropriate_authority',
      'vetting_officer',
      'complaints_handler',
      'chief_officer',
      'officer',
    ]);
    expect(roles.filter((r) => alertPolicy.readAny(principal(r)))).toEqual(supervisors);
    expect(alertPolicy.readAny(null)).toBe(false);
  });
});
