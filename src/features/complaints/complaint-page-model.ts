import { formatDate } from '../../kernel/time/dates.ts';
import type { ResolvedPeriods } from '../../kernel/time/periods.ts';
import { statusLabels, type ComplaintStatus } from './complaint-steps.ts';
import { categoryLabel, complaintCategoryChoices } from './rules/categories.ts';
import { complainantBasisLabels, COMPLAINANT_BASES } from './rules/eligibility.ts';
import { defaultOutcomes, outcomeLabel } from './rules/outcomes.ts';
import { RECORDING_GROUND_DEFINITIONS, RECORDING_GROUNDS } from './rules/recording.ts';
import { iopcDecisionLabels, IOPC_DECISIONS, REFERRAL_GROUND_DEFINITIONS, REFERRAL_GROUNDS } from './rules/referral.ts';
import { REVIEW_GROUND_DEFINITIONS, REVIEW_GROUNDS, reviewBodyLabels } from './rules/review-body.ts';
import { GROUP_LABELS } from '../oversight/index.ts';
import type { viewComplaint } from './view-complaint.ts';

export const STATUS_FILTERS = Object.keys(statusLabels) as ComplaintStatus[];

export const channelLabels: Record<string, string> = {
  online: 'Online form',
  phone: 'Telephone',
  letter: 'Letter',
  email: 'E-mail',
  in_person: 'In person',
  via_pcc: 'Passed on by the PCC',
  via_iopc: 'Passed on by the IOPC',
};
/** How a complaint imported from another system was received, when that system does not say. */
const storedChannelLabels: Record<string, string> = { ...channelLabels, not_recorded: 'how, not recorded' };
const contactLabels: Record<string, string> = { email: 'E-mail', post: 'Post', phone: 'Telephone' };
const subjectKindLabels: Record<string, string> = {
  person: 'A person in the directory',
  unidentified_officer: 'An officer or staff member not yet identified',
  service: 'The service itself (direction and control of the force)',
};
const routeLabels: Record<string, string> = {
  otherwise_than_by_investigation: 'Otherwise than by investigation',
  investigation: 'Investigation',
};
const decisionLabels: Record<string, string> = {
  logged: 'Logged',
  initial_handling: 'Initial handling',
  referral: 'Referral to the IOPC',
  handling: 'Handling',
  outcomes: 'Outcomes',
  withdrawn: 'Withdrawn',
  progress_update: 'Progress update sent',
  outcome_notice: 'Outcome notice sent',
  transferred: 'Passed to the local policing body (about the chief officer)',
};
const markWords = (mark: string) => (mark === 'V' ? '' : ` [${mark}: not confirmed in the primary text]`);

/** The radio, checkbox and select items the forms share (from the rule tables, so the marks travel with them). */
export function formOptions() {
  return {
    channelItems: Object.entries(channelLabels).map(([value, text]) => ({ value, text })),
    basisItems: COMPLAINANT_BASES.map((value) => ({ value, text: complainantBasisLabels[value] })),
    representedItems: [
      { value: '', text: 'Not applicable' },
      ...COMPLAINANT_BASES.filter((b) => b !== 'on_behalf').map((value) => ({
        value,
        text: complainantBasisLabels[value],
      })),
    ],
    contactItems: Object.entries(contactLabels).map(([value, text]) => ({ value, text })),
    subjectKindItems: Object.entries(subjectKindLabels).map(([value, text]) => ({ value, text })),
    categoryItems: [
      { value: '', text: 'Choose a category' },
      ...complaintCategoryChoices().map((c) => ({ value: c.code, text: categoryLabel(c.code) })),
    ],
    recordingGroundItems: RECORDING_GROUNDS.map((value) => ({
      value,
      text: RECORDING_GROUND_DEFINITIONS[value].label,
      hint: `${RECORDING_GROUND_DEFINITIONS[value].explanation} ${RECORDING_GROUND_DEFINITIONS[value].source}.`,
    })),
    referralGroundItems: REFERRAL_GROUNDS.map((value) => ({
      value,
      text: REFERRAL_GROUND_DEFINITIONS[value].label,
      hint: `${REFERRAL_GROUND_DEFINITIONS[value].source}${markWords(REFERRAL_GROUND_DEFINITIONS[value].mark)}`,
    })),
    iopcItems: [
      { value: '', text: 'Not yet decided' },
      ...IOPC_DECISIONS.map((value) => ({ value, text: iopcDecisionLabels[value] })),
    ],
    routeItems: Object.entries(routeLabels).map(([value, text]) => ({ value, text })),
    reviewGroundItems: REVIEW_GROUNDS.filter((g) => g !== 'referred' && g !== 'must_be_referred').map((value) => ({
      value,
      text: `The IOPC reviews because ${REVIEW_GROUND_DEFINITIONS[value].reason}`,
      hint: `${REVIEW_GROUND_DEFINITIONS[value].source}${markWords(REVIEW_GROUND_DEFINITIONS[value].mark)}`,
    })),
    resultItems: defaultOutcomes.filter((o) => o.kind === 'result').map((o) => ({ value: o.code, text: o.label })),
    actionItems: defaultOutcomes.filter((o) => o.kind === 'action').map((o) => ({ value: o.code, text: o.label })),
  };
}

type View = Awaited<ReturnType<typeof viewComplaint>>;

/** The complaint page: summary rows, the people, allegations, decisions and clocks, and which forms apply. */
export const letterKindLabels: Record<string, string> = {
  acknowledgement: 'Acknowledgement',
  progress_update: 'Progress update',
  outcome: 'Outcome letter',
  withdrawal: 'Withdrawal confirmation',
};

export function complaintPageModel(view: View, periods: ResolvedPeriods, mayDecide: boolean) {
  const c = view.complaint;
  // Only its appropriate authority's function decides: need-to-know given on the complaint is to read it.
  const canDecide = mayDecide && view.handled;
  const subjectName = (id: string) => {
    const s = view.subjects.find((x) => x.id === id);
    if (!s) return '';
    return s.kind === 'person'
      ? (s.personName ?? 'A person')
      : `${subjectKindLabels[s.kind]}${s.description ? `: ${s.description}` : ''}`;
  };
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || '—' },
  });
  const status = c.status;
  return {
    complaint: { id: c.id, reference: c.reference, version: c.version, status: statusLabels[status] },
    summaryRows: [
      row('Reference', c.reference),
      row('Status', statusLabels[status]),
      row('Received', `${formatDate(c.receivedOn)} (${storedChannelLabels[c.channel] ?? c.channel})`),
      row('Logged', formatDate(c.loggedOn)),
      row(
        'Appropriate authority',
        c.appropriateAuthority === 'local_policing_body'
          ? 'The local policing body (the PCC office): the complaint is about the chief officer'
          : 'The chief officer (the force)',
      ),
      row('Summary', c.summary),
      row('What the complainant wants', c.desiredOutcome),
      row(
        'Initial handling',
        c.initialHandling === 'recorded'
          ? 'Recorded under Schedule 3'
          : c.initialHandling
            ? 'Handled outside Schedule 3'
            : null,
      ),
      row('Referred to the IOPC', c.referred === null ? null : c.referred ? `Yes, ${formatDate(c.referredOn)}` : 'No'),
      row('IOPC decision', c.iopcDecision ? iopcDecisionLabels[c.iopcDecision] : null),
      row('Handling', c.handlingRoute ? routeLabels[c.handlingRoute] : null),
      row('Reviewing body', c.reviewBody ? `${reviewBodyLabels[c.reviewBody]}. ${c.reviewBodyReason ?? ''}` : null),
      row('Outcome notice sent', c.outcomeNotifiedOn ? formatDate(c.outcomeNotifiedOn) : null),
      row('Last day to apply for a review', c.reviewWindowEndsOn ? formatDate(c.reviewWindowEndsOn) : null),
      row('Learning for the organisation', c.learning),
      row('Withdrawn', c.withdrawnOn ? formatDate(c.withdrawnOn) : null),
    ],
    linkedCase: view.linkedCase,
    complainants: view.complainants.map((p) => ({
      name: p.name,
      basis: `${complainantBasisLabels[p.basis]}${p.basis === 'on_behalf' && p.representedBasis ? ` (for ${p.representedName || 'someone'}: ${complainantBasisLabels[p.representedBasis].toLowerCase()})` : ''}`,
      contact: `${contactLabels[p.contactMethod]}: ${p.contactMethod === 'email' ? p.email : p.contactMethod === 'phone' ? p.phone : p.address}`,
      monitoring: [
        p.sex && `Sex: ${GROUP_LABELS.sex[p.sex] ?? p.sex}`,
        p.ethnicity && `Ethnicity: ${GROUP_LABELS.ethnicity[p.ethnicity] ?? p.ethnicity}`,
        p.age !== null && `Age: ${p.age}`,
      ]
        .filter(Boolean)
        .join('; '),
      needs: [
        p.format && `Format: ${p.format}`,
        p.language && `Language: ${p.language}`,
        p.accessibilityNeeds && `Accessibility: ${p.accessibilityNeeds}`,
      ]
        .filter(Boolean)
        .join('; '),
    })),
    subjects: view.subjects.map((s) => ({ id: s.id, personId: s.personId, text: subjectName(s.id) })),
    allegations: view.allegations.map((a) => ({
      id: a.id,
      about: subjectName(a.subjectId),
      category: categoryLabel(a.categoryCode),
      description: a.description,
      incident: [a.incidentOn ? formatDate(a.incidentOn) : '', a.incidentPlace].filter(Boolean).join(', '),
      outcome: a.outcome ? outcomeLabel(a.outcome) : null,
      actions: a.outcomeActions.map(outcomeLabel).join(', '),
    })),
    decisions: view.decisions.map((d) => ({
      kind: decisionLabels[d.kind] ?? d.kind,
      decidedOn: formatDate(d.decidedOn),
      reasons: d.reasons,
    })),
    clocks: view.clocks.map((k) => ({
      label: k.period in periods ? periods[k.period as keyof ResolvedPeriods].label : k.period,
      dueOn: formatDate(k.dueOn),
      state:
        k.state === 'met'
          ? `Met ${formatDate(k.metOn)}`
          : k.state === 'cancelled'
            ? 'Ended'
            : k.dueOn < view.today
              ? 'Overdue'
              : 'Running',
      overdue: k.state === 'running' && k.dueOn < view.today,
    })),
    letters: view.letters.map((l) => ({
      id: l.id,
      kind: letterKindLabels[l.kind],
      writtenOn: formatDate(l.writtenOn),
      to: view.complainants.find((p) => p.id === l.complainantId)?.name ?? '',
      delivery: l.delivery === 'email' ? 'Sent by e-mail' : 'To post',
    })),
    reviews: view.reviews.map((r) => ({
      receivedOn: formatDate(r.receivedOn),
      body: r.body === 'iopc' ? 'The IOPC' : 'The local policing body',
      via: r.via === 'portal' ? 'online' : 'logged by staff',
      state:
        r.status === 'decided'
          ? `${r.result === 'upheld' ? 'Upheld' : 'Not upheld'} on ${formatDate(r.decidedOn)}${r.recommendations ? `. Recommendations: ${r.recommendations}` : ''}`
          : r.status === 'forwarded'
            ? `Forwarded to the IOPC on ${formatDate(r.forwardedOn)}`
            : 'Awaiting the review body',
    })),
    access: view.access.map((a) => ({
      name: a.name,
      email: a.email,
      grantedOn: formatDate(a.grantedOn),
      reason: a.reason,
    })),
    letterItems: Object.entries(letterKindLabels).map(([value, text]) => ({ value, text })),
    show: {
      letters: canDecide,
      access: canDecide,
      transfer:
        canDecide &&
        c.appropriateAuthority === 'chief_officer' &&
        ['logged', 'recorded', 'referred', 'being_handled'].includes(status),
      reviewApplication:
        canDecide && status === 'finalised' && !!c.reviewBody && c.reviewBody !== 'none' && !!c.reviewWindowEndsOn,
      initialHandling: canDecide && status === 'logged',
      referral: canDecide && (status === 'recorded' || status === 'referred'),
      handling: canDecide && status === 'recorded',
      outcomes: canDecide && status === 'being_handled',
      progressUpdate: canDecide && ['recorded', 'referred', 'being_handled'].includes(status),
      outcomeNotice: canDecide && status === 'finalised' && !c.outcomeNotifiedOn,
      withdrawal: canDecide && ['logged', 'recorded', 'referred', 'being_handled'].includes(status),
      iopcMustBeTold: c.withdrawnOn !== null && c.referred === true,
    },
  };
}
