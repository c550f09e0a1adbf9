import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { all, dateFromParts, errorSummary, first, type FormBody } from '../../../kernel/forms.ts';
import { recordTransferIn, transferInForm } from './record-transfer-in.ts';

type Params = { Params: { personId: string } };

/** "Record a transfer in" for a person (vetting officer): previous force, date, parent-force checks, checklist. */
export function registerTransferInPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const show = async (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    extra: { fields?: FieldErrors; values?: Record<string, unknown> } = {},
  ) => {
    const form = await transferInForm(deps, principalOf(request), request.params.personId);
    return reply.page('vetting/views/transfer-in.njk', {
      pageTitle: `Record a transfer in – ${form.person.name}`,
      ...form,
      fields: extra.fields,
      errors: extra.fields ? errorSummary(extra.fields, ['transferredOn']) : undefined,
      values: extra.values ?? {},
    });
  };

  app.get<Params>('/vetting/transfers-in/:personId', pre, (request, reply) => show(request, reply));

  app.post<Params & { Body: FormBody }>('/vetting/transfers-in/:personId', pre, async (request, reply) => {
    const b = request.body;
    const date = dateFromParts(b, 'transferredOn', 'The date of the transfer');
    const outstanding = first(b.checksOutstanding);
    const values = { ...b, received: all(b.received) };
    try {
      if (date.error)
        throw new AppError('validation', 'Check the details of the transfer', { transferredOn: date.error });
      const result = await recordTransferIn(
        deps,
        principalOf(request),
        {
          personId: request.params.personId,
          previousForce: first(b.previousForce),
          transferredOn: date.iso as string,
          checksOutstanding: (outstanding === 'yes' ? true : outstanding === 'no' ? false : undefined) as boolean,
          received: all(b.received),
        },
        request.id,
      );
      return reply.redirect(`/vetting/reviews/${result.reviewId}?transfer=1`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'validation' || !err.fields) throw err;
      return show(request, reply.code(400), { fields: err.fields, values });
    }
  });
}
