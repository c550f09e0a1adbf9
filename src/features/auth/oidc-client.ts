import { createHmac, timingSafeEqual } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../../kernel/config/config.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * The OpenID Connect relying party (openid-client, docs/decisions/0006-openid-connect.md): the provider's
 * metadata found once by discovery, the authorization request with PKCE, state and nonce, and the end-session
 * URL. What a sign-in carries between the two legs lives in a short-lived cookie signed with the client
 * secret, so nothing is written before the provider has answered.
 */

const configurations = new Map<string, Promise<client.Configuration>>();

/** The provider's configuration by discovery, once per process; a failed discovery is tried again next time. */
export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = `${oidc.issuer}|${oidc.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(oidc.issuer);
    // Plain HTTP only for a provider on this machine (tests, development); a real provider is HTTPS.
    const local = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
    found = client.discovery(issuer, oidc.clientId, oidc.clientSecret, undefined, {
      timeout: 10,
      ...(local ? { execute: [client.allowInsecureRequests] } : {}),
    });
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found.catch((err: unknown) => {
    throw new AppError('unavailable', `The single sign-on provider cannot be reached (${(err as Error).message}).`);
  });
}

/** What the callback must find again: the checks of this sign-in and where to go afterwards. */
export type OidcTransaction = { state: string; nonce: string; verifier: string; next: string; startedAt: number };

export const OIDC_COOKIE = 'probity_oidc';
/** How long a sign-in at the provider may take before Probity asks to start again. */
export const OIDC_TRANSACTION_MINUTES = 10;

/** The authorization request (code flow with PKCE S256) and the transaction to keep in the cookie. */
export async function authorizationRequest(
  oidc: OidcConfig,
  next: string,
  now: Date,
): Promise<{ url: URL; transaction: OidcTransaction }> {
  const config = await providerConfiguration(oidc);
  const verifier = client.randomPKCECodeVerifier();
  const transaction: OidcTransaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier,
    next,
    startedAt: now.getTime(),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: transaction.state,
    nonce: transaction.nonce,
  });
  return { url, transaction };
}

/**
 * The authorization response at the callback, exchanged for tokens: openid-client checks the state, the
 * PKCE verifier, the `iss` parameter, the ID token's signature, issuer, audience, expiry and nonce. Any
 * failure throws.
 */
export async function exchangeCode(oidc: OidcConfig, query: string, transaction: OidcTransaction) {
  const config = await providerConfiguration(oidc);
  const current = new URL(oidc.redirectUri);
  current.search = query;
  const tokens = await client.authorizationCodeGrant(config, current, {
    pkceCodeVerifier: transaction.verifier,
    expectedState: transaction.state,
    expectedNonce: transaction.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('the provider returned no ID token');
  return claims as Record<string, unknown> & { sub: string };
}

/** The provider's end-session URL (RP-initiated logout), or null when it publishes none. */
export async function endSessionUrl(oidc: OidcConfig): Promise<string | null> {
  try {
    const config = await providerConfiguration(oidc);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, { client_id: oidc.clientId }).href;
  } catch {
    return null;
  }
}

function mac(oidc: OidcConfig, payload: string): string {
  return createHmac('sha256', `probity-oidc-transaction:${oidc.clientSecret}`).update(payload).digest('base64url');
}

export function sealTransaction(oidc: OidcConfig, transaction: OidcTransaction): string {
  const payload = Buffer.from(JSON.stringify(transaction), 'utf8').toString('base64url');
  return `${payload}.${mac(oidc, payload)}`;
}

/** The transaction of a cookie this server sealed, or null for a missing, altered or malformed one. */
export function openTransaction(oidc: OidcConfig, sealed: string | undefined): OidcTransaction | null {
  if (!sealed) return null;
  const [payload, tag, extra] = sealed.split('.');
  if (!payload || !tag || extra !== undefined) return null;
  const expected = Buffer.from(mac(oidc, payload));
  const given = Buffer.from(tag);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const t = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<OidcTransaction>;
    if (
      typeof t.state !== 'string' ||
      typeof t.nonce !== 'string' ||
      typeof t.verifier !== 'string' ||
      typeof t.next !== 'string' ||
      typeof t.startedAt !== 'number'
    )
      return null;
    return t as OidcTransaction;
  } catch {
    return null;
  }
}
