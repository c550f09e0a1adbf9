import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrors } from '../../app/api-errors.ts';
import type { Deps } from '../../app/deps.ts';
import { principalOf, requireApiPrincipal, requireSignedInPage } from '../../app/plugins/authentication.ts';
import { dueTag } from '../clocks/clock-display.ts';
import { listVettingDeadlines, type VettingDeadline } from './list-vetting-deadlines.ts';

const deadline = z.object({
  clockId: z.string().uuid(),
  personId: z.string().uuid().nullable(),
  personName: z.string().nullable(),
  period: z.string(),
  periodLabel: z.string(),
  subjectKey: z.string().describe("What the clock is about: 'review:<id>', 'clearance:<id>' or 'decision:<id>'"),
  href: z.string().nullable(),
  isWindow: z.boolean().describe('Someone else’s window (the officer’s appeal): it ends, it is never overdue'),
  state: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  daysUntilDue: z.number().int().describe('0 = due today; negative = overdue by that many days'),
});

/** Vetting deadlines (reviews due, renewals due, appeal windows ending): page and API, vetting roles only. */
export function registerVettingDeadlineRoutes(app: FastifyInstance, deps: Deps): void {
  const tagged = (items: VettingDeadline[]) =>
    items.map((d) => ({
      ...d,
      tag: d.isWindow
        ? {
            text:
              d.daysUntilDue === 0
                ? 'Ends today'
                : `Ends in ${d.daysUntilDue} ${d.daysUntilDue === 1 ? 'day' : 'days'}`,
            classes: 'govuk-tag--grey',
          }
        : dueTag(d.daysUntilDue),
    }));

  app.get('/vetting/deadlines', { preHandler: requireSignedInPage }, async (request, reply) => {
    const result = await listVettingDeadlines(deps, principalOf(request), request.id);
    return reply.page('vetting/views/vetting-deadlines.njk', {
      pageTitle: 'Vetting deadlines',
      today: result.today,
      groups: [
        { id: 'overdue', caption: 'Overdue', items: tagged(result.overdue), empty: 'Nothing is overdue.' },
        {
          id: 'due-this-week',
          caption: 'Due in the next 7 days',
          items: tagged(result.dueThisWeek),
          empty: 'Nothing is due in the next 7 days.',
        },
        { id: 'upcoming', caption: 'Coming up', items: tagged(result.upcoming), empty: 'Nothing else is coming up.' },
      ],
    });
  });

  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/vetting/deadlines',
    {
      preHandler: requireApiPrincipal,
      schema: {
        tags: ['vetting'],
        summary:
          'Vetting deadlines: overdue, due in the next 7 days, and the next 50 (vetting roles; the read is audited)',
        response: {
          200: z.object({
            today: z.string(),
            overdue: z.array(deadline),
            dueThisWeek: z.array(deadline),
            upcoming: z.array(deadline),
          }),
          ...apiErrors(401, 404),
        },
      },
    },
    async (request) => listVettingDeadlines(deps, principalOf(request), request.id),
  );
}
