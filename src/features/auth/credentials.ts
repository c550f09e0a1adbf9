import { hash, verify } from '@node-rs/argon2';
import { generate, generateSecret, generateURI, verify as verifyTotp } from 'otplib';

/**
 * argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1: the OWASP baseline).
 * @node-rs/argon2 ships prebuilt binaries in its npm package, so nothing is compiled on install.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hash('probity-decoy-password');
  return decoyHash;
}

export function newTotpSecret(): string {
  return generateSecret();
}

/** Accepts the current 30-second code and the one either side of it, for clock drift. */
/**
 * The time step of the code if it is right (within 30 seconds either way) and later than `afterStep`, the
 * step of the last code this account used; null otherwise. A code is accepted once (RFC 6238 §5.2).
 */
export async function totpCodeStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verifyTotp({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code of now, or of a later time step (`stepsAhead`, within the accepted window only 1), for tests and demos. */
export function currentTotpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: 'Probity', label: email, secret });
}

export const PASSWORD_MIN_LENGTH = 12;

/** Returns a reason the password is not acceptable, or null. Length matters more than composition (NCSC). */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Enter a password of at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > 256) return 'Enter a password of 256 characters or fewer';
  if (password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() ?? email))
    return 'Your password must not contain your email name';
  return null;
}
