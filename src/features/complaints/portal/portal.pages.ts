import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { notFound } from '../../../kernel/errors.ts';
import { viewForce } from '../../organisation/index.ts';
import {
  PORTAL_ABOUT,
  PORTAL_BASES,
  PORTAL_CONTACT,
  PORTAL_WHO,
  readAnswers,
  type AnswerError,
} from './portal-answers.ts';
import { checkPortalAnswers, makeComplaint, PortalAnswersError } from './make-complaint.ts';
import { formatDay, LANGUAGE_COOKIE, pickLanguage, translator, type Translate } from './i18n.ts';
import { PortalLockedError, viewComplaintStatus } from './view-complaint-status.ts';
import { applyForReviewOnline } from './apply-online.ts';

type Force = { Params: { forceId: string }; Querystring: { lang?: string } };
type Post = Force & { Body: Record<string, unknown> };

const BASIS_KEYS: Record<string, string> = {
  directed_at: 'basisDirectedAt',
  adversely_affected: 'basisAdverselyAffected',
  witness: 'basisWitness',
  on_behalf: 'basisOnBehalf',
};
const CONTACT_KEYS: Record<string, string> = { email: 'contactEmail', post: 'contactPost', phone: 'contactPhone' };
const WHO_KEYS: Record<string, string> = { officer: 'whoOfficer', service: 'whoService' };
const aboutKey = (about: string) => `about${about.charAt(0).toUpperCase()}${about.slice(1)}`;

/**
 * The complainant's portal, per force under its public page: make a complaint (the form, then "check your
 * answers", then the reference and follow-up code) and see its progress with both. No account, no
 * JavaScript, no cookie but the language chosen; nothing logged of the request (the client's address is in
 * Fastify's request lines); a few attempts a minute across all callers, so the limit stores no address.
 * Every word comes from the message catalogue of the language chosen.
 */
export function registerPortalPages(app: FastifyInstance, deps: Deps): void {
  const quiet = { logLevel: 'silent' as const, config: { cookieless: true } };
  const limited = (max: number, key: string) => ({
    rateLimit: { max, timeWindow: '1 minute', keyGenerator: () => key },
  });

  async function portalForce(request: FastifyRequest<Force>) {
    const forceId = request.params.forceId;
    const force = await viewForce(deps, forceId);
    if (!force) throw notFound('page');
    return force;
  }

  /** The language of this request; `?lang=` is remembered for the force's public pages. */
  function language(request: FastifyRequest<Force>, reply: FastifyReply) {
    const lang = pickLanguage(request.query.lang, request.cookies[LANGUAGE_COOKIE]);
    if (request.query.lang === lang)
      reply.setCookie(LANGUAGE_COOKIE, lang, {
        path: `/public/${request.params.forceId}`,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.cookieSecure,
        maxAge: 365 * 24 * 3600,
      });
    return lang;
  }

  async function render(
    request: FastifyRequest<Force>,
    reply: FastifyReply,
    template: string,
    titleKey: string,
    data: (t: Translate, force: { id: string; name: string }) => Record<string, unknown>,
  ) {
    const force = await portalForce(request);
    const lang = language(request, reply);
    const t = translator(lang);
    const other = lang === 'cy' ? 'en' : 'cy';
    reply.header('cache-control', 'no-store');
    return reply.view(`complaints/portal/views/${template}`, {
      principal: null,
      nav: [],
      t,
      lang,
      htmlLang: lang,
      serviceName: t('layout.serviceName'),
      skipLinkText: t('layout.skipLink'),
      errorSummaryTitle: t('layout.errorSummaryTitle'),
      pageTitle: t(titleKey, { force: force.name }),
      switchHref: `${request.url.split('?')[0]}?lang=${other}`,
      base: `/public/${force.id}`,
      q: `?lang=${lang}`,
      forceName: force.name,
      forceId: force.id,
      ...data(t, force),
    });
  }

  const say = (t: Translate, fields: Record<string, AnswerError>) =>
    Object.fromEntries(Object.entries(fields).map(([field, e]) => [field, t(e.key, e.params)]));
  const summary = (fields: Record<string, string>) =>
    Object.entries(fields).map(([field, text]) => ({ text, href: `#${field}${field === 'incidentOn' ? '-day' : ''}` }));

  const showForm = (
    request: FastifyRequest<Force>,
    reply: FastifyReply,
    values: Record<string, string> = {},
    problems: Record<string, AnswerError> = {},
  ) =>
    render(request, reply, 'complain.njk', 'complain.title', (t) => {
      const fields = say(t, problems);
      const items = (keys: readonly string[], label: (k: string) => string, chosen: string | undefined) =>
        keys.map((k) => ({ value: k, text: t(`complain.${label(k)}`), checked: chosen === k }));
      return {
        values,
        fields,
        errors: summary(fields),
        basisItems: items(PORTAL_BASES, (k) => BASIS_KEYS[k]!, values['basis']),
        representedItems: items(PORTAL_BASES.slice(0, 3), (k) => BASIS_KEYS[k]!, values['representedBasis']),
        contactItems: items(PORTAL_CONTACT, (k) => CONTACT_KEYS[k]!, values['contactMethod']),
        aboutItems: items(Object.keys(PORTAL_ABOUT), aboutKey, values['about']),
        whoItems: items(PORTAL_WHO, (k) => WHO_KEYS[k]!, values['who']),
      };
    });

  app.get<Force>('/public/:forceId/complain', quiet, (request, reply) => showForm(request, reply));

  app.post<Post>(
    '/public/:forceId/complain',
    {
      ...quiet,
      config: {
        cookieless: true,
        noSessionForm: 'a complaint by a member of the public: no session',
        ...limited(20, 'complaints-portal'),
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const values = readAnswers(body);
      const action = typeof body['action'] === 'string' ? body['action'] : 'check';
      if (action === 'change') return showForm(request, reply, values);
      try {
        if (action === 'send') {
          const force = await portalForce(request);
          const done = await makeComplaint(deps, force.id, body, request.id);
          return render(request, reply, 'sent.njk', 'sent.title', () => done);
        }
        const { incidentOn } = checkPortalAnswers(deps, body);
        return render(request, reply, 'check.njk', 'check.title', (t) => ({
          values,
          rows: [
            ['complain.name', values.name],
            ['complain.basis', t(`complain.${BASIS_KEYS[values.basis]}`)],
            ...(values.basis === 'on_behalf'
              ? [
                  ['complain.representedName', values.representedName],
                  ['complain.representedBasis', t(`complain.${BASIS_KEYS[values.representedBasis]}`)],
                ]
              : []),
            ['complain.contactMethod', t(`complain.${CONTACT_KEYS[values.contactMethod]}`)],
            ['complain.email', values.email],
            ['complain.phone', values.phone],
            ['complain.address', values.address],
            ['complain.accessibilityNeeds', values.accessibilityNeeds],
            ['complain.language', values.language],
            ['complain.whatHappened', values.whatHappened],
            ['complain.about', t(`complain.${aboutKey(values.about)}`)],
            ['complain.incidentOn', formatDay(t, incidentOn)],
            ['complain.incidentPlace', values.incidentPlace],
            ['complain.who', t(`complain.${WHO_KEYS[values.who]}`)],
            ['complain.officerDetails', values.officerDetails],
            ['complain.desiredOutcome', values.desiredOutcome],
          ].map(([key, value]) => ({ key: { text: t(key!) }, value: { text: value || t('check.notGiven') } })),
        }));
      } catch (err) {
        if (!(err instanceof PortalAnswersError)) throw err;
        return showForm(request, reply.code(400), values, err.fields);
      }
    },
  );

  const showStatusForm = (
    request: FastifyRequest<Force>,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    problems: Record<string, AnswerError> = {},
  ) =>
    render(request, reply, 'status-form.njk', 'statusForm.title', (t) => {
      const fields = say(t, problems);
      return { values: { reference: values['reference'] ?? '' }, fields, errors: summary(fields) };
    });

  app.get<Force>('/public/:forceId/complaint-status', quiet, (request, reply) => showStatusForm(request, reply));

  app.post<Post>(
    '/public/:forceId/complaint-status',
    {
      ...quiet,
      config: {
        cookieless: true,
        noSessionForm: 'the reference and code form: no session',
        ...limited(30, 'complaints-portal-status'),
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const force = await portalForce(request);
      try {
        const view = await viewComplaintStatus(deps, force.id, body, request.id);
        return render(request, reply, 'status.njk', 'status.title', (t) => ({
          view,
          receivedOn: formatDay(t, view.receivedOn),
          stage: t(`status.stages.${view.status}`),
          next: view.next
            ? t(`status.deadlines.${view.next.period}`, { date: formatDay(t, view.next.dueOn) })
            : t('status.noDeadline'),
          reviewState: view.review
            ? t(`status.reviewStates.${view.review.status}`, {
                result: view.review.result ? t(`status.reviewResults.${view.review.result}`) : '',
              })
            : '',
          reviewIntro:
            view.canApplyForReview && view.reviewBody
              ? t('status.reviewIntro', {
                  body: t(`status.reviewBodies.${view.reviewBody}`),
                  date: formatDay(t, view.reviewWindowEndsOn),
                })
              : '',
          letters: view.letters.map((l) => ({
            kind: t(`status.letterKinds.${l.kind}`),
            writtenOn: formatDay(t, l.writtenOn),
          })),
        }));
      } catch (err) {
        if (err instanceof PortalLockedError)
          return showStatusForm(request, reply.code(423), body, { code: { key: 'errors.locked' } });
        if (!(err instanceof PortalAnswersError)) throw err;
        return showStatusForm(request, reply.code(400), body, err.fields);
      }
    },
  );

  app.post<Post>(
    '/public/:forceId/complaint-review',
    {
      ...quiet,
      config: {
        cookieless: true,
        noSessionForm: 'a review application with the reference and code: no session',
        ...limited(30, 'complaints-portal-status'),
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const force = await portalForce(request);
      try {
        await applyForReviewOnline(deps, force.id, body, request.id);
        return render(request, reply, 'review-sent.njk', 'reviewSent.title', () => ({}));
      } catch (err) {
        if (err instanceof PortalLockedError)
          return showStatusForm(request, reply.code(423), body, { code: { key: 'errors.locked' } });
        if (!(err instanceof PortalAnswersError)) throw err;
        return showStatusForm(request, reply.code(400), body, err.fields);
      }
    },
  );
}
