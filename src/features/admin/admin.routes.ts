import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError } from '../../kernel/errors.ts';
import { authorizeBy } from '../../kernel/access/principal.ts';
import { roleLabels, roles } from '../../kernel/access/roles.ts';
import { errorList } from '../auth/index.ts';
import {
  type AdminAccountRow,
  createAccountAsAdmin,
  listAccounts,
  resetSecondFactor,
  setAccountStatus,
  updateAccount,
  viewAccount,
} from './manage-accounts.ts';
import { userPolicy } from './user.policy.ts';

/** Account administration (user.manage): pages under /admin/users and the API under /api/v1/admin/users. */
export function registerAdminRoutes(app: FastifyInstance, deps: Deps): void {
  registerAdminPages(app, deps);
  registerAdminApi(app, deps);
}

const roleItems = (selected?: string) =>
  roles.map((r) => ({ value: r, text: roleLabels[r], selected: r === selected }));

type Body = Record<string, string | undefined>;

function registerAdminPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/admin/users', pre, async (request, reply) => {
    const accounts = await listAccounts(deps, principalOf(request));
    return reply.page('admin/views/accounts.njk', { pageTitle: 'Accounts', accounts, roleLabels });
  });

  app.get('/admin/users/new', pre, async (request, reply) => {
    authorizeBy(principalOf(request), userPolicy.manage);
    return reply.page('admin/views/new-account.njk', { pageTitle: 'New account', values: {}, roles: roleItems() });
  });

  app.post<{ Body: Body }>('/admin/users', pre, async (request, reply) => {
    const principal = principalOf(request);
    authorizeBy(principal, userPolicy.manage);
    try {
      const user = await createAccountAsAdmin(deps, principal, request.body, request.id);
      return reply.redirect(`/admin/users/${user.id}?created=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation') throw err;
      const fields = err.fields ?? { form: err.message };
      return reply.code(400).page('admin/views/new-account.njk', {
        pageTitle: 'New account',
        values: request.body,
        roles: roleItems(request.body['role']),
        fields,
        errors: errorList(fields),
      });
    }
  });

  const detail = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply, extra = {}) => {
    const account = await viewAccount(deps, principalOf(request), request.params.id);
    return reply.page('admin/views/account.njk', {
      pageTitle: account.displayName,
      account,
      roleLabel: roleLabels[account.role as (typeof roles)[number]] ?? account.role,
      roles: roleItems(account.role),
      ...extra,
    });
  };

  app.get<{ Params: { id: string }; Querystring: { created?: string } }>(
    '/admin/users/:id',
    pre,
    async (request, reply) =>
      detail(request, reply, request.query.created ? { flash: 'Account created. The set-up link was e-mailed.' } : {}),
  );

  /** Runs one change and shows the account again, with its message or its errors (400). */
  const change =
    (run: (request: FastifyRequest<{ Params: { id: string }; Body: Body }>) => Promise<unknown>, done: string) =>
    async (request: FastifyRequest<{ Params: { id: string }; Body: Body }>, reply: FastifyReply) => {
      authorizeBy(principalOf(request), userPolicy.manage);
      try {
        await run(request);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const fields = err.fields ?? { form: err.message };
        reply.code(400);
        return detail(request, reply, { fields, errors: errorList(fields) });
      }
      return detail(request, reply, { flash: done });
    };

  app.post<{ Params: { id: string }; Body: Body }>(
    '/admin/users/:id',
    pre,
    change((r) => updateAccount(deps, principalOf(r), r.params.id, r.body, r.id), 'The account was changed.'),
  );
  app.post<{ Params: { id: string }; Body: Body }>(
    '/admin/users/:id/disable',
    pre,
    change(
      (r) => setAccountStatus(deps, principalOf(r), r.params.id, { status: 'disabled' }, r.id),
      'The account was disabled.',
    ),
  );
  app.post<{ Params: { id: string }; Body: Body }>(
    '/admin/users/:id/enable',
    pre,
    change(
      (r) => setAccountStatus(deps, principalOf(r), r.params.id, { status: 'active' }, r.id),
      'The account was enabled.',
    ),
  );
  app.post<{ Params: { id: string }; Body: Body }>(
    '/admin/users/:id/reset-second-factor',
    pre,
    change(
      (r) => resetSecondFactor(deps, principalOf(r), r.params.id, r.id),
      'The second factor was reset and a new set-up link was e-mailed.',
    ),
  );
}

const account = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.string(),
  forceId: z.string(),
  status: z.string(),
  secondFactorEnrolled: z.boolean(),
  setUp: z.boolean().describe('Whether the holder has completed set-up (set a password)'),
  lastSignedInAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

const toApi = (a: AdminAccountRow): z.infer<typeof account> => ({
  id: a.id,
  email: a.email,
  displayName: a.displayName,
  role: a.role,
  forceId: a.forceId,
  status: a.status,
  secondFactorEnrolled: a.totpEnabledAt !== null,
  setUp: a.hasPassword,
  lastSignedInAt: a.lastSignedInAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  version: a.version,
});

function registerAdminApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const pre = requireApiPrincipal;
  const tags = ['administration'];
  const params = z.object({ id: z.string() });

  api.get(
    '/api/v1/admin/users',
    {
      preHandler: pre,
      schema: {
        tags,
        summary: 'Accounts of your force (user.manage)',
        response: { 200: z.object({ items: z.array(account) }), ...apiErrors(401, 404) },
      },
    },
    async (request) => ({ items: (await listAccounts(deps, principalOf(request))).map(toApi) }),
  );

  api.post(
    '/api/v1/admin/users',
    {
      preHandler: pre,
      schema: {
        tags,
        summary: 'Create an account in your force; the set-up link is e-mailed (user.manage)',
        body: z.object({ email: z.string(), displayName: z.string(), role: z.string() }),
        response: { 201: account, ...apiErrors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const user = await createAccountAsAdmin(deps, principalOf(request), request.body, request.id);
      reply.code(201);
      return toApi(await viewAccount(deps, principalOf(request), user.id));
    },
  );

  api.get(
    '/api/v1/admin/users/:id',
    {
      preHandler: pre,
      schema: {
        tags,
        summary: 'One account of your force',
        params,
        response: { 200: account, ...apiErrors(401, 404) },
      },
    },
    async (request) => toApi(await viewAccount(deps, principalOf(request), request.params.id)),
  );

  api.post(
    '/api/v1/admin/users/:id',
    {
      preHandler: pre,
      schema: {
        tags,
        summary: 'Change an account’s name, role or force (send the version you read)',
        params,
        body: z.object({ version: z.number().int(), displayName: z.string(), role: z.string(), forceId: z.string() }),
        response: { 200: account, ...apiErrors(400, 401, 404, 409) },
      },
    },
    async (request) => {
      await updateAccount(deps, principalOf(request), request.params.id, request.body, request.id);
      return toApi(await viewAccount(deps, principalOf(request), request.params.id));
    },
  );

  api.post(
    '/api/v1/admin/users/:id/status',
    {
      preHandler: pre,
      schema: {
        tags,
        summary: 'Disable or enable an account: { "status": "disabled" | "active" }',
        params,
        body: z.object({ status: z.string() }),
        response: { 200: account, ...apiErrors(400, 401, 404) },
      },
    },
    async (request) => {
      await setAccountStatus(deps, principalOf(request), request.params.id, request.body, request.id);
      return toApi(await viewAccount(deps, principalOf(request), request.params.id));
    },
  );

  api.post(
    '/api/v1/admin/users/:id/reset-second-factor',
    {
      preHandler: pre,
      schema: {
        tags,
        summary: 'Forget the authenticator, end the sessions and e-mail a new set-up link',
        params,
        response: { 200: account, ...apiErrors(400, 401, 404) },
      },
    },
    async (request) => {
      await resetSecondFactor(deps, principalOf(request), request.params.id, request.id);
      return toApi(await viewAccount(deps, principalOf(request), request.params.id));
    },
  );
}
