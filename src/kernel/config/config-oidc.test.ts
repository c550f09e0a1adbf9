import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = { PROBITY_DATA_DIR: 'memory://', PUBLIC_URL: 'https://probity.west.example/' };
const sso = {
  ...base,
  PROBITY_OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
  PROBITY_OIDC_CLIENT_ID: 'client',
  PROBITY_OIDC_CLIENT_SECRET: 'secret',
};

describe('single sign-on settings', () => {
  it('are off without an issuer', () => {
    expect(loadConfig(base).oidc).toBeNull();
  });

  it('derive the redirect URI from the public URL and keep safe defaults', () => {
    expect(loadConfig(sso).oidc).toMatchObject({
      redirectUri: 'https://probity.west.example/sign-in/oidc/callback',
      matchEmail: false,
      localSignIn: true,
      mfaAmr: ['mfa', 'otp', 'hwk', 'sc', 'fido'],
      groupRoles: [],
      label: 'Sign in with your organisation',
    });
  });

  it('read the group → role mapping in its order', () => {
    const oidc = loadConfig({
      ...sso,
      PROBITY_OIDC_GROUP_ROLES: '{"g-aa": "appropriate_authority", "g-psd": "psd_investigator"}',
    }).oidc;
    expect(oidc?.groupRoles).toEqual([
      ['g-aa', 'appropriate_authority'],
      ['g-psd', 'psd_investigator'],
    ]);
  });

  it('stop start-up naming the problem: no client, a role that does not exist, a mapping that is not JSON', () => {
    expect(() => loadConfig({ ...base, PROBITY_OIDC_ISSUER: sso.PROBITY_OIDC_ISSUER })).toThrow(
      /PROBITY_OIDC_CLIENT_ID: required with PROBITY_OIDC_ISSUER/,
    );
    expect(() => loadConfig({ ...sso, PROBITY_OIDC_GROUP_ROLES: '{"g": "superuser"}' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...sso, PROBITY_OIDC_GROUP_ROLES: 'g=aa' })).toThrow(/PROBITY_OIDC_GROUP_ROLES/);
  });
});
