import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import view from '@fastify/view';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime } from '../../kernel/time/dates.ts';
import { can } from '../../kernel/access/principal.ts';
import { roleLabels, type Ability } from '../../kernel/access/roles.ts';
import { projectRoot } from '../../kernel/project-root.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { deadlinesPolicy } from '../../features/deadlines/index.ts';
import { csrfUserInfo } from './security.ts';

const root = projectRoot;

/**
 * Top navigation: shown only where the user holds the ability behind it, or where the page's policy says the
 * user has something to see there (the deadlines: any owner kind's clocks, deadlines.policy.ts).
 */
type NavItem = { href: string; text: string } & (
  { ability: Ability } | { shown: (p: Principal | null | undefined) => boolean }
);
const navigation: NavItem[] = [
  { href: '/cases', text: 'Cases', ability: 'case.read' },
  { href: '/people', text: 'People', ability: 'person.search' },
  { href: '/deadlines', text: 'Deadlines', shown: deadlinesPolicy.list },
  { href: '/complaints', text: 'Complaints', ability: 'complaint.read' },
  { href: '/complaint-reviews', text: 'Complaint reviews', ability: 'complaint.review' },
  { href: '/restrictions', text: 'Restrictions', ability: 'restriction.read' },
  { href: '/vetting', text: 'Vetting', ability: 'vetting.read' },
  { href: '/oversight', text: 'Oversight', ability: 'oversight.dashboard' },
  { href: '/recommendations', text: 'Recommendations', ability: 'recommendation.read' },
  { href: '/reports', text: 'Confidential reports', ability: 'report.read' },
  { href: '/early-intervention', text: 'Early intervention', ability: 'ei.read' },
  { href: '/audit', text: 'Audit log', ability: 'audit.read' },
  { href: '/admin/users', text: 'Accounts', ability: 'user.manage' },
];

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page with the context every page needs (user, navigation, CSRF token). */
    page(template: string, data: Record<string, unknown>): FastifyReply;
  }
}

export async function registerViews(app: FastifyInstance): Promise<void> {
  await app.register(view, {
    engine: { nunjucks },
    templates: [
      path.join(root, 'src/features'),
      path.join(root, 'src/views'),
      path.join(root, 'node_modules/govuk-frontend/dist'),
      path.join(root, 'node_modules/@ministryofjustice/frontend'),
    ],
    production: process.env['NODE_ENV'] !== 'development',
    options: {
      autoescape: true,
      throwOnUndefined: false,
      onConfigure: (env: nunjucks.Environment) => {
        env.addFilter('date', (v: string | Date | null | undefined) => formatDate(v));
        env.addFilter('datetime', (v: string | Date | null | undefined) => formatDateTime(v));
        env.addFilter('json', (v: unknown) => JSON.stringify(v));
        env.addFilter('formatNumber', (v: number | null | undefined) =>
          typeof v === 'number' ? v.toLocaleString('en-GB') : '',
        );
      },
    },
  });

  app.decorateReply('page', function page(this: FastifyReply, template: string, data: Record<string, unknown>) {
    const request: FastifyRequest = this.request;
    const principal = request.principal;
    const nav = navigation
      .filter((n) => ('ability' in n ? can(principal, n.ability) : n.shown(principal)))
      .map((n) => ({ href: n.href, text: n.text, active: request.url.startsWith(n.href) }));
    const csrfToken = this.generateCsrf({ userInfo: csrfUserInfo(request) });
    this.header('cache-control', 'no-store');
    return this.view(template, {
      principal,
      roleLabel: principal ? roleLabels[principal.role] : '',
      nav,
      csrfToken,
      requestId: request.id,
      unreadNotices: request.unreadNotices,
      ...data,
    });
  });
}
