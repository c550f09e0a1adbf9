import type { LogComplaintInput } from '../complaint-input.ts';

/**
 * The answers of the public complaint form, read from the posted form and checked in the portal's own
 * words: each problem is a key of the message catalogue (`errors.*`), so the form shows it in the
 * complainant's language. The answers then become the staff use case's input (channel "online").
 */
export const PORTAL_BASES = ['directed_at', 'adversely_affected', 'witness', 'on_behalf'] as const;
export const PORTAL_CONTACT = ['email', 'post', 'phone'] as const;
export const PORTAL_WHO = ['officer', 'service'] as const;

/**
 * What the complaint is mainly about, in plain words, and the IOPC category each is logged under; the
 * handler files each allegation under its proper category at initial handling. Configuration with defaults.
 */
export const PORTAL_ABOUT: Record<string, string> = {
  service: 'duties.service_level',
  rudeness: 'behaviours.unprofessional',
  force: 'powers.use_of_force',
  stopSearch: 'powers.stop_search',
  arrest: 'powers.arrest',
  discrimination: 'discrimination.other',
  other: 'other',
};

export const ANSWER_FIELDS = [
  'name',
  'basis',
  'representedName',
  'representedBasis',
  'contactMethod',
  'email',
  'phone',
  'address',
  'accessibilityNeeds',
  'language',
  'whatHappened',
  'about',
  'incidentOn-day',
  'incidentOn-month',
  'incidentOn-year',
  'incidentPlace',
  'who',
  'officerDetails',
  'desiredOutcome',
] as const;
export type Answers = Record<(typeof ANSWER_FIELDS)[number], string>;

const LIMITS: Partial<Record<keyof Answers, number>> = {
  name: 200,
  representedName: 200,
  email: 320,
  phone: 40,
  address: 1000,
  accessibilityNeeds: 2000,
  language: 100,
  whatHappened: 5000,
  incidentPlace: 500,
  officerDetails: 1000,
  desiredOutcome: 5000,
};

/** The posted form as answers: every field a trimmed string (a repeated field keeps its first value). */
export function readAnswers(body: Record<string, unknown>): Answers {
  const out = {} as Answers;
  for (const field of ANSWER_FIELDS) {
    const raw = body[field];
    const value: unknown = Array.isArray(raw) ? (raw as unknown[])[0] : raw;
    out[field] = typeof value === 'string' ? value.trim() : '';
  }
  return out;
}

export type AnswerError = { key: string; params?: Record<string, number> };
export type Checked = { errors: Record<string, AnswerError>; incidentOn?: string };

const oneOf = (list: readonly string[], value: string) => list.includes(value);

/** The problems with the answers (field → catalogue key), and the incident date when one was given. */
export function checkAnswers(a: Answers, today: string): Checked {
  const errors: Record<string, AnswerError> = {};
  const need = (field: keyof Answers, ok: boolean) => {
    if (!ok) errors[field] ??= { key: `errors.${field}` };
  };
  need('name', a.name !== '');
  need('basis', oneOf(PORTAL_BASES, a.basis));
  if (a.basis === 'on_behalf') {
    need('representedName', a.representedName !== '');
    need('representedBasis', oneOf(['directed_at', 'adversely_affected', 'witness'], a.representedBasis));
  }
  need('contactMethod', oneOf(PORTAL_CONTACT, a.contactMethod));
  if (a.email !== '' || a.contactMethod === 'email') need('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email));
  if (a.contactMethod === 'phone') need('phone', /^[0-9+()\s-]{6,}$/.test(a.phone));
  if (a.contactMethod === 'post') need('address', a.address !== '');
  need('whatHappened', a.whatHappened !== '');
  need('about', a.about in PORTAL_ABOUT && Object.hasOwn(PORTAL_ABOUT, a.about));
  need('who', oneOf(PORTAL_WHO, a.who));
  // Police Reform Act 2002 s.12(1B): a complaint about the service itself only by someone adversely affected.
  const witness = a.basis === 'witness' || (a.basis === 'on_behalf' && a.representedBasis === 'witness');
  if (a.who === 'service' && witness) errors['who'] ??= { key: 'errors.serviceWitness' };
  for (const [field, max] of Object.entries(LIMITS) as [keyof Answers, number][])
    if (a[field].length > max) errors[field] ??= { key: 'errors.tooLong', params: { max } };

  const [d, m, y] = [a['incidentOn-day'], a['incidentOn-month'], a['incidentOn-year']];
  let incidentOn: string | undefined;
  if (d || m || y) {
    const iso =
      /^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y)
        ? `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
        : '';
    const real = iso !== '' && new Date(`${iso}T00:00:00Z`).toISOString?.().slice(0, 10) === iso;
    if (!real) errors['incidentOn'] = { key: 'errors.incidentOn' };
    else if (iso > today) errors['incidentOn'] = { key: 'errors.incidentOnFuture' };
    else incidentOn = iso;
  }
  return { errors, ...(incidentOn ? { incidentOn } : {}) };
}

/** The staff use case's input from checked answers: one complainant, one subject, one allegation. */
export function complaintInputOf(a: Answers, incidentOn: string | undefined, today: string): LogComplaintInput {
  const onBehalf = a.basis === 'on_behalf';
  return {
    channel: 'online',
    receivedOn: today,
    loggedOn: today,
    summary: a.whatHappened,
    desiredOutcome: a.desiredOutcome,
    complainants: [
      {
        name: a.name,
        basis: a.basis as (typeof PORTAL_BASES)[number],
        ...(onBehalf
          ? {
              representedName: a.representedName,
              representedBasis: a.representedBasis as (typeof PORTAL_BASES)[number],
            }
          : {}),
        email: a.email,
        phone: a.phone,
        address: a.address,
        contactMethod: a.contactMethod as (typeof PORTAL_CONTACT)[number],
        language: a.language,
        accessibilityNeeds: a.accessibilityNeeds,
      },
    ],
    subjects: [
      a.who === 'officer'
        ? { kind: 'unidentified_officer', description: a.officerDetails }
        : { kind: 'service', description: a.officerDetails },
    ],
    allegations: [
      {
        subject: 0,
        categoryCode: PORTAL_ABOUT[a.about] ?? 'other',
        description: a.whatHappened,
        ...(incidentOn ? { incidentOn } : {}),
        incidentPlace: a.incidentPlace,
      },
    ],
  };
}
