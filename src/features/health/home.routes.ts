import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { requireSignedInPage, principalOf } from '../../kernel/http/guards.ts';
import { viewForce } from '../organisation/index.ts';
import { caseWorkQueue } from '../misconduct/index.ts';
import { vettingFilePolicy } from '../vetting/index.ts';
import { restrictionPolicy } from '../restrictions/index.ts';
import { recommendationPolicy } from '../recommendations/index.ts';
import { publicationPolicy } from '../publication/index.ts';
import { peoplePolicy } from '../people/index.ts';
import { oversightPolicy } from '../oversight/index.ts';
import { complaintPolicy } from '../complaints/index.ts';
import { casePolicy } from '../misconduct/index.ts';
import { auditPolicy } from '../audit/index.ts';

/**
 * The start page is a work queue: the steps waiting for the user (counts of cases that link to the lists
 * they count, features/misconduct/work-queue.ts), then the places their role works in, then their account.
 */
export function registerHomePage(app: FastifyInstance, deps: Deps): void {
  app.get('/', { preHandler: requireSignedInPage }, async (request, reply) => {
    const principal = principalOf(request);
    const force = await viewForce(deps, principal.forceId);
    const links = [
      casePolicy.read(principal) && {
        href: '/cases',
        text: 'Cases',
        hint: 'Conduct cases: open a case, allocate it, and move each allegation along its track',
      },
      peoplePolicy.search(principal) && {
        href: '/people',
        text: 'People',
        hint: 'Find officers, staff and volunteers by name or any current or past number',
      },
      casePolicy.read(principal) && {
        href: '/deadlines',
        text: 'Deadlines',
        hint: 'The time limits of the cases you can see, the soonest first',
      },
      complaintPolicy.read(principal) && {
        href: '/complaints',
        text: 'Complaints',
        hint: 'Public complaints: log them, decide how they are handled, record the outcomes',
      },
      restrictionPolicy.read(principal) && {
        href: '/restrictions',
        text: 'Restrictions',
        hint: 'Suspensions and restricted duties, and the reviews that are due',
      },
      vettingFilePolicy.read(principal) && {
        href: '/vetting',
        text: 'Vetting',
        hint: 'Applications, reviews and their deadlines',
      },
      oversightPolicy.dashboard(principal) && {
        href: '/oversight',
        text: 'Oversight',
        hint: 'Figures on complaints and conduct, returns and dip samples',
      },
      recommendationPolicy.read(principal) && {
        href: '/recommendations',
        text: 'Inspection recommendations',
        hint: 'The force’s progress against inspection and IOPC recommendations',
      },
      publicationPolicy.offerPublicPage(principal) && {
        href: `/public/${principal.forceId}`,
        text: 'Public misconduct hearings',
        hint: 'Notices of the misconduct hearings held in public, and their outcomes',
      },
      auditPolicy.read(principal) && {
        href: '/audit',
        text: 'Audit log',
        hint: 'Who did what, and who looked at which record',
      },
      vettingFilePolicy.declareOwn(principal) && {
        href: '/declarations',
        text: 'Declare a change of circumstances',
        hint: 'Tell the vetting unit about anything that may affect your suitability',
      },
      { href: '/account', text: 'Your account', hint: 'Sign out everywhere, API tokens' },
    ].filter(Boolean);
    const work = await caseWorkQueue(deps, principal);
    return reply.page('home.njk', { pageTitle: 'Home', forceName: force?.name ?? principal.forceId, links, work });
  });
}
