import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/kernel/config/config.ts';
import type { Deps } from '../../src/kernel/deps.ts';
import { buildServer } from '../../src/app/server.ts';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase } from './test-database.ts';

export type TestApp = { app: FastifyInstance; deps: Deps; database: Database; close: () => Promise<void> };

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({
      PROBITY_DATA_DIR: 'memory://',
      LOG_LEVEL: 'silent',
      PROBITY_SIGNIN_RATE_PER_MINUTE: '1000',
      // A fixed test key for the anonymous reporting channel (features/reporting), never a real one.
      PROBITY_REPORTING_KEY: Buffer.alloc(32, 7).toString('base64'),
    }),
    ...overrides,
  };
}

/** The real server on a fresh test database, driven through fastify.inject (no socket). */
export async function createTestApp(
  overrides: Partial<Config> = {},
  now: () => Date = () => new Date(),
): Promise<TestApp> {
  const database = await createTestDatabase();
  const deps: Deps = { db: database.db, config: testConfig(overrides), now };
  const app = await buildServer(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A browser-like client: keeps cookies, and posts forms with the CSRF token of the page they came from. */
export class TestClient {
  private cookies = new Map<string, string>();

  /** `address`: the client address the server sees (default 127.0.0.1). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly address?: string,
  ) {}

  setCookie(name: string, value: string): this {
    this.cookies.set(name, value);
    return this;
  }

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        headers: { cookie: this.cookieHeader() },
        ...(this.address ? { remoteAddress: this.address } : {}),
      }),
    );
  }

  /** Posts a form as the page at `formPage` would (taking its CSRF token), or with `csrf: false` without one. */
  async post(
    url: string,
    body: Record<string, string>,
    options: { formPage?: string; csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const fields = { ...body };
    if (options.csrf !== false) {
      const page = await this.get(options.formPage ?? '/sign-in');
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
      if (!token) throw new Error(`no CSRF token on ${options.formPage ?? '/sign-in'} (status ${page.statusCode})`);
      fields['_csrf'] = token;
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
        ...(this.address ? { remoteAddress: this.address } : {}),
      }),
    );
  }
}

/**
 * The CSRF cookie and token of a page opened in this session (without one: the sign-in page). A token is
 * good only in the session it was made for (src/app/plugins/security.ts), so each session takes its own.
 */
export async function csrfPairFor(
  app: FastifyInstance,
  session?: string,
): Promise<{ cookie: string; secret: string; token: string }> {
  const page = await app.inject({
    method: 'GET',
    url: session ? '/account' : '/sign-in',
    headers: session ? { cookie: `probity_session=${session}` } : {},
  });
  const secret = page.cookies.find((c) => c.name === 'probity_csrf')?.value;
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!secret || !token) throw new Error(`no CSRF token for this session (status ${page.statusCode})`);
  return { cookie: `probity_csrf=${secret}`, secret, token };
}

export async function api(
  app: FastifyInstance,
  method: 'GET' | 'POST',
  url: string,
  token?: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body !== undefined ? { payload: body as Record<string, unknown> } : {}),
  });
}

/** Shapes of API answers the tests read. */
export type ApiError = { error: { code: string; message: string; requestId: string; fields?: Record<string, string> } };
export type PeopleList = {
  total: number;
  page: number;
  pageCount: number;
  items: {
    id: string;
    givenName: string;
    familyName: string;
    currentNumbers: string | null;
    matchedNumber: { value: string; validTo: string | null } | null;
  }[];
};
export type PersonDetail = {
  id: string;
  protectedCharacteristics: Record<string, string | null> | null;
  identifiers: { value: string; kind: string }[];
  mergedRecords: { id: string; givenName: string; familyName: string }[];
};
