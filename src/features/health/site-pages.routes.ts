import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { checkHealth } from './check-health.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const FAVICON = path.join(root, 'node_modules/govuk-frontend/dist/govuk/assets/images/favicon.ico');
const ENGINE_WORDS = { pglite: 'PGlite, embedded', pg: 'PostgreSQL' } as const;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type OpenApiDocument = {
  paths?: Record<string, Partial<Record<(typeof METHODS)[number], { summary?: string; tags?: string[] }>>>;
};

/**
 * The pages around the service, open to everyone: /favicon.ico (browsers ask for it whatever the page
 * says), the service status in words (the footer's link; /health stays JSON for monitors), and the API's
 * operations as a plain HTML list, so the API can be read without JavaScript (Swagger UI at /api/docs
 * needs it).
 */
export function registerSitePages(app: FastifyInstance, deps: Deps): void {
  let favicon: Buffer | undefined;
  app.get('/favicon.ico', { schema: { hide: true } }, async (_request, reply) => {
    favicon ??= await readFile(FAVICON);
    return reply.header('content-type', 'image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon);
  });

  app.get('/status', { schema: { hide: true } }, async (_request, reply) => {
    const health = await checkHealth(deps);
    return reply.code(health.status === 'ok' ? 200 : 503).page('health/views/status.njk', {
      pageTitle: 'Service status',
      working: health.status === 'ok',
      engine: ENGINE_WORDS[deps.config.database.engine],
      databaseMs: 'databaseMs' in health ? health.databaseMs : null,
    });
  });

  app.get('/api', { schema: { hide: true } }, async (_request, reply) => {
    const document = app.swagger() as OpenApiDocument;
    const operations = Object.entries(document.paths ?? {}).flatMap(([url, item]) =>
      METHODS.flatMap((method) => {
        const op = item[method];
        return op
          ? [{ method: method.toUpperCase(), url, summary: op.summary ?? '', tag: op.tags?.[0] ?? 'other' }]
          : [];
      }),
    );
    const tags = [...new Set(operations.map((o) => o.tag))].sort();
    return reply.page('health/views/api-operations.njk', {
      pageTitle: 'Probity API',
      groups: tags.map((tag) => ({ tag, operations: operations.filter((o) => o.tag === tag) })),
    });
  });
}
