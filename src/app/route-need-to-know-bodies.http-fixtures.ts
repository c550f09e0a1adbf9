import { decisionBody } from '../features/restrictions/restrictions.http-fixtures.ts';

/**
 * Valid bodies for the API writes, so that a probe reaches the record look-up rather than being refused
 * 400 by body validation first (which would prove nothing about need-to-know). `b` is the probe's bundle.
 * A new API write needs its body here (else its probe fails with 400).
 */
const EI_RULE = {
  name: 'Allegations in a year',
  signalKinds: ['conduct_allegation'],
  windowDays: 365,
  warningLevel: 1,
  criticalLevel: 3,
};

export const API_BODIES: Record<string, (b: Record<string, string>) => unknown> = {
  'POST /api/v1/early-intervention/alerts/:id/moves': () => ({ to: 'acknowledged', version: 1 }),
  'POST /api/v1/early-intervention/alerts/:id/interventions': () => ({
    kind: 'welfare',
    owner: 'Sgt Patel',
    dueOn: '2026-04-01',
  }),
  'POST /api/v1/early-intervention/alerts/:id/interventions/:interventionId/follow-up': () => ({
    outcome: 'effective',
  }),
  'POST /api/v1/early-intervention/rules/:id/versions': () => ({ ...EI_RULE, version: 1 }),
  'POST /api/v1/early-intervention/rules/:id/switch': () => ({ active: false, version: 1 }),
  'POST /api/v1/reports/:reportId/acknowledge': () => ({ version: 1 }),
  'POST /api/v1/reports/:reportId/status': () => ({ version: 1, status: 'assessing' }),
  'POST /api/v1/reports/:reportId/assign': () => ({ version: 1, assignedTo: '' }),
  'POST /api/v1/reports/:reportId/retaliation': () => ({ version: 1, body: 'Moved off the shift after reporting' }),
  'POST /api/v1/reports/:reportId/identity/request': () => ({ version: 1, reason: 'Needed as a witness' }),
  'POST /api/v1/reports/:reportId/identity/decide': () => ({
    version: 1,
    requestId: '00000000-0000-4000-8000-000000000000',
    decision: 'approved',
    reason: 'Necessary and proportionate',
  }),
  'POST /api/v1/reports/:reportId/messages': () => ({ version: 1, body: 'Which group chat was it?' }),
  'POST /api/v1/reports/:reportId/notes': () => ({ version: 1, body: 'Check the rota' }),
  'POST /api/v1/reports/:reportId/case': () => ({
    version: 1,
    subjectPersonIds: [],
    categoryCode: 'behaviours.unprofessional',
    standards: ['discreditable_conduct'],
    summary: 'Sharing images of colleagues',
    description: 'Shares images of colleagues in a group chat',
  }),
  'POST /api/v1/people/:id/merge': (b) => ({
    duplicateId: b.mergedPersonId,
    survivorVersion: 1,
    duplicateVersion: 1,
    reason: 'The same officer twice',
  }),
  'POST /api/v1/person-merges/:mergeId/undo': () => ({ reason: 'Merged in error' }),
  'POST /api/v1/cases/:id/allocation': () => ({ version: 1, leadInvestigatorId: null }),
  'POST /api/v1/cases/:id/allegations/:allegationId/actions': () => ({
    version: 1,
    action: { type: 'assess_severity', severity: 'misconduct', rationale: 'If proved this would be misconduct.' },
  }),
  'POST /api/v1/cases/:id/subjects/:subjectId/left': () => ({ version: 1, leftOn: '2026-01-01', how: 'resigned' }),
  'POST /api/v1/cases/:id/criminal-proceedings': (b) => ({
    subjectId: b.subjectId,
    kind: 'arrest',
    occurredOn: '2026-02-01',
  }),
  'POST /api/v1/cases/:id/parties': () => ({ role: 'witness', name: 'Someone' }),
  'POST /api/v1/cases/:id/links': (b) => ({ reference: b.otherReference, reason: 'Same incident' }),
  'POST /api/v1/cases/:id/team': (b) => ({ version: 1, unitId: b.unitId }),
  'POST /api/v1/cases/:id/restrictions': (b) => ({
    subjectId: b.subjectId,
    ...decisionBody('restricted_duties', '2026-03-02'),
  }),
  'POST /api/v1/restrictions/:id/reviews': () => ({
    version: 1,
    reviewedOn: '2026-03-02',
    conditionsStillHold: true,
    officerInformed: true,
    reasons: 'The risk remains as it was',
  }),
  'POST /api/v1/restrictions/:id/change': () => ({ version: 1, ...decisionBody('restricted_duties', '2026-03-02') }),
  'POST /api/v1/restrictions/:id/lift': () => ({
    version: 1,
    decidedOn: '2026-03-02',
    endsOn: '2026-03-02',
    reasons: 'The investigation has ended',
  }),
  'POST /api/v1/restrictions/:id/notice': () => ({ version: 1, writtenNoticeOn: '2026-03-02' }),
  'POST /api/v1/cases/:id/subjects/:subjectId/suspension-rationale': () => ({
    rationale: 'Suspension is not needed: the restriction protects the complainant',
  }),
  'POST /api/v1/recommendations/responses/:responseId/publish': () => ({ publishedOn: '2026-03-02', version: 1 }),
  'POST /api/v1/recommendations/items/:itemId/actions/:actionId': () => ({ version: 1, doneOn: '2026-03-01' }),
  'POST /api/v1/cases/:id/details': () => CASE_DETAILS,
  'POST /api/v1/cases/:id/allegations': (b) => ({
    version: 1,
    subjectIds: [b.subjectId],
    categoryCode: 'sexual_conduct.assault',
    standards: ['discreditable_conduct'],
    description: 'A further allegation of the same conduct.',
  }),
  'POST /api/v1/cases/:id/subjects/:subjectId/remove': () => ({ version: 1, reason: 'Entered by mistake' }),
  'POST /api/v1/cases/:id/clocks/:clockId/actions': () => ({ action: 'stop', reason: 'No longer applies here' }),
  'POST /api/v1/cases/:id/hearings': (b) => ({
    form: 'meeting',
    heldOn: '2026-04-01',
    venue: 'Force headquarters',
    inPublic: false,
    panel: [{ role: 'chair', name: 'Superintendent Chair' }],
    allegationIds: [b.allegationId],
  }),
  'POST /api/v1/cases/:id/letters': (b) => ({ kind: 'hearing_notice', hearingId: b.hearingId }),
  'POST /api/v1/cases/:id/hearings/:hearingId/adjournments': () => ({
    version: 1,
    to: '2026-05-01',
    reason: 'The officer is unwell',
  }),
  'POST /api/v1/admin/users/:id': () => ACCOUNT_TAKEN_OVER,
  'POST /api/v1/admin/users/:id/status': () => ({ status: 'disabled' }),
  'POST /api/v1/vetting/reviews/:id/assignment': () => ({ version: 1, assignedUserId: null }),
  'POST /api/v1/vetting/reviews/:id/checks': () => ({ checkType: 'pnc', status: 'clear', notes: '' }),
  'POST /api/v1/vetting/reviews/:id/adverse-information': () => ADVERSE,
  'POST /api/v1/vetting/reviews/:id/decision': () => ({
    version: 1,
    outcome: 'maintain',
    rationale: 'Nothing found that bears on the clearance',
  }),
  'POST /api/v1/vetting/people/:id/clearances': () => ({
    level: 'RV',
    grantedOn: '2024-01-01',
    expiresOn: '2034-01-01',
  }),
  'POST /api/v1/vetting/applications/:id/checks/:checkId': () => ({ version: 1, status: 'clear', notes: '' }),
  'POST /api/v1/vetting/applications/:id/adverse-information': () => ADVERSE,
  'POST /api/v1/vetting/applications/:id/matches/:matchId': () => ({
    version: 1,
    decision: 'not_a_match',
    note: 'Different date of birth',
  }),
  'POST /api/v1/vetting/applications/:id/person': (b) => ({ version: 1, personId: b.personId }),
  'POST /api/v1/vetting/applications/:id/decision': (b) => ({
    version: 1,
    outcome: 'refuse',
    rationale: 'Unresolved financial vulnerability',
    reasonsForApplicant: 'Your finances could not be resolved',
    items: {
      [b.adverseId ?? '']: {
        relevance: 'Debt is relevant to financial vulnerability',
        riskAssessment: 'High: the judgment is unpaid',
        mitigation: 'None offered',
        reason: 'The risk cannot be managed',
      },
    },
  }),
  'POST /api/v1/vetting/decisions/:id/appeals': () => ({ lodgedOn: '2026-03-01', grounds: 'The judgment was paid' }),
  'POST /api/v1/complaints/:id/initial-handling': () => ({
    version: 1,
    contactMadeOn: '2026-02-24',
    complainantWishes: 'Wants it recorded',
    complainantWantsRecorded: true,
    handling: 'recorded',
    decidedOn: '2026-02-24',
    reasons: 'The complainant asked',
  }),
  'POST /api/v1/complaints/:id/referral': () => ({
    version: 1,
    referred: false,
    decidedOn: '2026-02-25',
    reasons: 'No referral ground applies',
  }),
  'POST /api/v1/complaints/:id/handling': () => ({
    version: 1,
    route: 'otherwise_than_by_investigation',
    startedOn: '2026-02-25',
    reasons: 'Proportionate',
  }),
  'POST /api/v1/complaints/:id/outcomes': (b) => ({
    version: 1,
    decidedOn: '2026-03-01',
    outcomes: [{ allegationId: b.allegationId, outcome: 'service_acceptable' }],
    reasons: 'Looked into',
  }),
  'POST /api/v1/complaints/:id/progress-updates': () => ({ version: 1, sentOn: '2026-03-01' }),
  'POST /api/v1/complaints/:id/letters': () => ({ kind: 'acknowledgement' }),
  'POST /api/v1/complaints/:id/reviews': () => ({ receivedOn: '2026-03-01', grounds: 'Not satisfied' }),
  'POST /api/v1/complaint-reviews/:reviewId/outcome': () => ({
    version: 1,
    result: 'not_upheld',
    decidedOn: '2026-03-02',
  }),
  'POST /api/v1/complaint-reviews/:reviewId/forward': () => ({ version: 1, forwardedOn: '2026-03-02' }),
  'POST /api/v1/complaints/:id/outcome-notice': () => ({ version: 1, notifiedOn: '2026-03-01' }),
  'POST /api/v1/complaints/:id/withdrawal': () => ({ version: 1, withdrawnOn: '2026-03-01', signedNotice: true }),
  'POST /api/v1/vetting/appeals/:id/outcome': () => ({
    version: 1,
    panel: 'DCC',
    outcome: 'dismissed',
    decidedOn: '2026-03-02',
    reasons: 'The refusal stands',
  }),
};

const CASE_DETAILS = {
  version: 1,
  source: 'public_complaint',
  caseType: 'recordable_conduct_matter',
  cameToAttentionOn: '2026-01-15',
  summary: 'A corrected summary of the matter reported',
  reason: 'The summary was wrong',
} as const;

/** Another force's administrator trying to take a West account over (valid fields; the account is not theirs). */
const ACCOUNT_TAKEN_OVER = { version: 1, displayName: 'Taken Over', role: 'administrator', forceId: 'east' } as const;

const formDate = (name: string, iso: string) => {
  const [y = '', m = '', d = ''] = iso.split('-');
  return { [`${name}-day`]: d, [`${name}-month`]: m, [`${name}-year`]: y };
};
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) p.append(k, one);
  return p.toString();
};

const ADVERSE = {
  source: 'Credit reference agency',
  infoType: 'financial',
  relation: 'self',
  severity: 2,
  credibility: 5,
  description: 'County court judgment, satisfied',
};

/**
 * Form fields (url-encoded) for the page posts that check their fields before the record (default `x=1`),
 * or that answer a refused field with the form again; `b` is the probe's bundle.
 */
export const FORM_BODIES: Record<string, string | ((b: Record<string, string>) => string)> = {
  'POST /reports/:reportId/acknowledge': 'version=1',
  'POST /reports/:reportId/status': 'version=1&status=assessing',
  'POST /reports/:reportId/assign': 'version=1&assignedTo=',
  'POST /reports/:reportId/retaliation': 'version=1&retaliation=Moved+off+the+shift',
  'POST /reports/:reportId/identity/request': 'version=1&reason=Needed+as+a+witness',
  'POST /reports/:reportId/identity/decide':
    'version=1&requestId=00000000-0000-4000-8000-000000000000&decision=approved&reason=Proportionate',
  'POST /reports/:reportId/messages': 'version=1&body=Which+group+chat+was+it%3F',
  'POST /reports/:reportId/notes': 'version=1&body=Check+the+rota',
  'POST /reports/:reportId/case':
    'version=1&subjects=&summary=Sharing+images&description=Shares+images+in+a+group+chat',
  'POST /oversight/samples/grants/:id/revoke': 'version=1',
  'POST /complaints/:id/initial-handling': form({
    version: '1',
    ...formDate('contactMadeOn', '2026-02-24'),
    complainantWishes: 'Wants it recorded',
    complainantWantsRecorded: 'yes',
    handling: 'recorded',
    ...formDate('decidedOn', '2026-02-24'),
    reasons: 'The complainant asked',
  }),
  'POST /complaints/:id/referral': form({
    version: '1',
    referred: 'no',
    ...formDate('decidedOn', '2026-02-25'),
    reasons: 'No referral ground applies',
  }),
  'POST /complaints/:id/handling': form({
    version: '1',
    route: 'otherwise_than_by_investigation',
    ...formDate('startedOn', '2026-02-25'),
    reasons: 'Proportionate',
  }),
  'POST /complaints/:id/outcomes': (b) =>
    form({
      version: '1',
      allegationIds: b.allegationId ?? '',
      [`outcome-${b.allegationId ?? ''}`]: 'service_acceptable',
      ...formDate('decidedOn', '2026-03-01'),
      reasons: 'Looked into',
    }),
  'POST /complaints/:id/letters': form({ kind: 'acknowledgement' }),
  'POST /complaints/:id/reviews': form({ ...formDate('receivedOn', '2026-03-01'), grounds: 'Not satisfied' }),
  'POST /complaint-reviews/:reviewId/outcome': form({
    version: '1',
    result: 'not_upheld',
    ...formDate('decidedOn', '2026-03-02'),
  }),
  'POST /complaint-reviews/:reviewId/forward': form({ version: '1', ...formDate('forwardedOn', '2026-03-02') }),
  'POST /complaints/:id/progress-updates': form({ version: '1', ...formDate('sentOn', '2026-03-01') }),
  'POST /complaints/:id/outcome-notice': form({ version: '1', ...formDate('notifiedOn', '2026-03-01') }),
  'POST /complaints/:id/withdrawal': form({
    version: '1',
    signedNotice: 'yes',
    ...formDate('withdrawnOn', '2026-03-01'),
  }),
  'POST /cases/:id/correct': form({
    version: '1',
    source: CASE_DETAILS.source,
    caseType: CASE_DETAILS.caseType,
    'cameToAttentionOn-day': '15',
    'cameToAttentionOn-month': '1',
    'cameToAttentionOn-year': '2026',
    summary: CASE_DETAILS.summary,
    reason: CASE_DETAILS.reason,
  }),
  'POST /cases/:id/allegations/new': (b) =>
    form({
      version: '1',
      subjectIds: [b.subjectId ?? ''],
      categoryCode: 'sexual_conduct.assault',
      standards: ['discreditable_conduct'],
      description: 'A further allegation of the same conduct.',
    }),
  'POST /cases/:id/subjects/:subjectId/remove': form({ version: '1', reason: 'Entered by mistake' }),
  'POST /cases/:id/clocks/:clockId': form({ action: 'stop', reason: 'No longer applies here' }),
  'POST /cases/:id/hearings': form({
    form: 'meeting',
    venue: 'Force headquarters',
    inPublic: 'no',
    'heldOn-day': '1',
    'heldOn-month': '4',
    'heldOn-year': '2026',
    'panel-chair': 'Superintendent Chair',
  }),
  'POST /cases/:id/letters': (b) => form({ kind: 'hearing_notice', hearingId: b.hearingId ?? '' }),
  'POST /cases/:id/hearings/:hearingId/adjourn': form({
    version: '1',
    reason: 'The officer is unwell',
    'to-day': '1',
    'to-month': '5',
    'to-year': '2026',
  }),
  'POST /admin/users/:id': form({ ...ACCOUNT_TAKEN_OVER, version: '1' }),
};
