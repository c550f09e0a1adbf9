import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { all, dateParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { formOptions } from './complaint-page-model.ts';
import { logComplaint } from './log-complaint.ts';
import { complaintPolicy } from './complaint.policy.ts';
import { DATE_CONTROLS, Dates, type ComplaintRequest as Req } from './complaint-form-dates.ts';

const ALLEGATION_SLOTS = 3;

/**
 * The log form: one complainant, one person complained about and up to three allegations, posted to the same
 * use case as the API; a refusal shows the form again with each error beside its control.
 */
export function registerLogComplaintPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  const showLogForm = (request: Req, reply: FastifyReply, extra: { status?: number; fields?: FieldErrors } = {}) => {
    const principal = principalOf(request);
    if (!complaintPolicy.log(principal)) throw new AppError('not_found', 'No such page.');
    const today = dateParts(ukToday(deps.now()));
    const values: Record<string, string> = extra.fields
      ? Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, first(v)]))
      : {
          'receivedOn-day': today.day,
          'receivedOn-month': today.month,
          'receivedOn-year': today.year,
          'loggedOn-day': today.day,
          'loggedOn-month': today.month,
          'loggedOn-year': today.year,
        };
    return reply.code(extra.status ?? 200).page('complaints/views/log-complaint.njk', {
      pageTitle: 'Log a complaint',
      aboutChiefOfficer: complaintPolicy.actsForLocalPolicingBody(principalOf(request)),
      values,
      fields: extra.fields ?? {},
      errors: extra.fields ? errorSummary(extra.fields, DATE_CONTROLS) : undefined,
      slots: Array.from({ length: ALLEGATION_SLOTS }, (_, i) => i),
      ...formOptions(),
    });
  };

  app.get('/complaints/new', pre, (request, reply) => showLogForm(request as Req, reply));

  app.post<{ Params: { id: string }; Querystring: Record<string, string>; Body: FormBody }>(
    '/complaints',
    pre,
    async (request, reply) => {
      const b = request.body ?? {};
      const dates = new Dates(b);
      const f = (k: string) => first(b[k]).trim();
      const allegations: { slot: number; value: Record<string, unknown> }[] = [];
      for (let i = 0; i < ALLEGATION_SLOTS; i++) {
        const description = f(`allegation${i}-description`);
        const category = f(`allegation${i}-categoryCode`);
        if (i > 0 && !description && !category) continue;
        const incidentOn = dates.get(`allegation${i}-incidentOn`, 'The date of the incident');
        allegations.push({
          slot: i,
          value: {
            subject: 0,
            categoryCode: category,
            description,
            ...(incidentOn ? { incidentOn } : {}),
            incidentPlace: f(`allegation${i}-incidentPlace`),
          },
        });
      }
      const subjectKind = f('subjectKind');
      const input = {
        channel: f('channel'),
        receivedOn: dates.get('receivedOn', 'The date received') ?? '',
        loggedOn: dates.get('loggedOn', 'The date logged') ?? '',
        summary: f('summary'),
        desiredOutcome: f('desiredOutcome'),
        complainants: [
          {
            name: f('name'),
            basis: f('basis'),
            ...(f('representedBasis') ? { representedBasis: f('representedBasis') } : {}),
            representedName: f('representedName'),
            underSameChiefOfficer: all(b['exclusions']).includes('same_chief_officer'),
            onDutyAtTime: all(b['exclusions']).includes('on_duty'),
            email: f('email'),
            phone: f('phone'),
            address: f('address'),
            contactMethod: f('contactMethod'),
            format: f('format'),
            language: f('language'),
            accessibilityNeeds: f('accessibilityNeeds'),
          },
        ],
        subjects: [
          {
            kind: subjectKind,
            ...(subjectKind === 'person' && f('personId') ? { personId: f('personId') } : {}),
            description: f('subjectDescription'),
          },
        ],
        allegations: allegations.map((a) => a.value),
      };
      try {
        if (Object.keys(dates.errors).length) throw new AppError('validation', 'Check the dates', {});
        const logged = await logComplaint(deps, principalOf(request), input as never, request.id);
        return reply.redirect(`/complaints/${logged.id}`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'validation') throw err;
        const fields: FieldErrors = { ...dates.errors };
        for (const [key, text] of Object.entries(err.fields ?? {})) {
          const control = key
            .replace(/^complainants\.0\./, '')
            .replace(/^subjects\.0\.personId$/, 'personId')
            .replace(/^subjects\.0\.\w+$/, 'subjectKind')
            .replace(/^allegations\.(\d+)\.(\w+)$/, (_m, i: string, name: string) => {
              const slot = allegations[Number(i)]?.slot ?? 0;
              return `allegation${slot}-${name === 'subject' ? 'description' : name}`;
            })
            .replace(/^complainants$/, 'name')
            .replace(/^allegations$/, 'allegation0-description');
          fields[control] ??= text;
        }
        if (!Object.keys(fields).length) fields['summary'] = err.message;
        return showLogForm(request, reply, { status: 400, fields });
      }
    },
  );
}
