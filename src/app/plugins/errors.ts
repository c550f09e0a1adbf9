import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { AppError } from '../../kernel/errors.ts';
import { StatementRefusedError } from '../../db/request-scope.ts';
import { fieldErrorsOf } from '../../kernel/validation.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string>; requestId: string } };

const titles: Record<number, string> = {
  400: 'There is a problem with your request',
  401: 'Sign in to continue',
  403: 'You cannot do that',
  404: 'Page not found',
  409: 'This record has changed',
  422: 'That cannot be done now',
  423: 'Account locked',
  429: 'Too many attempts',
  503: 'Sorry, the service is busy',
  500: 'Sorry, there is a problem with the service',
};

function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && request.url !== '/health' && request.url !== '/metrics';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's error pages set no cookie (reply.page would set the CSRF cookie): the anonymous reporting pages. */
    cookieless?: boolean;
  }
}

function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
) {
  if (wantsHtml(request)) {
    if (status === 401) return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`, 303);
    const page = { pageTitle: titles[status] ?? 'Error', message };
    if (request.routeOptions.config.cookieless === true)
      return reply
        .code(status)
        .header('cache-control', 'no-store')
        .view('error.njk', { principal: null, nav: [], ...page });
    return reply.code(status).page('error.njk', page);
  }
  const body: ErrorBody = { error: { code, message, requestId: request.id, ...(fields ? { fields } : {}) } };
  return reply.code(status).send(body);
}

/** PostgreSQL's query_canceled (57014): statement_timeout fired; drizzle wraps the driver's error as `cause`. */
function statementCancelled(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 3; depth += 1) {
    if ((e as { code?: unknown }).code === '57014') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** `insert case_parties`, `select cases`: what a statement did to which table, without any of its values. */
function statementName(query: string): string {
  const verb = /^\s*(\w+)/.exec(query)?.[1]?.toLowerCase() ?? 'statement';
  const table = /\b(?:into|update|from)\s+"?([\w.]+)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/**
 * What is logged about an unexpected error. A database error carries the SQL and its parameter values (names,
 * allegations) in its message, its stack and the driver's `detail`, so for one only the statement's name and
 * the SQLSTATE code are logged; anything else is logged with its stack.
 */
export function loggableError(err: unknown): Record<string, unknown> {
  const database = err instanceof DrizzleQueryError ? err : null;
  if (database) {
    const cause = database.cause as { code?: unknown; name?: unknown } | undefined;
    return {
      kind: 'database',
      statement: statementName(database.query),
      sqlState: typeof cause?.code === 'string' ? cause.code : null,
      error: typeof cause?.name === 'string' ? cause.name : 'Error',
    };
  }
  const code = err instanceof Error && 'severity' in err ? (err as { code?: unknown }).code : undefined;
  if (err instanceof Error && typeof code === 'string') return { kind: 'database', sqlState: code, error: err.name };
  return { err };
}

/**
 * One mapping from errors to responses. AppError codes map to status; schema errors are 400 with the
 * field messages; anything else is logged with the request id and answered as a bare 500 (no stack, no SQL).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) return respond(request, reply, err.status, err.code, err.message, err.fields);
    // A read stopped between statements (client gone, budget spent) or cancelled by PostgreSQL's
    // statement_timeout: the service is busy, not broken (src/app/plugins/request-budget.ts).
    if (err instanceof StatementRefusedError || statementCancelled(err)) {
      void reply.header('retry-after', '1');
      return respond(request, reply, 503, 'unavailable', 'The service is busy. Try again in a moment.');
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: Record<string, string> = {};
      for (const v of err.validation)
        fields[v.instancePath.slice(1).replaceAll('/', '.') || 'request'] = v.message ?? 'Invalid';
      return respond(request, reply, 400, 'validation', 'The request is not valid.', fields);
    }
    if (err instanceof ZodError) {
      const fields = fieldErrorsOf(err, undefined, 'request');
      return respond(request, reply, 400, 'validation', 'The request is not valid.', fields);
    }
    if (err.statusCode === 429)
      return respond(request, reply, 429, 'rate_limited', 'Too many attempts. Wait a minute and try again.');
    if (err.code === 'FST_CSRF_INVALID_TOKEN' || err.code === 'FST_CSRF_MISSING_SECRET') {
      return respond(
        request,
        reply,
        403,
        'forbidden',
        'This form has expired. Go back, reload the page and try again.',
      );
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return respond(request, reply, err.statusCode, 'bad_request', 'The request is not valid.');
    }
    request.log.error(loggableError(err), 'unhandled error');
    return respond(
      request,
      reply,
      500,
      'internal',
      `Something went wrong. Quote reference ${request.id} if you contact support.`,
    );
  });

  app.setNotFoundHandler((request, reply) =>
    respond(request, reply, 404, 'not_found', 'If you typed the web address, check it is correct.'),
  );
}
