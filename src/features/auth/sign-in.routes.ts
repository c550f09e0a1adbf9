import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import type { Deps } from '../../kernel/deps.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { clearSessionCookie, setDeviceCookie, setSessionCookie } from './authentication.ts';
import { cookieNames } from '../../kernel/http/cookie-names.ts';
import { AppError } from '../../kernel/errors.ts';
import { signIn, signInInput } from './sign-in.ts';
import { beginEnrolment, codeInput, confirmEnrolment, verifySecondFactor } from './second-factor.ts';
import { completeSetup, describeSetupToken, setupInput } from './complete-setup.ts';
import { signOut } from './sign-out.ts';
import type { ResolvedSession } from './sessions.ts';
import { errorList, fieldErrorsOf, safeNext } from './form-helpers.ts';
import { beginOidcSignIn, completeOidcSignIn } from './oidc-sign-in.ts';
import { OIDC_COOKIE, OIDC_TRANSACTION_MINUTES, endSessionUrl } from './oidc-client.ts';

type Body = Record<string, string | undefined>;
type Query = { next?: string };

/** Sign-in (password, then second factor), enrolment, one-time set-up links and sign-out: plain HTML forms. */
export function registerSignInPages(app: FastifyInstance, deps: Deps): void {
  const limited = { config: { rateLimit: { max: deps.config.signInRatePerMinute, timeWindow: '1 minute' } } };
  const names = cookieNames(deps.config);
  const clientOf = (request: FastifyRequest) => ({ address: request.ip, deviceToken: request.cookies[names.device] });
  /** A completed sign-in: the new session, and a device token for a browser not yet trusted for the account. */
  const signedIn = (reply: FastifyReply, result: { sessionToken: string; deviceToken: string | null }) => {
    setSessionCookie(reply, deps, result.sessionToken);
    if (result.deviceToken) setDeviceCookie(reply, deps, result.deviceToken);
  };

  /** What the sign-in page shows of single sign-on: the button, and after sign-out the provider's sign-out. */
  const sso = async (signedOut: boolean) => {
    const oidc = deps.config.oidc;
    if (!oidc) return null;
    return {
      label: oidc.label,
      localOff: !oidc.localSignIn,
      endSessionUrl: signedOut ? await endSessionUrl(oidc) : null,
    };
  };

  app.get<{ Querystring: Query & { signedOut?: string } }>('/sign-in', async (request, reply) => {
    if (request.principal) return reply.redirect(safeNext(request.query.next, deps.config.publicUrl), 303);
    const signedOut = request.query.signedOut === '1';
    const flash = signedOut ? 'You have signed out of Probity.' : undefined;
    return reply.page('auth/views/sign-in.njk', {
      pageTitle: 'Sign in',
      next: safeNext(request.query.next, deps.config.publicUrl),
      values: {},
      flash,
      sso: await sso(signedOut),
    });
  });

  // Single sign-on with OpenID Connect (docs/sso.md): both legs are plain redirects, so they work without
  // JavaScript. Without PROBITY_OIDC_ISSUER both answer 404.
  app.get<{ Querystring: Query }>('/sign-in/oidc', limited, async (request, reply) => {
    const { url, sealed } = await beginOidcSignIn(deps, safeNext(request.query.next, deps.config.publicUrl));
    reply.setCookie(OIDC_COOKIE, sealed, {
      path: '/sign-in/oidc',
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
      sameSite: 'lax',
      secure: deps.config.cookieSecure,
      maxAge: OIDC_TRANSACTION_MINUTES * 60,
    });
    return reply.redirect(url, 303);
  });

  app.get('/sign-in/oidc/callback', limited, async (request, reply) => {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    const result = await completeOidcSignIn(deps, { query, sealed: request.cookies[OIDC_COOKIE] }, request.id);
    reply.clearCookie(OIDC_COOKIE, { path: '/sign-in/oidc' });
    if (!result.ok) {
      if (result.detail) request.log.warn({ reason: result.reason, detail: result.detail }, 'single sign-on refused');
      const fields = { sso: result.message };
      return reply
        .code(result.reason === 'expired' || result.reason === 'refused' ? 400 : 401)
        .page('auth/views/sign-in.njk', {
          pageTitle: 'Sign in',
          next: '/',
          values: {},
          fields,
          errors: errorList(fields),
          sso: await sso(false),
        });
    }
    setSessionCookie(reply, deps, result.sessionToken);
    const next = safeNext(result.next, deps.config.publicUrl);
    const to =
      result.stage === 'full' ? next : result.stage === 'password' ? '/sign-in/two-factor' : '/account/two-factor';
    return reply.redirect(result.stage === 'full' ? to : `${to}?next=${encodeURIComponent(next)}`, 303);
  });

  app.post<{ Body: Body; Querystring: Query }>('/sign-in', limited, async (request, reply) => {
    const next = safeNext(request.body.next ?? request.query.next, deps.config.publicUrl);
    const parsed = signInInput.safeParse(request.body);
    const values = { email: request.body.email ?? '' };
    if (!parsed.success) {
      const fields = fieldErrorsOf(parsed.error);
      return reply
        .code(400)
        .page('auth/views/sign-in.njk', { pageTitle: 'Sign in', next, values, fields, errors: errorList(fields) });
    }
    const result = await signIn(deps, parsed.data, request.id, clientOf(request));
    if (!result.ok) {
      // One answer for an unknown account, a wrong password and a locked one; 429 with Retry-After while
      // attempts must wait, which happens alike for an account that does not exist.
      const fields = { email: result.message };
      if (result.reason === 'wait') reply.code(429).header('retry-after', String(result.retryAfterSeconds));
      else reply.code(401);
      return reply.page('auth/views/sign-in.njk', {
        pageTitle: 'Sign in',
        next,
        values,
        fields,
        errors: errorList(fields),
        sso: await sso(false),
      });
    }
    if (result.stage === 'full') signedIn(reply, result);
    else setSessionCookie(reply, deps, result.sessionToken);
    const to =
      result.stage === 'full' ? next : result.stage === 'password' ? '/sign-in/two-factor' : '/account/two-factor';
    return reply.redirect(result.stage === 'full' ? to : `${to}?next=${encodeURIComponent(next)}`, 303);
  });

  app.get<{ Querystring: Query }>('/sign-in/two-factor', async (request, reply) => {
    if (request.session?.stage !== 'password') return reply.redirect('/sign-in', 303);
    return reply.page('auth/views/two-factor.njk', {
      pageTitle: 'Enter your security code',
      next: safeNext(request.query.next, deps.config.publicUrl),
    });
  });

  app.post<{ Body: Body }>('/sign-in/two-factor', limited, async (request, reply) => {
    const session = request.session;
    const token = request.sessionToken;
    if (session?.stage !== 'password' || !token) return reply.redirect('/sign-in', 303);
    const next = safeNext(request.body.next, deps.config.publicUrl);
    const parsed = codeInput.safeParse(request.body);
    const result = parsed.success
      ? await verifySecondFactor(deps, session, token, parsed.data.code, request.id, clientOf(request))
      : { ok: false as const, message: fieldErrorsOf(parsed.error)['code'] ?? 'Enter the code' };
    if (!result.ok) {
      const fields = { code: result.message };
      if (result.retryAfterSeconds) reply.code(429).header('retry-after', String(result.retryAfterSeconds));
      else reply.code(400);
      return reply.page('auth/views/two-factor.njk', {
        pageTitle: 'Enter your security code',
        next,
        fields,
        errors: errorList(fields),
      });
    }
    signedIn(reply, result);
    return reply.redirect(next, 303);
  });

  const enrolPage = async (session: ResolvedSession) => {
    const { secret, uri } = await beginEnrolment(deps, session);
    const qr = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
    return { pageTitle: 'Set up your authenticator app', secret, qr };
  };

  app.get<{ Querystring: Query }>('/account/two-factor', async (request, reply) => {
    if (request.session?.stage !== 'totp_enrol') return reply.redirect('/sign-in', 303);
    return reply.page('auth/views/enrol.njk', {
      ...(await enrolPage(request.session)),
      next: safeNext(request.query.next, deps.config.publicUrl),
    });
  });

  app.post<{ Body: Body }>('/account/two-factor', limited, async (request, reply) => {
    const session = request.session;
    const token = request.sessionToken;
    if (session?.stage !== 'totp_enrol' || !token) return reply.redirect('/sign-in', 303);
    const next = safeNext(request.body.next, deps.config.publicUrl);
    const parsed = codeInput.safeParse(request.body);
    const result = parsed.success
      ? await confirmEnrolment(deps, session, token, parsed.data.code, request.id, clientOf(request))
      : { ok: false as const, message: fieldErrorsOf(parsed.error)['code'] ?? 'Enter the code' };
    if (!result.ok) {
      const fields = { code: result.message };
      return reply
        .code(400)
        .page('auth/views/enrol.njk', { ...(await enrolPage(session)), next, fields, errors: errorList(fields) });
    }
    signedIn(reply, result);
    return reply.redirect(next, 303);
  });

  app.get<{ Params: { token: string } }>('/account/setup/:token', async (request, reply) => {
    const found = await describeSetupToken(deps, request.params.token);
    if (!found)
      throw new AppError(
        'not_found',
        'This set-up link has expired or has already been used. Ask your administrator for a new one.',
      );
    return reply.page('auth/views/setup.njk', {
      pageTitle: 'Create your password',
      email: found.email,
      token: request.params.token,
    });
  });

  app.post<{ Params: { token: string }; Body: Body }>('/account/setup/:token', limited, async (request, reply) => {
    const parsed = setupInput.safeParse({
      password: request.body.password ?? '',
      confirmPassword: request.body.confirmPassword ?? '',
    });
    try {
      if (!parsed.success) throw new AppError('validation', 'Check the password', fieldErrorsOf(parsed.error));
      const result = await completeSetup(deps, request.params.token, parsed.data, request.id);
      setSessionCookie(reply, deps, result.sessionToken);
      return reply.redirect(result.stage === 'full' ? '/' : '/account/two-factor', 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      const found = await describeSetupToken(deps, request.params.token);
      return reply.code(400).page('auth/views/setup.njk', {
        pageTitle: 'Create your password',
        email: found?.email ?? '',
        token: request.params.token,
        fields: err.fields,
        errors: errorList(err.fields),
      });
    }
  });

  app.post<{ Body: Body }>('/sign-out', { config: { csrfOnlyWithSession: true } }, async (request, reply) => {
    if (request.session && request.sessionToken) {
      await signOut(deps, request.session.user, request.sessionToken, request.body.everywhere === 'yes', request.id);
    }
    clearSessionCookie(reply, deps);
    return reply.redirect('/sign-in?signedOut=1', 303);
  });
}
