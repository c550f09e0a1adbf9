import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider inside the tests (the `oidc-provider` package) on a random port, with one
 * confidential client whose redirect URI is Probity's. Its sign-in page is a tiny form (GET/POST
 * /interaction/:uid): the user name is the account's `sub`, and a "second factor" box makes the provider
 * assert multi-factor authentication (`amr` ['pwd', 'mfa'] instead of ['pwd']). Consent is granted with the
 * sign-in, as an organisation's provider does for an application its administrator registered.
 */
export type TestAccount = { email?: string; groups?: string[] };

export async function startOidcTestProvider(options: {
  redirectUri: string;
  clientId?: string;
  clientSecret?: string;
}) {
  const clientId = options.clientId ?? 'probity-test';
  const clientSecret = options.clientSecret ?? 'a-test-client-secret-of-some-length';
  const accounts = new Map<string, TestAccount>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    // Claims of the requested scopes go into the ID token itself (Entra ID does the same for email).
    conformIdTokenClaims: false,
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      iss: null,
      sid: null,
      // amr in the openid scope: the provider states it in every ID token, as Entra ID does.
      openid: ['sub', 'groups', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    findAccount: (_ctx: unknown, sub: string) => {
      const account = accounts.get(sub);
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...(account?.email ? { email: account.email, email_verified: true } : {}),
          ...(account?.groups ? { groups: account.groups } : {}),
        }),
      };
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // The provider's own sign-out pages, plain (the package's defaults fetch a web font).
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><html lang="en"><head><title>Test provider: sign out</title></head><body><main>
<h1>Sign out of the test organisation?</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button></main></body></html>`;
        },
        postLogoutSuccessSource: (ctx: { body: string }) => {
          ctx.body = `<!doctype html><html lang="en"><head><title>Test provider: signed out</title></head><body><main>
<h1>You have signed out of the test organisation</h1></main></body></html>`;
        },
      },
    },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    pkce: { required: () => true },
  });
  const callback = provider.callback();

  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(req.url ?? '');
    if (!match) return callback(req, res);
    void interaction(req, res).catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  });

  async function interaction(req: IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="en"><head><title>Test provider: sign in</title></head><body><main>
<h1>Test organisation sign-in</h1>
<form method="post" action="/interaction/${details.uid}">
<label for="login">User name</label> <input id="login" name="login" autocomplete="off">
<label><input type="checkbox" name="mfa" value="1"> I used my second factor</label>
<button type="submit">Sign in at the provider</button>
</form></main></body></html>`);
      return;
    }
    const body = new URLSearchParams(await readBody(req));
    const accountId = body.get('login') ?? '';
    const grant = new provider.Grant({ accountId, clientId: details.params['client_id'] ?? clientId });
    grant.addOIDCScope(details.params['scope'] ?? 'openid');
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, {
      login: { accountId, amr: body.get('mfa') === '1' ? ['pwd', 'mfa'] : ['pwd'] },
      consent: { grantId },
    });
  }

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    /**
     * Drives the provider as a browser would, from Probity's authorization URL to the redirect back to
     * Probity: the provider's sign-in form is submitted as `sub` (with or without the second factor).
     * Returns the callback's path and query, to be requested from Probity.
     */
    async signIn(authorizationUrl: string, sub: string, mfa: boolean): Promise<string> {
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const res = await fetch(url, {
          ...init,
          redirect: 'manual',
          headers: {
            ...(init.headers as Record<string, string>),
            cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          },
        });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const at = pair?.indexOf('=') ?? -1;
          if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
        return res;
      };
      let res = await send(authorizationUrl);
      let location = res.headers.get('location');
      if (!location)
        throw new Error(`provider answered ${res.status} to the authorization request: ${await res.text()}`);
      const form = new URL(location, issuer).href;
      await send(form);
      res = await send(form, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: sub, ...(mfa ? { mfa: '1' } : {}) }).toString(),
      });
      // Back to the authorization endpoint (resume), then to Probity's redirect URI.
      for (let hops = 0; hops < 5; hops++) {
        location = res.headers.get('location');
        if (!location) throw new Error(`provider answered ${res.status}: ${await res.text()}`);
        const next = new URL(location, issuer);
        if (next.href.startsWith(options.redirectUri)) return `${next.pathname}${next.search}`;
        res = await send(next.href);
      }
      throw new Error('the provider never sent the browser back to Probity');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
