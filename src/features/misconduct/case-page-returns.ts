import { formatDate } from '../../kernel/time/dates.ts';
import { capitalise, shown, type CaseView } from './case-page-words.ts';

/** The case's barred and advisory list returns shown as documents, their fields in the regulations' order. */

const RETURN_FIELDS: Record<string, string> = {
  list: 'List',
  fullName: 'Full name',
  force: 'Force',
  dateOfBirth: 'Date of birth',
  category: 'Category',
  rank: 'Rank',
  warrantOrIdNumber: 'Warrant or identification number',
  caseReference: 'Case reference',
  conduct: 'Description of the conduct',
  standardsBreached: 'Standards of Professional Behaviour breached',
  finding: 'Finding',
  sanction: 'Sanction',
  dateOfDismissalOrFinding: 'Date of the dismissal or finding',
  priorAdvisoryListReport: 'Earlier advisory list report',
  leftOn: 'Date they left',
  formOfProceedings: 'Form of proceedings',
  dueWithinWorkingDays: 'To be sent within (working days)',
};

export function returnDocuments(view: CaseView) {
  return view.returns.map((r) => {
    const document = (r.document ?? {}) as Record<string, unknown>;
    // jsonb does not keep key order: show the fields in the regulations' order, then anything else.
    const order = Object.keys(RETURN_FIELDS);
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    const rows = Object.entries(document)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, value]) => ({
        key: { text: RETURN_FIELDS[key] ?? capitalise(key.replace(/([A-Z])/g, ' $1').toLowerCase()) },
        value: { text: shown(value) },
      }));
    rows.push({ key: { text: 'Triggered on' }, value: { text: formatDate(r.triggeredOn) } });
    rows.push({
      key: { text: 'Sent to the College of Policing' },
      value: { text: r.submittedOn ? formatDate(r.submittedOn) : 'Not yet' },
    });
    return {
      id: r.id,
      title: `${r.list === 'barred' ? 'Police Barred List' : 'Police Advisory List'} return: ${shown(document['fullName'])}`,
      rows,
    };
  });
}
