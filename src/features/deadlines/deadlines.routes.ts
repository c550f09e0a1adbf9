import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { apiErrors } from '../../kernel/http/api-errors.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../kernel/http/guards.ts';
import { deadlinesPolicy } from './deadlines.policy.ts';
import { dueTag } from '../clocks/index.ts';
import { forceOverdue, myDeadlines, type Deadline } from './list-deadlines.ts';
import { ukToday } from '../../kernel/time/dates.ts';

/**
 * Deadline pages and API. "Today" is the UK calendar day of the server's clock (deps.now), so tests and
 * the sweeper agree on which day it is. Refusals come from the use cases as 404 (authorize).
 */
export function registerDeadlineRoutes(app: FastifyInstance, deps: Deps): void {
  registerDeadlinePages(app, deps);
  registerDeadlineApi(app, deps);
}

const withTags = (items: Deadline[]) => items.map((d) => ({ ...d, tag: dueTag(d.daysUntilDue) }));

function registerDeadlinePages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get('/deadlines', pre, async (request, reply) => {
    const principal = principalOf(request);
    const result = await myDeadlines(deps, principal, { today: ukToday(deps.now()) }, request.id);
    return reply.page('deadlines/views/my-deadlines.njk', {
      pageTitle: 'Your deadlines',
      today: result.today,
      canSeeForce: deadlinesPolicy.offerForceList(principal),
      overdueCount: result.overdueCount,
      result: {
        overdue: withTags(result.overdue),
        dueThisWeek: withTags(result.dueThisWeek),
        later: withTags(result.later),
      },
    });
  });

  app.get('/deadlines/overdue', pre, async (request, reply) => {
    const result = await forceOverdue(deps, principalOf(request), { today: ukToday(deps.now()) }, request.id);
    return reply.page('deadlines/views/force-overdue.njk', {
      pageTitle: 'Due and overdue in the force',
      today: result.today,
      overdueCount: result.overdueCount,
      result: { items: withTags(result.items) },
    });
  });
}

const errors = apiErrors(401, 404);

const deadline = z.object({
  kind: z
    .enum(['case', 'complaint', 'vetting', 'report'])
    .describe('A conduct case’s clock, a public complaint’s, a vetting file’s or a confidential report’s'),
  clockId: z.string().uuid(),
  caseId: z.string().uuid().nullable().describe('Null for another owner’s clock'),
  caseReference: z.string().nullable().describe('Null for another owner’s clock'),
  complaintId: z.string().uuid().nullable().describe('Null for another owner’s clock'),
  reportId: z.string().uuid().nullable().describe('Null for another owner’s clock'),
  reference: z
    .string()
    .describe(
      'The case’s or the complaint’s reference; for a vetting clock the person’s name; for a confidential report the day it was received',
    ),
  href: z.string().describe('The record’s page: /cases/:id, /complaints/:id, /reports/:id or a vetting page'),
  period: z.string(),
  periodLabel: z.string(),
  confidence: z
    .enum(['V', 'R'])
    .nullable()
    .describe('The reference’s confidence in the default length: V verified, R still to be checked'),
  overridden: z.boolean().describe('Configuration replaced the default length'),
  sequence: z.number().int(),
  state: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  pausedDays: z.number().int().describe('Calendar days taken out of the clock by sub judice pauses'),
  daysUntilDue: z.number().int().describe('0 = due today; negative = overdue by that many days'),
  ownerUserId: z.string().uuid().nullable(),
  ownerName: z.string().nullable(),
});

function registerDeadlineApi(app: FastifyInstance, deps: Deps): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/deadlines',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['deadlines'],
        summary: 'Your deadlines: overdue, due in the next 7 days, and the next 20 after that',
        response: {
          200: z.object({
            today: z.string(),
            overdueCount: z
              .number()
              .int()
              .describe('Your overdue deadlines, by the one definition of overdue and mine'),
            overdue: z.array(deadline),
            dueThisWeek: z.array(deadline),
            later: z.array(deadline),
          }),
          ...errors,
        },
      },
    },
    async (request) => myDeadlines(deps, principalOf(request), { today: ukToday(deps.now()) }, request.id),
  );

  api.get(
    '/api/v1/deadlines/overdue',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['deadlines'],
        summary:
          'Every deadline due today or overdue on the force’s cases, complaints, vetting files and confidential reports you can see',
        response: {
          200: z.object({
            today: z.string(),
            overdueCount: z.number().int().describe('Deadlines due before today (the items also hold those due today)'),
            items: z.array(deadline),
          }),
          ...errors,
        },
      },
    },
    async (request) => forceOverdue(deps, principalOf(request), { today: ukToday(deps.now()) }, request.id),
  );
}
