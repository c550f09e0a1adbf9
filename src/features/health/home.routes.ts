import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.ts';
import { requireSignedInPage, principalOf } from '../../app/plugins/authentication.ts';
import { can } from '../access/principal.ts';
import { findForce } from '../organisation/forces.repository.ts';

/** The start page: the links the user's role can use. */
export function registerHomePage(app: FastifyInstance, deps: Deps): void {
  app.get('/', { preHandler: requireSignedInPage }, async (request, reply) => {
    const principal = principalOf(request);
    const force = await findForce(deps.db, principal.forceId);
    const links = [
      can(principal, 'case.read') && {
        href: '/cases',
        text: 'Cases',
        hint: 'Conduct cases: open a case, allocate it, and move each allegation along its track',
      },
      can(principal, 'person.search') && {
        href: '/people',
        text: 'People',
        hint: 'Find officers, staff and volunteers by name or any current or past number',
      },
      can(principal, 'audit.read') && {
        href: '/audit',
        text: 'Audit log',
        hint: 'Who did what, and who looked at which record',
      },
      can(principal, 'vetting.declare') &&
        principal.personId && {
          href: '/declarations',
          text: 'Declare a change of circumstances',
          hint: 'Tell the vetting unit about anything that may affect your suitability',
        },
      { href: '/account', text: 'Your account', hint: 'Sign out everywhere, API tokens' },
    ].filter(Boolean);
    return reply.page('home.njk', { pageTitle: 'Home', forceName: force?.name ?? principal.forceId, links });
  });
}
