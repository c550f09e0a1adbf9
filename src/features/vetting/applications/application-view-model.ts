import { formatDate } from '../../../kernel/time/dates.ts';
import { adverseInfoTypes, adverseRelations } from '../../../db/schema/index.ts';
import type { loadApplicationFile } from './view-application.ts';
import { MATCHED_ON_CREATE } from '../lists/match-application.ts';
import {
  APPEAL_OUTCOME_LABELS,
  APPLICATION_STATUS_LABELS,
  CHECK_LABELS,
  CHECK_STATUS_LABELS,
  INFO_TYPE_LABELS,
  KIND_LABELS,
  LIST_LABELS,
  MATCH_DECISION_LABELS,
  OUTCOME_LABELS,
  RELATION_LABELS,
} from '../vetting-labels.ts';
import { LEVEL_LABELS } from '../vetting-levels.ts';

type File = Awaited<ReturnType<typeof loadApplicationFile>>;
type Row = { key: { text: string }; value: { text: string } | { html: string } };

const row = (key: string, text: string | null | undefined): Row => ({
  key: { text: key },
  value: { text: text || 'None' },
});

/** What the application page shows, in words: summary rows, match cards, checks, adverse items, decisions. */
export function applicationPageModel(file: File, values: Record<string, unknown>) {
  const a = file.application;
  const summaryRows: Row[] = [
    row('Kind', KIND_LABELS[a.kind]),
    row('Level applied for', LEVEL_LABELS[a.level]),
    row('Received', formatDate(a.receivedOn)),
    row('Date of birth', formatDate(a.dateOfBirth)),
    row('Former names', a.formerNames.join(', ')),
    row('Former numbers', a.formerNumbers.join(', ')),
    row('Previous force', a.previousForce),
    file.person
      ? {
          key: { text: 'Person record' },
          value: {
            html: `<a class="govuk-link" href="/vetting/people/${file.person.id}">Vetting file of ${escapeHtml(`${file.person.given_name} ${file.person.family_name}`)}</a>`,
          },
        }
      : row('Person record', 'Not linked yet'),
    row(
      'Clearance granted',
      file.clearance ? `${file.clearance.level}, expires ${formatDate(file.clearance.expiresOn)}` : null,
    ),
  ];
  const matches = file.matches.map((m) => ({
    ...m,
    listLabel: LIST_LABELS[m.list as keyof typeof LIST_LABELS] ?? m.list,
    rows: [
      row('Why it may be the applicant', m.reasons.join('; ')),
      row('Date of birth on the list', formatDate(m.date_of_birth)),
      row('Force and rank', [m.former_force, m.rank].filter(Boolean).join(', ')),
      row('Numbers', m.identifiers.join(', ')),
      row('Reason listed', m.reason),
      row('Source', m.origin === 'own_return' ? 'This force’s own return' : 'National list import'),
      // An entry missing from a later national file is taken off the list: kept, but it blocks nothing.
      ...(m.removed_on
        ? [row('Taken off the list', `${formatDate(m.removed_on)}: this entry no longer blocks a decision`)]
        : []),
      row(
        'Decision',
        m.decision === 'pending'
          ? MATCH_DECISION_LABELS.pending
          : `${MATCH_DECISION_LABELS[m.decision as keyof typeof MATCH_DECISION_LABELS]} by ${m.decided_by_name ?? 'unknown'} on ${formatDate(m.decided_on)}: ${m.note}`,
      ),
    ],
  }));
  const checks = file.checks.map((c) => ({
    ...c,
    label: CHECK_LABELS[c.checkType],
    statusLabel: CHECK_STATUS_LABELS[c.status],
  }));
  const adverse = file.adverse.map((i) => ({
    ...i,
    typeLabel: INFO_TYPE_LABELS[i.infoType],
    relationLabel: RELATION_LABELS[i.relation],
    rows: [
      row('Source', i.source),
      row('When', formatDate(i.occurredOn)),
      row('Description', i.description),
      row('Assessment', i.assessment),
      row('Rationale', i.resolvedByDecisionId ? 'Given in the decision record' : 'Not yet: needed before a grant'),
    ],
  }));
  const scale = (name: string) => [
    { value: '', text: 'Choose 1 to 5' },
    ...[1, 2, 3, 4, 5].map((n) => ({
      value: String(n),
      text: n === 1 ? '1 (low)' : n === 5 ? '5 (high)' : String(n),
      selected: values[`adverse-${name}`] === String(n),
    })),
  ];
  return {
    summaryRows,
    matches,
    pendingMatches: file.matches.filter((m) => m.decision === 'pending').length,
    listChecked: MATCHED_ON_CREATE.has(a.kind) || file.matches.length > 0,
    checks,
    adverse,
    decisions: file.decisions.map((d) => ({ ...d, outcomeLabel: OUTCOME_LABELS[d.outcome] })),
    statusLabel: APPLICATION_STATUS_LABELS[a.status],
    granted: a.status === 'granted' || a.status === 'granted_with_conditions',
    appealLabels: APPEAL_OUTCOME_LABELS,
    resultItems: (['clear', 'adverse', 'not_required'] as const).map((s) => ({
      value: s,
      text: CHECK_STATUS_LABELS[s],
    })),
    adverseChoices: {
      checks: checks.map((c) => ({ value: c.id, text: c.label })),
      types: adverseInfoTypes.map((t) => ({ value: t, text: INFO_TYPE_LABELS[t] })),
      relations: adverseRelations.map((r) => ({ value: r, text: RELATION_LABELS[r] })),
      severityItems: scale('severity'),
      credibilityItems: scale('credibility'),
    },
  };
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
