import { describe, expect, it } from 'vitest';
import { mappedRole, providerAssertedMfa, stringClaim } from './oidc-claims.ts';

const MFA = ['mfa', 'otp', 'hwk', 'sc', 'fido'];

describe('multi-factor authentication asserted by the provider (amr)', () => {
  it('counts a configured value, whatever its case, among others', () => {
    expect(providerAssertedMfa(['pwd', 'mfa'], MFA)).toBe(true);
    expect(providerAssertedMfa(['HWK'], MFA)).toBe(true);
    expect(providerAssertedMfa(['pwd', 'otp'], MFA)).toBe(true);
  });

  it('does not count a password alone, an empty or missing amr, or a value that is not a list', () => {
    expect(providerAssertedMfa(['pwd'], MFA)).toBe(false);
    expect(providerAssertedMfa([], MFA)).toBe(false);
    expect(providerAssertedMfa(undefined, MFA)).toBe(false);
    expect(providerAssertedMfa('mfa', MFA)).toBe(false);
    expect(providerAssertedMfa([{ mfa: true }], MFA)).toBe(false);
  });

  it('follows the configuration: with only "mfa" configured, "otp" is a single factor', () => {
    expect(providerAssertedMfa(['otp'], ['mfa'])).toBe(false);
  });
});

describe('group claim to role', () => {
  const mapping = [
    ['g-aa', 'appropriate_authority'],
    ['g-psd', 'psd_investigator'],
  ] as const;

  it('takes the first configured group the user holds', () => {
    expect(mappedRole(['g-psd', 'g-aa'], mapping)).toBe('appropriate_authority');
    expect(mappedRole(['other', 'g-psd'], mapping)).toBe('psd_investigator');
  });

  it('maps nothing without a mapping, without a matching group or without a list', () => {
    expect(mappedRole(['g-aa'], [])).toBeNull();
    expect(mappedRole(['other'], mapping)).toBeNull();
    expect(mappedRole('g-aa', mapping)).toBeNull();
  });
});

describe('string claims', () => {
  it('reads a trimmed non-empty string and nothing else', () => {
    expect(stringClaim({ email: ' a@b.example ' }, 'email')).toBe('a@b.example');
    expect(stringClaim({ email: '' }, 'email')).toBeNull();
    expect(stringClaim({ email: 3 }, 'email')).toBeNull();
    expect(stringClaim({}, 'email')).toBeNull();
  });
});
