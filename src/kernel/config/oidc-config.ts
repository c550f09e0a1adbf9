import { z } from 'zod';
import { roles, type Role } from '../access/roles.ts';
import { ConfigError } from './config-error.ts';
import type { OidcConfig } from './config-types.ts';
import type { Env } from './env-schema.ts';

export function loadOidc(e: Env, publicUrl: string): OidcConfig | null {
  if (!e.PROBITY_OIDC_ISSUER) return null;
  const missing = (['PROBITY_OIDC_CLIENT_ID', 'PROBITY_OIDC_CLIENT_SECRET'] as const).filter((k) => !e[k]);
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration:\n${missing.map((k) => `  ${k}: required with PROBITY_OIDC_ISSUER`).join('\n')}`,
    );
  return {
    issuer: e.PROBITY_OIDC_ISSUER,
    clientId: e.PROBITY_OIDC_CLIENT_ID ?? '',
    clientSecret: e.PROBITY_OIDC_CLIENT_SECRET ?? '',
    redirectUri: `${publicUrl}/sign-in/oidc/callback`,
    matchEmail: e.PROBITY_OIDC_MATCH_EMAIL === '1',
    emailClaim: e.PROBITY_OIDC_EMAIL_CLAIM,
    localSignIn: e.PROBITY_OIDC_LOCAL_SIGN_IN === '1',
    mfaAmr: e.PROBITY_OIDC_MFA_AMR.split(',')
      .map((v) => v.trim())
      .filter(Boolean),
    groupsClaim: e.PROBITY_OIDC_GROUPS_CLAIM,
    groupRoles: parseGroupRoles(e.PROBITY_OIDC_GROUP_ROLES),
    label: e.PROBITY_OIDC_LABEL,
  };
}

const groupRolesSchema = z.record(z.string().min(1), z.enum(roles));

/** PROBITY_OIDC_GROUP_ROLES: {"<group id>": "<role>", …}; a bad value stops start-up naming the problem. */
function parseGroupRoles(raw: string | undefined): [string, Role][] {
  if (!raw?.trim()) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError(
      'Invalid configuration:\n  PROBITY_OIDC_GROUP_ROLES: a JSON object such as {"<group id>": "psd_investigator"}',
    );
  }
  const parsed = groupRolesSchema.safeParse(json);
  if (!parsed.success)
    throw new ConfigError(
      `Invalid configuration:\n  PROBITY_OIDC_GROUP_ROLES: each value must be one of ${roles.join(', ')}`,
    );
  return Object.entries(parsed.data);
}
