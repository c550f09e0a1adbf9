import type { Role } from '../../kernel/access/roles.ts';

/**
 * Pure readings of an ID token's claims for single sign-on (docs/sso.md). The token itself has been checked
 * by openid-client (signature, issuer, audience, expiry, nonce) before any of these is asked.
 */

/**
 * Whether the provider asserts multi-factor authentication: one of the configured `amr` values (RFC 8176
 * Authentication Method Reference Values, e.g. 'mfa', 'otp', 'hwk') is present. Anything else, or no `amr`
 * at all, counts as a single factor and Probity asks for its own second factor.
 */
export function providerAssertedMfa(amr: unknown, mfaValues: readonly string[]): boolean {
  if (!Array.isArray(amr)) return false;
  const wanted = new Set(mfaValues.map((v) => v.toLowerCase()));
  return amr.some((v) => typeof v === 'string' && wanted.has(v.toLowerCase()));
}

/** A claim as a non-empty string, or null (claims are JSON: anything else is ignored). */
export function stringClaim(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The role the group claim maps to, or null when no mapping applies (roles then stay as Probity has them).
 * The mapping is ordered: the first configured group the user holds decides, so list the stronger roles first.
 */
export function mappedRole(groups: unknown, mapping: readonly (readonly [string, Role])[]): Role | null {
  if (mapping.length === 0 || !Array.isArray(groups)) return null;
  const held = new Set(groups.filter((g): g is string => typeof g === 'string'));
  for (const [group, role] of mapping) if (held.has(group)) return role;
  return null;
}
