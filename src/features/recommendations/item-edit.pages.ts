import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { notFound, type FieldErrors } from '../../kernel/errors.ts';
import { authorize } from '../../kernel/access/principal.ts';
import { editItem, editItemInput } from './edit-item.ts';
import {
  dateValues,
  first,
  formErrors,
  kindChoices,
  ownerBodyChoices,
  readDates,
  refuseBadDates,
  summaryOf,
  valuesOf,
  type FormBody,
} from './page-helpers.ts';
import { itemFormInput } from './reports.pages.ts';
import { updateActionInput, updateActionOf } from './update-action.ts';
import { viewItem } from './view-item.ts';

type ItemParams = { Params: { itemId: string } };
type ActionParams = { Params: { itemId: string; actionId: string } };
type Extra = { fields?: FieldErrors; values?: Record<string, string> };

/** Correcting an item (the commissioner's office) and changing an action or recording it done (the force). */
export function registerItemEditPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showEdit = async (request: FastifyRequest<ItemParams>, reply: FastifyReply, extra: Extra = {}) => {
    const principal = principalOf(request);
    authorize(principal, 'recommendation.verify', 'recommendation');
    const { item, report, entry, may } = await viewItem(deps, principal, request.params.itemId);
    // Only whoever may change the item sees its form (the report's owner, or the force of a local item).
    if (!may.editItem) throw notFound('recommendation');
    const values = extra.values ?? {
      kind: item.kind,
      number: String(item.number),
      text: item.text,
      ownerBody: item.ownerBody,
      themes: item.themes.join(', '),
      textVerified: item.textVerified ? 'yes' : '',
      version: String(item.version),
      ...dateValues('deadline', item.deadline),
    };
    return reply.page('recommendations/views/item-form.njk', {
      pageTitle: `Change ${entry.label} – ${report.title}`,
      report,
      item,
      action: `/recommendations/items/${item.id}/edit`,
      kinds: kindChoices,
      ownerBodies: ownerBodyChoices,
      values,
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields, ['deadline']) : undefined,
    });
  };

  app.get<ItemParams>('/recommendations/items/:itemId/edit', pre, (request, reply) => showEdit(request, reply));

  app.post<ItemParams & { Body: FormBody }>('/recommendations/items/:itemId/edit', pre, async (request, reply) => {
    const body = request.body ?? {};
    try {
      const principal = principalOf(request);
      authorize(principal, 'recommendation.verify', 'recommendation');
      const dates = readDates(body, { deadline: 'The deadline' });
      const input = { ...itemFormInput(body, dates.iso['deadline']), version: first(body['version']) };
      refuseBadDates(editItemInput, input, dates.errors, 'Check the item');
      await editItem(deps, principal, request.params.itemId, input, request.id);
      return reply.redirect(`/recommendations/items/${request.params.itemId}?done=edited`, 303);
    } catch (err) {
      return showEdit(request, reply.code(400), { fields: formErrors(err), values: valuesOf(body) });
    }
  });

  const showAction = async (request: FastifyRequest<ActionParams>, reply: FastifyReply, extra: Extra = {}) => {
    const principal = principalOf(request);
    authorize(principal, 'recommendation.manage', 'action');
    const view = await viewItem(deps, principal, request.params.itemId);
    const action = view.actions.find((a) => a.id === request.params.actionId);
    if (!action) throw notFound('action');
    const values = extra.values ?? {
      description: action.description,
      version: String(action.version),
      ...dateValues('dueOn', action.dueOn),
      ...dateValues('doneOn', action.doneOn),
    };
    return reply.page('recommendations/views/action-form.njk', {
      pageTitle: `Change an action – ${view.entry.label}`,
      item: view.item,
      entry: view.entry,
      report: view.report,
      action,
      values,
      fields: extra.fields,
      errors: extra.fields ? summaryOf(extra.fields, ['dueOn', 'doneOn']) : undefined,
    });
  };

  app.get<ActionParams>('/recommendations/items/:itemId/actions/:actionId', pre, (request, reply) =>
    showAction(request, reply),
  );

  app.post<ActionParams & { Body: FormBody }>(
    '/recommendations/items/:itemId/actions/:actionId',
    pre,
    async (request, reply) => {
      const body = request.body ?? {};
      try {
        const principal = principalOf(request);
        authorize(principal, 'recommendation.manage', 'action');
        const dates = readDates(body, { dueOn: 'The due date', doneOn: 'The date it was done' });
        const input = {
          description: first(body['description']),
          dueOn: dates.iso['dueOn'] ?? '',
          doneOn: dates.iso['doneOn'] ?? '',
          version: first(body['version']),
        };
        refuseBadDates(updateActionInput, input, dates.errors, 'Check the action');
        await updateActionOf(deps, principal, request.params.itemId, request.params.actionId, input, request.id);
        return reply.redirect(`/recommendations/items/${request.params.itemId}?done=actionUpdated`, 303);
      } catch (err) {
        return showAction(request, reply.code(400), { fields: formErrors(err), values: valuesOf(body) });
      }
    },
  );
}
