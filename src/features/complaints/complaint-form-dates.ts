import type { FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../kernel/errors.ts';
import { dateFromParts, type FormBody } from '../../kernel/forms.ts';

/** A complaint page's request: the complaint's id, the query and a form post. */
export type ComplaintRequest = FastifyRequest<{
  Params: { id: string };
  Querystring: Record<string, string>;
  Body: FormBody;
}>;

/** The date controls of the forms (an error on one links to its day field). */
export const DATE_CONTROLS = [
  'receivedOn',
  'loggedOn',
  'incidentOn',
  'contactMadeOn',
  'decidedOn',
  'iopcDecidedOn',
  'startedOn',
  'notifiedOn',
  'withdrawnOn',
  'sentOn',
];
/** Reads GOV.UK date inputs from a form, collecting each error under its control's name. */
export class Dates {
  readonly errors: FieldErrors = {};
  constructor(private readonly body: FormBody) {}
  get(name: string, what: string, control = name): string | undefined {
    const { iso, error } = dateFromParts(this.body, name, what);
    if (error) this.errors[control] = error;
    return iso;
  }
}
