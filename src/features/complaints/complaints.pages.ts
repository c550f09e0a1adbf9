import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../kernel/deps.ts';
import { principalOf, requireSignedInPage } from '../../kernel/http/guards.ts';
import { AppError, type FieldErrors } from '../../kernel/errors.ts';
import { type Principal } from '../../kernel/access/principal.ts';
import { all, dateFromParts, dateParts, errorSummary, first, type FormBody } from '../../kernel/forms.ts';
import { complaintPageModel, formOptions, STATUS_FILTERS } from './complaint-page-model.ts';
import { statusLabels } from './complaint-steps.ts';
import { listComplaints } from './list-complaints.ts';
import { logComplaint } from './log-complaint.ts';
import { recordHandling } from './record-handling.ts';
import { recordInitialHandling } from './record-initial-handling.ts';
import { recordOutcomeNotice } from './record-outcome-notice.ts';
import { recordOutcomes } from './record-outcomes.ts';
import { recordProgressUpdate } from './record-progress-update.ts';
import { recordReferral } from './record-referral.ts';
import { viewComplaint } from './view-complaint.ts';
import { withdrawComplaint } from './withdraw-complaint.ts';
import { writeComplaintLetter } from './letters/write-letter.ts';
import { logReviewApplication } from './reviews/apply-for-review.ts';
import { ukToday } from '../../kernel/time/dates.ts';
import { complaintPolicy } from './complaint.policy.ts';

type Req = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string>; Body: FormBody }>;

/** The date controls of the forms (an error on one links to its day field). */
const DATE_CONTROLS = [
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
const ALLEGATION_SLOTS = 3;

/** Reads GOV.UK date inputs from a form, collecting each error under its control's name. */
class Dates {
  readonly errors: FieldErrors = {};
  constructor(private readonly body: FormBody) {}
  get(name: string, what: string, control = name): string | undefined {
    const { iso, error } = dateFromParts(this.body, name, what);
    if (error) this.errors[control] = error;
    return iso;
  }
}

const yesNo = (v: string): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);

/**
 * The complaint pages: the list, the log form and the complaint page, whose decision forms (initial
 * handling, referral, handling, outcomes, withdrawal) post to the same use cases as the API. No JavaScript.
 */
export function registerComplaintPages(app: FastifyInstance, deps: Deps): void {
  const pre = { preHandler: requireSignedInPage };

  app.get<{ Querystring: Record<string, string> }>('/complaints', pre, async (request, reply) => {
    const principal = principalOf(request);
    const r = await listComplaints(deps, principal, request.query, request.id);
    return reply.page('complaints/views/complaints.njk', {
      pageTitle: 'Complaints',
      canLog: complaintPolicy.log(principal),
      query: r.query,
      total: r.total,
      statusItems: [
        { value: '', text: 'Any status' },
        ...STATUS_FILTERS.map((s) => ({ value: s, text: statusLabels[s], selected: r.query.status === s })),
      ],
      rows: r.rows.map((c) => ({
        id: c.id,
        reference: c.reference,
        receivedOn: c.received_on,
        status: statusLabels[c.status as keyof typeof statusLabels] ?? c.status,
        summary: c.summary,
        allegations: c.allegation_count,
        nextDueOn: c.next_due_on,
      })),
    });
  });

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

  const showComplaint = async (
    request: Req,
    reply: FastifyReply,
    extra: { status?: number; form?: string; fields?: FieldErrors; refusal?: string } = {},
  ) => {
    const principal = principalOf(request);
    const view = await viewComplaint(deps, principal, request.params.id, request.id);
    const model = complaintPageModel(view, deps.config.rules.periods, complaintPolicy.decide(principal));
    const values = extra.form
      ? Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, first(v)]))
      : {};
    const fields = extra.fields ?? {};
    return reply.code(extra.status ?? 200).page('complaints/views/complaint.njk', {
      pageTitle: `Complaint ${view.complaint.reference}`,
      ...model,
      ...formOptions(),
      form: extra.form ?? null,
      values,
      checked: extra.form ? Object.fromEntries(Object.entries(request.body ?? {}).map(([k, v]) => [k, all(v)])) : {},
      fields,
      errors: extra.refusal
        ? [{ text: extra.refusal }]
        : extra.fields
          ? errorSummary(fields, DATE_CONTROLS)
          : undefined,
    });
  };

  app.get<{ Params: { id: string }; Querystring: Record<string, string>; Body: FormBody }>(
    '/complaints/:id',
    pre,
    (request, reply) => showComplaint(request, reply),
  );

  /** A decision form's post: 303 back to the complaint; the page again with the errors on a 400, 409 or 422. */
  const decision = (
    form: string,
    build: (b: FormBody, dates: Dates) => Record<string, unknown>,
    run: (principal: Principal | null, id: string, input: never, requestId: string) => Promise<unknown>,
  ) =>
    app.post<{ Params: { id: string }; Querystring: Record<string, string>; Body: FormBody }>(
      `/complaints/:id/${form}`,
      pre,
      async (request, reply) => {
        const b = request.body ?? {};
        const dates = new Dates(b);
        const input = { version: Number(first(b['version'])), ...build(b, dates) };
        try {
          if (Object.keys(dates.errors).length) throw new AppError('validation', 'Check the dates', {});
          await run(principalOf(request), request.params.id, input as never, request.id);
          return reply.redirect(`/complaints/${request.params.id}`, 303);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          if (err.code === 'validation') {
            const fields: FieldErrors = { ...dates.errors };
            for (const [key, text] of Object.entries(err.fields ?? {}))
              fields[key.replace(/^outcomes\.(\d+)\.\w+$/, 'outcomes')] ??= text;
            if (!Object.keys(fields).length) fields['form'] = err.message;
            return showComplaint(request, reply, { status: 400, form, fields });
          }
          if (err.code === 'invalid_state' || err.code === 'conflict')
            return showComplaint(request, reply, { status: err.status, form, refusal: err.message });
          throw err;
        }
      },
    );

  const text = (b: FormBody, k: string) => first(b[k]).trim();
  decision(
    'initial-handling',
    (b, d) => ({
      contactMadeOn: d.get('contactMadeOn', 'The date of contact'),
      complainantWishes: text(b, 'complainantWishes'),
      complainantWantsRecorded: yesNo(text(b, 'complainantWantsRecorded')),
      recordingGrounds: all(b['recordingGrounds']),
      handling: text(b, 'handling') || undefined,
      decidedOn: d.get('decidedOn', 'The date of the decision'),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordInitialHandling(deps, p, id, input, r),
  );
  decision(
    'referral',
    (b, d) => ({
      referralGrounds: all(b['referralGrounds']),
      referred: yesNo(text(b, 'referred')),
      decidedOn: d.get('decidedOn', 'The date of the decision'),
      iopcDecision: text(b, 'iopcDecision') || undefined,
      iopcDecidedOn: d.get('iopcDecidedOn', 'The date of the IOPC’s decision'),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordReferral(deps, p, id, input, r),
  );
  decision(
    'handling',
    (b, d) => ({
      route: text(b, 'route') || undefined,
      startedOn: d.get('startedOn', 'The date handling started'),
      reviewGrounds: all(b['reviewGrounds']),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordHandling(deps, p, id, input, r),
  );
  decision(
    'outcomes',
    (b, d) => ({
      decidedOn: d.get('decidedOn', 'The date of the outcome'),
      notifiedOn: d.get('notifiedOn', 'The date the complainant was told'),
      outcomes: all(b['allegationIds']).map((allegationId) => ({
        allegationId,
        outcome: text(b, `outcome-${allegationId}`),
        actions: all(b[`actions-${allegationId}`]),
        notes: text(b, `notes-${allegationId}`),
      })),
      learning: text(b, 'learning'),
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => recordOutcomes(deps, p, id, input, r),
  );
  decision(
    'withdrawal',
    (b, d) => ({
      withdrawnOn: d.get('withdrawnOn', 'The date of withdrawal'),
      signedNotice: text(b, 'signedNotice') === 'yes',
      reasons: text(b, 'reasons'),
    }),
    (p, id, input, r) => withdrawComplaint(deps, p, id, input, r),
  );
  decision(
    'progress-updates',
    (b, d) => ({ sentOn: d.get('sentOn', 'The date the update was sent'), reasons: text(b, 'reasons') }),
    (p, id, input, r) => recordProgressUpdate(deps, p, id, input, r),
  );
  decision(
    'outcome-notice',
    (_b, d) => ({ notifiedOn: d.get('notifiedOn', 'The date the complainant was told') }),
    (p, id, input, r) => recordOutcomeNotice(deps, p, id, input, r),
  );
  decision(
    'letters',
    (b) => ({ kind: text(b, 'kind') }),
    (p, id, input, r) => writeComplaintLetter(deps, p, id, input, r),
  );
  decision(
    'reviews',
    (b, d) => ({
      receivedOn: d.get('receivedOn', 'The date the application was received'),
      grounds: text(b, 'grounds'),
    }),
    (p, id, input, r) => logReviewApplication(deps, p, id, input, r),
  );
}
