import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import type { FieldErrors } from '../../kernel/errors.ts';
import { authorize, type Principal } from '../../kernel/access/principal.ts';
import { roleLabels, isRole } from '../../kernel/access/roles.ts';
import { sizeText } from '../../kernel/files.ts';
import { addAction, addActionInput } from './add-action.ts';
import { addComment } from './add-comment.ts';
import { addRecommendationEvidence } from './add-evidence.ts';
import { assessSelf } from './assess-self.ts';
import { readRecommendationEvidence } from './read-evidence.ts';
import {
  first,
  formErrors,
  readDates,
  refuseBadDates,
  statusChoices,
  statusTag,
  summaryOf,
  valuesOf,
  type FormBody,
} from './page-helpers.ts';
import { setOwner } from './set-owner.ts';
import { signOff } from './sign-off.ts';
import { kindLabels, ownerBodyLabels, statusLabels } from './tracker-rules.ts';
import { verifyStatus } from './verify-status.ts';
import { viewItem } from './view-item.ts';
import { sendDownload } from '../../kernel/downloads.ts';

type ItemParams = { Params: { itemId: string } };
type Extra = { fields?: FieldErrors; values?: Record<string, string>; dateFields?: string[] };

/** What was just done, for the success banner (`?done=`). */
const doneMessages: Record<string, string> = {
  owner: 'The accountable owner was saved.',
  self: 'The force’s status was saved.',
  verified: 'The verified status was saved.',
  action: 'The action was added.',
  actionUpdated: 'The action was updated.',
  evidence: 'The evidence was added.',
  comment: 'Your comment was added.',
  signoff: 'The force’s status was signed off.',
  edited: 'The item was saved.',
};

/** One item as the force tracks it (item.njk and its parts), and the small forms that change it. */
export function registerItemPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showItem = async (
    request: FastifyRequest<ItemParams & { Querystring?: Record<string, string | undefined> }>,
    reply: FastifyReply,
    extra: Extra = {},
  ) => {
    const view = await viewItem(deps, principalOf(request), request.params.itemId);
    const done = request.query?.['done'];
    return reply.page('recommendations/views/item.njk', {
      pageTitle: `${view.entry.label} – ${view.report.title}`,
      ...view,
      heading: `${kindLabels[view.item.kind].one} ${view.item.number}`,
      addressedTo: ownerBodyLabels[view.item.ownerBody],
      selfTag: statusTag(view.entry.selfStatus),
      verifiedTag: statusTag(view.entry.verifiedStatus),
      selfLabel: statusLabels[view.entry.selfStatus],
      statuses: statusChoices,
      comments: view.comments.map((c) => ({
        ...c,
        roleLabel: c.authorRole && isRole(c.authorRole) ? roleLabels[c.authorRole] : '',
      })),
      evidence: view.evidence.map((e) => ({ ...e, size: e.sizeBytes !== null ? sizeText(e.sizeBytes) : '' })),
      flash: done ? doneMessages[done] : undefined,
      values: extra.values ?? {},
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields, extra.dateFields ?? []) : undefined,
    });
  };

  app.get<ItemParams & { Querystring: Record<string, string | undefined> }>(
    '/recommendations/items/:itemId',
    pre,
    (request, reply) => showItem(request, reply),
  );

  /** A small form on the item page: on success back to the page with a banner, on bad input the page again with the errors. */
  const itemForm = (
    path: string,
    done: string,
    run: (principal: Principal, request: FastifyRequest<ItemParams & { Body: FormBody }>) => Promise<unknown>,
    rename: Record<string, string> = {},
    dateFields: string[] = [],
  ) => {
    app.post<ItemParams & { Body: FormBody }>(`/recommendations/items/:itemId${path}`, pre, async (request, reply) => {
      try {
        await run(principalOf(request), request);
        return reply.redirect(`/recommendations/items/${request.params.itemId}?done=${done}`, 303);
      } catch (err) {
        const fields = formErrors(err, rename, Object.values(rename)[0] ?? 'form');
        return showItem(request, reply.code(400), { fields, values: valuesOf(request.body), dateFields });
      }
    });
  };

  const body = (request: { body: FormBody | undefined }) => request.body ?? {};

  itemForm(
    '/owner',
    'owner',
    (p, r) =>
      setOwner(
        deps,
        p,
        r.params.itemId,
        { ownerUserId: first(body(r)['ownerUserId']), version: first(body(r)['version']) },
        r.id,
      ),
    {
      ownerUserId: 'ownerUserId',
      version: 'ownerUserId',
    },
  );
  itemForm(
    '/self-assessment',
    'self',
    (p, r) =>
      assessSelf(
        deps,
        p,
        r.params.itemId,
        { status: first(body(r)['selfStatus']), version: first(body(r)['version']) },
        r.id,
      ),
    {
      status: 'selfStatus',
      version: 'selfStatus',
    },
  );
  itemForm(
    '/verification',
    'verified',
    (p, r) =>
      verifyStatus(
        deps,
        p,
        r.params.itemId,
        { status: first(body(r)['verifiedStatus']), version: first(body(r)['version']) },
        r.id,
      ),
    {
      status: 'verifiedStatus',
      version: 'verifiedStatus',
    },
  );
  itemForm(
    '/sign-off',
    'signoff',
    (p, r) => signOff(deps, p, r.params.itemId, { version: first(body(r)['version']) }, r.id),
    { version: 'signOff' },
  );
  itemForm(
    '/comments',
    'comment',
    (p, r) => addComment(deps, p, r.params.itemId, { body: first(body(r)['commentBody']) }, r.id),
    { body: 'commentBody' },
  );
  itemForm(
    '/actions',
    'action',
    async (p, r) => {
      authorize(p, 'recommendation.manage', 'recommendation');
      const dates = readDates(body(r), { actionDueOn: 'The due date' });
      const input = { description: first(body(r)['actionDescription']), dueOn: dates.iso['actionDueOn'] ?? '' };
      refuseBadDates(addActionInput, input, dates.errors, 'Check the action');
      return addAction(deps, p, r.params.itemId, input, r.id);
    },
    { description: 'actionDescription', dueOn: 'actionDueOn' },
    ['actionDueOn'],
  );

  app.post<ItemParams & { Body: Record<string, unknown> | undefined }>(
    '/recommendations/items/:itemId/evidence',
    { ...pre, config: { acceptsUpload: true } },
    async (request, reply) => {
      const b = request.body ?? {};
      const text = (name: string) => (typeof b[name] === 'string' ? b[name] : '');
      try {
        await addRecommendationEvidence(
          deps,
          principalOf(request),
          request.params.itemId,
          { title: text('evidenceTitle'), url: text('evidenceUrl'), file: b['file'] },
          request.id,
        );
        return reply.redirect(`/recommendations/items/${request.params.itemId}?done=evidence`, 303);
      } catch (err) {
        const fields = formErrors(err, { title: 'evidenceTitle', url: 'evidenceUrl' }, 'file');
        return showItem(request, reply.code(400), {
          fields,
          values: { evidenceTitle: text('evidenceTitle'), evidenceUrl: text('evidenceUrl') },
        });
      }
    },
  );

  app.get<{ Params: { itemId: string; evidenceId: string } }>(
    '/recommendations/items/:itemId/evidence/:evidenceId',
    pre,
    async (request, reply) => {
      const file = await readRecommendationEvidence(
        deps,
        principalOf(request),
        request.params.itemId,
        request.params.evidenceId,
        request.id,
      );
      return sendDownload(reply, file);
    },
  );
}
