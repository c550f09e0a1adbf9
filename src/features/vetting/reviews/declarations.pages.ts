import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { dateFromParts, errorSummary, first, type FormBody } from '../../../kernel/forms.ts';
import {
  DECLARATION_CATEGORIES,
  DECLARATION_CATEGORY_LABELS,
  declarationCategoryLabel,
} from './declaration-categories.ts';
import { makeDeclaration, ownDeclarations } from './make-declaration.ts';

/** "Declare a change of circumstances" for any member of the workforce, with what they have declared so far. */
export function registerDeclarationPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { fields?: FieldErrors; values?: Record<string, unknown>; flash?: string } = {},
  ) => {
    const declarations = await ownDeclarations(deps, principalOf(request));
    return reply.page('vetting/views/declarations.njk', {
      pageTitle: 'Declare a change of circumstances',
      categories: DECLARATION_CATEGORIES.map((c) => ({ value: c, ...DECLARATION_CATEGORY_LABELS[c] })),
      declarations: declarations.map((d) => ({ ...d, categoryLabel: declarationCategoryLabel(d.category) })),
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, ['occurredOn']) : undefined,
      values: extra.values ?? {},
      flash: extra.flash,
    });
  };

  app.get<{ Querystring: Record<string, string> }>('/declarations', pre, (request, reply) =>
    show(
      request,
      reply,
      request.query['declared'] === '1'
        ? { flash: 'Thank you. Your declaration has been sent to the vetting unit.' }
        : {},
    ),
  );

  app.post<{ Body: FormBody }>('/declarations', pre, async (request, reply) => {
    const b = request.body;
    const date = dateFromParts(b, 'occurredOn', 'The date it happened');
    try {
      if (date.error) throw new AppError('validation', 'Check your declaration', { occurredOn: date.error });
      await makeDeclaration(
        deps,
        principalOf(request),
        { category: first(b.category) as never, occurredOn: date.iso as string, details: first(b.details) },
        request.id,
      );
      return reply.redirect('/declarations?declared=1', 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return show(request, reply.code(400), { fields: err.fields, values: { ...b } });
    }
  });
}
