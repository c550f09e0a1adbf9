import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { countUnread, listNotifications } from './list-notifications.ts';
import { chooseDelivery, markNotificationsRead } from './mark-notifications-read.ts';
import { viewOutbox } from './view-outbox.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Unread notices of the signed-in user, for the header of a page; null on the API and when signed out. */
    unreadNotices: number | null;
  }
}

/** Notices (in the app), the user's e-mail choice, and the administrators' outbox: pages and API. */
export function registerNotificationRoutes(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('unreadNotices', null);
  app.addHook('preHandler', async (request) => {
    if (request.principal && request.method === 'GET' && !request.url.startsWith('/api/'))
      request.unreadNotices = await countUnread(deps, request.principal);
  });
  registerNotificationPages(app, deps);
  registerNotificationApi(app, deps);
}

function registerNotificationPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };
  const page = 'notifications/views/notifications.njk';

  app.get('/account/notifications', pre, async (request, reply) => {
    const result = await listNotifications(deps, principalOf(request));
    return reply.page(page, { pageTitle: 'Notifications', ...result });
  });

  app.post<{ Body: { id?: string; all?: string } }>('/account/notifications/read', pre, async (request, reply) => {
    const principal = principalOf(request);
    const body = request.body.all === 'yes' ? { all: true } : { ids: [request.body.id ?? ''] };
    try {
      await markNotificationsRead(deps, principal, body);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const result = await listNotifications(deps, principal);
      const errors = [{ text: 'Choose a notice to mark as read', href: '#notices' }];
      return reply.code(400).page(page, { pageTitle: 'Notifications', ...result, errors });
    }
    return reply.redirect('/account/notifications', 303);
  });

  app.post<{ Body: { delivery?: string } }>('/account/notifications/delivery', pre, async (request, reply) => {
    const principal = principalOf(request);
    try {
      await chooseDelivery(deps, principal, { delivery: request.body.delivery });
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const result = await listNotifications(deps, principal);
      const errors = [{ text: 'Choose each notice at once, or a daily digest', href: '#delivery' }];
      return reply.code(400).page(page, { pageTitle: 'Notifications', ...result, errors });
    }
    const result = await listNotifications(deps, principal);
    return reply.page(page, { pageTitle: 'Notifications', ...result, flash: 'Your e-mail choice was saved.' });
  });

  app.get('/admin/outbox', pre, async (request, reply) => {
    const result = await viewOutbox(deps, principalOf(request));
    return reply.page('notifications/views/outbox.njk', { pageTitle: 'E-mail outbox', ...result });
  });
}

const notice = z.object({
  id: z.string().uuid(),
  kind: z.string(),
  reference: z.string().describe('The record’s reference, or "—" when you may no longer see the record'),
  message: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

function registerNotificationApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/notifications',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['notifications'],
        summary: 'Your notices, unread first; one about a record you may no longer see is shown without naming it',
        response: {
          200: z.object({
            unread: z.number().int(),
            delivery: z.enum(['immediate', 'digest']),
            items: z.array(notice),
          }),
          ...apiErrors(401),
        },
      },
    },
    async (request) => {
      const result = await listNotifications(deps, principalOf(request));
      return { ...result, items: result.items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
    },
  );

  api.post(
    '/api/v1/notifications/read',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['notifications'],
        summary: 'Mark your notices read: { "ids": [...] } or { "all": true }',
        body: z.unknown(),
        response: { 200: z.object({ marked: z.number().int() }), ...apiErrors(400, 401) },
      },
    },
    async (request) => ({ marked: await markNotificationsRead(deps, principalOf(request), request.body) }),
  );

  api.get(
    '/api/v1/admin/outbox',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['administration'],
        summary: 'The force’s e-mail outbox: recipients, subjects, states and errors, never bodies (user.manage)',
        response: {
          200: z.object({
            smtpConfigured: z.boolean(),
            counts: z.record(z.string(), z.number().int()),
            items: z.array(
              z.object({
                id: z.string().uuid(),
                toAddress: z.string(),
                kind: z.string(),
                subject: z.string(),
                status: z.string(),
                digest: z.string(),
                attempts: z.number().int(),
                nextAttemptAt: z.string(),
                lastError: z.string().nullable(),
                createdAt: z.string(),
                sentAt: z.string().nullable(),
              }),
            ),
          }),
          ...apiErrors(401, 404),
        },
      },
    },
    async (request) => {
      const result = await viewOutbox(deps, principalOf(request));
      return {
        ...result,
        items: result.items.map((i) => ({
          ...i,
          nextAttemptAt: i.nextAttemptAt.toISOString(),
          createdAt: i.createdAt.toISOString(),
          sentAt: i.sentAt?.toISOString() ?? null,
        })),
      };
    },
  );
}
