import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/errors.ts';
import { findControlCharacters } from '../../kernel/validation.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Refusals of hostile input that apply to every route, before any route sees it, so that none of them can
 * reach the database as a server error:
 * - a multipart body without a boundary (the parser would throw);
 * - on the JSON API, any body that is not JSON, except multipart on the routes that take a file: the API is
 *   for programs with a bearer token, so a form a browser could be tricked into posting has no place there;
 * - a JSON body that is not an object or an array (`null`, a bare number or string);
 * - a NUL or other control character anywhere in the query, the path parameters or the body (PostgreSQL
 *   cannot store NUL, and none of them belongs in text typed by a person).
 */
export function registerHostileInputGuards(app: FastifyInstance): void {
  app.addHook('preParsing', async (request, _reply, payload) => {
    if (!BODY_METHODS.has(request.method)) return payload;
    const type = mediaType(request);
    const header = request.headers['content-type'] ?? '';
    if (type === 'multipart/form-data' && !/;\s*boundary=("[^"]+"|[^\s;]+)/i.test(header))
      throw new AppError('validation', 'A multipart/form-data body needs a boundary in its Content-Type header.');
    if (request.url.startsWith('/api/') && type !== '' && type !== 'application/json') {
      const upload = request.routeOptions.config.acceptsUpload === true && type === 'multipart/form-data';
      if (!upload) throw new AppError('validation', 'Send the body as JSON (Content-Type: application/json).');
    }
    return payload;
  });

  app.addHook('preValidation', async (request) => {
    if (BODY_METHODS.has(request.method) && mediaType(request) === 'application/json') {
      const body: unknown = request.body;
      if (body !== undefined && (typeof body !== 'object' || body === null))
        throw new AppError('validation', 'The body must be a JSON object.');
    }
    for (const [part, value] of [
      ['query', request.query],
      ['params', request.params],
      ['body', request.body],
    ] as const) {
      const at = findControlCharacters(value);
      if (at)
        throw new AppError('validation', 'Remove the control characters (such as NUL) from what you sent.', {
          [part === 'body' ? at : `${part}.${at}`]: 'Contains a control character',
        });
    }
  });
}
