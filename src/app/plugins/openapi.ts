import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document is generated from the zod schemas of the /api/v1 routes. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Probity API',
        version: '1',
        description:
          'Police professional standards. Authenticate with `Authorization: Bearer <token>` (create one with `probity token create`).',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { docExpansion: 'list' } });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // Swagger UI is a script: without JavaScript its page is blank. Say so, and point to the plain HTML list of
  // the operations (/api, features/health/api-operations.routes.ts) and the document itself.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload !== 'string' || !/^\/api\/docs\/?(\?.*)?$/.test(request.url)) return payload;
    return payload.replace(
      '<div id="swagger-ui"></div>',
      '<noscript><p>This page needs JavaScript. Without it, read <a href="/api">the list of the API’s operations</a> or <a href="/api/v1/openapi.json">the OpenAPI document</a>.</p></noscript><div id="swagger-ui"></div>',
    );
  });
}
