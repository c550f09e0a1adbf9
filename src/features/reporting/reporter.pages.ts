import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { isCalendarDate } from '../../kernel/validation.ts';
import { AppError } from '../../kernel/errors.ts';
import { errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { reportCategories } from '../../db/schema/reporting.ts';
import { CATEGORY_LABELS, HOW_KNOWN_LABELS } from './report-content.ts';
import { reportingForce } from './reporting-force.ts';
import { submitReport } from './submit-report.ts';
import { FOLLOW_UP_MINUTES, openFollowUp } from './open-follow-up.ts';
import { flagRetaliationAsReporter, replyAsReporter, viewFollowUp } from './follow-up.ts';

export const FOLLOW_UP_COOKIE = 'probity_report';

type Force = { Params: { forceId: string } };
type Body = Force & { Body: Record<string, unknown> };

/**
 * The reporter's side: no account, no JavaScript needed. Every route here logs nothing (`logLevel:
 * 'silent'`: Fastify's request lines carry the client's address) and renders without the CSRF cookie until
 * the reporter opens a report with the receipt. A few attempts a minute are allowed across all callers, so
 * that the limit itself stores no address.
 */
export function registerReporterPages(app: FastifyInstance, deps: Deps): void {
  const quiet = { logLevel: 'silent' as const, config: { cookieless: true } };
  const limited = (max: number) => ({
    rateLimit: { max, timeWindow: '1 minute', keyGenerator: () => 'anonymous-reporting' },
  });
  const cookiePath = (forceId: string) => `/report/${forceId}`;

  /** A page without the session's CSRF cookie (reply.page would set one). */
  const bare = (reply: FastifyReply, template: string, data: Record<string, unknown>) => {
    reply.header('cache-control', 'no-store');
    return reply.view(template, { principal: null, nav: [], ...data });
  };

  const formData = (forceName: string, forceId: string) => ({
    pageTitle: 'Report wrongdoing in confidence',
    forceName,
    forceId,
    maxSize: `${Math.floor(deps.config.maxUploadBytes / (1024 * 1024))} MB`,
  });
  const items = (labels: Record<string, string>, keys: readonly string[], chosen: unknown) =>
    keys.map((k) => ({ value: k, text: labels[k], checked: chosen === k }));

  const showForm = async (
    request: FastifyRequest<Force>,
    reply: FastifyReply,
    extra: { fields?: Record<string, string>; values?: Record<string, unknown> } = {},
  ) => {
    const force = await reportingForce(deps, request.params.forceId);
    const values = extra.values ?? {};
    return bare(reply, 'reporting/views/report-form.njk', {
      ...formData(force.name, force.id),
      categoryItems: items(CATEGORY_LABELS, reportCategories, values['category']),
      howKnownItems: items(HOW_KNOWN_LABELS, Object.keys(HOW_KNOWN_LABELS), values['howKnown']),
      values,
      fields: extra.fields ?? {},
      errors: extra.fields ? errorSummary(extra.fields, []) : [],
    });
  };

  app.get<Force>('/report/:forceId', quiet, (request, reply) => showForm(request, reply));

  app.post<Body>(
    '/report/:forceId',
    {
      ...quiet,
      config: {
        cookieless: true,
        acceptsUpload: true,
        acceptsAnonymousUpload: true,
        noSessionForm: 'a new anonymous report: there is no session to ride on',
        ...limited(20),
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const done = await submitReport(deps, request.params.forceId, body);
        return bare(reply, 'reporting/views/report-receipt.njk', {
          pageTitle: 'Your report has been sent',
          forceId: request.params.forceId,
          ...done,
        });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
        const values = Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'evidence'));
        return showForm(request, reply.code(400), { fields: err.fields, values });
      }
    },
  );

  app.get<Force & { Querystring: { day?: string; code?: string } }>(
    '/report/:forceId/proof',
    quiet,
    async (request, reply) => {
      const force = await reportingForce(deps, request.params.forceId);
      const day = request.query.day ?? '';
      const code = request.query.code ?? '';
      if (!isCalendarDate(day) || !/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}$/.test(code))
        throw new AppError(
          'validation',
          'This proof of reporting is not complete: open it again from the receipt page.',
        );
      return bare(reply, 'reporting/views/report-proof.njk', {
        pageTitle: 'Proof of reporting',
        forceName: force.name,
        day,
        code,
      });
    },
  );

  const showFollowUp = async (
    request: FastifyRequest<Force>,
    reply: FastifyReply,
    extra: { fields?: Record<string, string>; locked?: string } = {},
  ) => {
    const force = await reportingForce(deps, request.params.forceId);
    return bare(reply, 'reporting/views/follow-up.njk', {
      pageTitle: 'Follow up your report',
      forceName: force.name,
      forceId: force.id,
      fields: extra.fields ?? {},
      errors: extra.fields ? errorSummary(extra.fields, []) : [],
      locked: extra.locked,
    });
  };

  app.get<Force>('/report/:forceId/follow-up', quiet, (request, reply) => showFollowUp(request, reply));

  app.post<Body>(
    '/report/:forceId/follow-up',
    { ...quiet, config: { cookieless: true, noSessionForm: 'the receipt form, before any cookie', ...limited(30) } },
    async (request, reply) => {
      const forceId = request.params.forceId;
      try {
        const { token } = await openFollowUp(deps, forceId, (request.body ?? {})['receipt']);
        reply.setCookie(FOLLOW_UP_COOKIE, token, {
          path: cookiePath(forceId),
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.cookieSecure,
          maxAge: FOLLOW_UP_MINUTES * 60,
        });
        return reply.redirect(`/report/${forceId}/status`, 303);
      } catch (err) {
        if (err instanceof AppError && err.code === 'locked')
          return showFollowUp(request, reply.code(423), { locked: err.message });
        if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
        return showFollowUp(request, reply.code(400), { fields: err.fields });
      }
    },
  );

  const showStatus = async (
    request: FastifyRequest<Force>,
    reply: FastifyReply,
    extra: { fields?: Record<string, string>; values?: Record<string, unknown>; flash?: string } = {},
  ) => {
    const force = await reportingForce(deps, request.params.forceId);
    const view = await viewFollowUp(deps, force.id, request.cookies[FOLLOW_UP_COOKIE]);
    return reply.page('reporting/views/follow-up-status.njk', {
      pageTitle: 'Your report',
      forceName: force.name,
      forceId: force.id,
      view,
      values: extra.values ?? {},
      fields: extra.fields ?? {},
      errors: extra.fields ? errorSummary(extra.fields, []) : [],
      flash: extra.flash,
    });
  };

  /** Without a good cookie the reporter goes back to the receipt form. */
  const toReceipt = (err: unknown, reply: FastifyReply, forceId: string) => {
    if (err instanceof AppError && err.code === 'unauthenticated')
      return reply.redirect(`/report/${forceId}/follow-up`, 303);
    throw err;
  };

  app.get<Force & { Querystring: { sent?: string } }>('/report/:forceId/status', quiet, async (request, reply) => {
    try {
      const flash =
        request.query.sent === '1'
          ? 'Your message was sent'
          : request.query.sent === 'retaliation'
            ? 'Thank you: the confidential unit has been told and your report is flagged'
            : undefined;
      return await showStatus(request, reply, flash ? { flash } : {});
    } catch (err) {
      return toReceipt(err, reply, request.params.forceId);
    }
  });

  app.post<Force & { Body: FormBody }>('/report/:forceId/messages', quiet, async (request, reply) => {
    const forceId = request.params.forceId;
    const body = request.body ?? {};
    try {
      await replyAsReporter(deps, forceId, request.cookies[FOLLOW_UP_COOKIE], { body: first(body['body']) });
      return reply.redirect(`/report/${forceId}/status?sent=1`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields)
        return showStatus(request, reply.code(400), { fields: err.fields, values: body });
      return toReceipt(err, reply, forceId);
    }
  });

  app.post<Force & { Body: FormBody }>('/report/:forceId/retaliation', quiet, async (request, reply) => {
    const forceId = request.params.forceId;
    const body = request.body ?? {};
    try {
      await flagRetaliationAsReporter(deps, forceId, request.cookies[FOLLOW_UP_COOKIE], {
        body: first(body['retaliation']),
      });
      return reply.redirect(`/report/${forceId}/status?sent=retaliation`, 303);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.fields)
        return showStatus(request, reply.code(400), {
          fields: { retaliation: err.fields['body'] ?? 'Say what happened' },
          values: body,
        });
      return toReceipt(err, reply, forceId);
    }
  });

  app.post<Force>('/report/:forceId/leave', quiet, async (request, reply) => {
    const forceId = request.params.forceId;
    reply.clearCookie(FOLLOW_UP_COOKIE, { path: cookiePath(forceId) });
    return reply.redirect(`/report/${forceId}/follow-up`, 303);
  });
}
