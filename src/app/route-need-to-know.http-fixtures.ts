import type { Ability } from '../kernel/access/roles.ts';

export { API_BODIES, FORM_BODIES } from './route-need-to-know-bodies.http-fixtures.ts';

/**
 * THE TABLE of the need-to-know net (route-need-to-know.http.test.ts): one entry per route the server
 * registers, keyed `METHOD url` exactly as `app.registeredRoutes` lists it. A route without an entry fails
 * the test, and so does an entry for a route that no longer exists.
 *
 * HOW TO ADD A ROUTE
 *  1. Find the ability its use case authorizes (`authorize(principal, '…')`) and the kind of record its id
 *     names. If the world (test/support/route-access-world.ts) has no record of that kind yet, add one to
 *     the right bundle (`restricted`/`normal` for a case's children, `vetting` for Vera's file, `force` for
 *     force-level records) under the name of the route's parameter.
 *  2. A route that names a case (or a child of one): spread `onCase('caseId', ability)` — the appropriate
 *     authority who is not named on the RESTRICTED case, the other force's appropriate authority, and Dave
 *     (an appropriate authority who is a subject of the normal case) must each get 404.
 *     A vetting file: `onVettingFile(key)`. A person record: `onPerson`. Something else: write the three
 *     probes out; a probe that cannot exist is a string saying why (it is printed in the test's report).
 *  3. A route that names no record (a list, a form, an aggregate): `list(...)` when it lists records that
 *     need-to-know narrows (the hidden record must not appear in it, and a control user must see it), or
 *     `notRecordScoped(reason)`. Role refusals of such routes are checked by route-access.http.test.ts.
 *  `params` maps a route parameter to a bundle key when the names differ; `action`, `file` and `section`
 *  take fixed values (see FIXED in the test).
 */

/** Open to everyone, by design. */
const PUBLIC = [
  /^\/$/,
  /^\*$/,
  /^\/health$/,
  /^\/metrics$/,
  /^\/sign-in(\/two-factor|\/oidc|\/oidc\/callback)?$/,
  /^\/account\/setup\/:token$/,
  /^\/api\/docs/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/public\/:forceId/,
  // The anonymous reporting channel (features/reporting): no account by design; its follow-up opens a
  // report only with the receipt (reporter.http.test.ts).
  /^\/report\/:forceId/,
  /^\/assets\//,
  /^\/static\//,
  /^\/favicon\.ico$/,
  /^\/status$/,
  /^\/api$/,
];
export const isPublic = (url: string) => PUBLIC.some((p) => p.test(url));

export type Bundle = 'restricted' | 'normal' | 'vetting' | 'force';
/** Who asks (a key of the world's `cookies`), about which bundle's record. */
export type Probe = { who: string; on: Bundle };
/** Why a kind of user cannot be probed on this route. */
export type NotProbed = string;

export type Entry = {
  /** What the route's use case authorizes ('signed-in': any signed-in user, about themself). */
  ability: Ability | 'signed-in';
  /** The bundle key the route's `:id` is filled from. */
  id?: string;
  /** Route parameter → bundle key, where the names differ. */
  params?: Record<string, string>;
  /** (a) same force, holds the ability, no need-to-know of the record. */
  sameForce: Probe | NotProbed;
  /** (b) another force, same role as (a) (or as the role that uses the route). */
  otherForce: Probe | NotProbed;
  /** (c) the record's own subject (their linked user account). */
  subject: Probe | NotProbed;
  /** Who may see the record (the probes' control), where the bundle's default (CONTROL in the test) does not. */
  control?: string;
  /** A query string the probes add (a list's widest view); `:name` is filled like a route parameter. */
  query?: string;
  /** For a list: the bundle key of a record the probes must not be shown, and a user who is shown it. */
  hides?: { key: string; seenBy: string };
};

const onCase = (id: string, ability: Ability): Entry => ({
  ability,
  id,
  sameForce: { who: 'aaUnnamed', on: 'restricted' },
  otherForce: { who: 'east', on: 'restricted' },
  subject: { who: 'aaSubject', on: 'normal' },
});
const VETTING_SELF =
  'a vetting officer of the force is refused only their own file, so (a) is the subject: Vera, probed as (c)';
const onVettingFile = (id: string, ability: Ability, params?: Record<string, string>): Entry => ({
  ability,
  id,
  ...(params ? { params } : {}),
  sameForce: VETTING_SELF,
  otherForce: { who: 'eastVetting', on: 'vetting' },
  subject: { who: 'vera', on: 'vetting' },
});
const PERSON_SELF =
  'a person record is refused to a user of its force only when it is their own (people-scope.ts): (a) is the subject, probed as (c)';
const onPerson = (ability: Ability, id = 'personId'): Entry => ({
  ability,
  id,
  sameForce: PERSON_SELF,
  otherForce: { who: 'east', on: 'normal' },
  subject: { who: 'aaSubject', on: 'normal' },
});
const notRecordScoped = (ability: Ability | 'signed-in', why: string): Entry => ({
  ability,
  sameForce: why,
  otherForce: why,
  subject: why,
});
const list = (ability: Ability, key: string, probes: Omit<Entry, 'ability'>): Entry => ({ ability, ...probes });
const caseList = (ability: Ability, query = ''): Entry =>
  list(ability, 'caseId', {
    query,
    sameForce: { who: 'aaUnnamed', on: 'restricted' },
    otherForce: { who: 'east', on: 'restricted' },
    subject: { who: 'aaSubject', on: 'normal' },
    hides: { key: 'caseId', seenBy: 'named' },
  });
const forceRecord = (
  ability: Ability,
  id: string,
  otherForce: string,
  why: string,
  params?: Record<string, string>,
  control = otherForce === 'eastPcc' ? 'pcc' : 'aa',
) =>
  ({
    ability,
    id,
    control,
    ...(params ? { params } : {}),
    sameForce: why,
    otherForce: { who: otherForce, on: 'force' },
    subject: 'a force-level record has no subject',
  }) satisfies Entry;

const UNIT =
  'every confidential unit member of the force sees all its reports (assignment names who acts, it does not narrow who sees); other roles are refused by route-access.http.test.ts';
const NO_SUBJECT = 'an anonymous report names no person record: its subject is free text';
const onReport = (ability: Ability, params: Record<string, string> = {}): Entry => ({
  ability,
  params: { reportId: 'anonReportId', ...params },
  control: 'unit',
  sameForce: UNIT,
  otherForce: { who: 'eastUnit', on: 'force' },
  subject: NO_SUBJECT,
});
const NO_OVERDUE = 'not probed: the world has no overdue clock to hide (GET /deadlines is probed)';
const NO_FLAG = 'not probed: the world has no flagged subject to hide (GET /restrictions is probed)';
const NO_DEADLINE = 'not probed: the world has no deadline of a case the control user leads (see the report)';
const CREATE = 'creates a record: there is no existing record to protect';
const OWN = 'about the signed-in user themself';
const AGGREGATE = 'aggregates of the user’s own force, disclosure-controlled; no record is shown';
const NATIONAL =
  'the inspectorate’s reports and their items are national (create-report.ts): every force reads them and keeps its own response, keyed by the item and the user’s force';
const SHARED_RESPONSE = 'a force’s response to an item is shared by every user of the force who holds the ability';

const COMPLAINTS_FORCE_WIDE =
  'every complaints handler and appropriate authority of the force sees every complaint of the force but one about themself (complaints-scope.ts): (a) is the subject, probed as (c)';
/** A complaint about the case's subject: Dave (an appropriate authority) is complained about in the normal bundle. */
const onComplaint = (ability: Ability): Entry => ({
  ability,
  id: 'complaintId',
  sameForce: COMPLAINTS_FORCE_WIDE,
  otherForce: { who: 'east', on: 'normal' },
  subject: { who: 'aaSubject', on: 'normal' },
});
const REVIEWS_FORCE_WIDE =
  'every PCC office user of the force reviews every application whose review body is the local policing body (reviews-scope.ts); no role of the force but the PCC office holds complaint.review';
const REVIEW_NO_SUBJECT =
  'the officer complained about holds no complaint.review (a PCC office ability); the complaint itself is probed by the complaint routes';
const onReview = (): Entry =>
  forceRecord('complaint.review', 'complaintReviewId', 'eastPcc', REVIEWS_FORCE_WIDE, {
    reviewId: 'complaintReviewId',
  });
const complaintList = (): Entry =>
  list('complaint.read', 'complaintId', {
    sameForce: COMPLAINTS_FORCE_WIDE,
    otherForce: { who: 'east', on: 'normal' },
    subject: { who: 'aaSubject', on: 'normal' },
    hides: { key: 'complaintId', seenBy: 'aa' },
  });

const EI_FORCE_WIDE =
  'early intervention is the appropriate authority’s force-wide view: every holder of the ability sees every alert of the force but one about themself (ei-scope.ts): (a) is the subject, probed as (c)';
/** An alert about the case's subject: Dave (an appropriate authority) has one in the normal bundle. */
const onAlert = (ability: Ability, params?: Record<string, string>): Entry => ({
  ability,
  id: 'eiAlertId',
  ...(params ? { params } : {}),
  sameForce: EI_FORCE_WIDE,
  otherForce: { who: 'east', on: 'normal' },
  subject: { who: 'aaSubject', on: 'normal' },
});
const alertList = (): Entry =>
  list('ei.read', 'eiAlertId', {
    query: '?state=all',
    sameForce: EI_FORCE_WIDE,
    otherForce: { who: 'east', on: 'normal' },
    subject: { who: 'aaSubject', on: 'normal' },
    hides: { key: 'eiAlertId', seenBy: 'aa' },
  });
const EI_RULES = 'early-intervention rules are force configuration, shared by every holder of the ability in the force';
const EI_PEOPLE =
  'names people, each only through visiblePeopleSql (never the viewer) and, for the network, only matters the viewer may see (early-intervention.http.test.ts)';
const eiRule = (ability: Ability) => forceRecord(ability, 'eiRuleId', 'east', EI_RULES);

const PERSON_RECORD = { ...onPerson('person.read') };

const OWN_NOTICES =
  'the signed-in user’s own notices: ids of anyone else’s change nothing (mark-notifications-read.ts), and a notice about a record they may no longer see does not name it';
const OUTBOX =
  'the force’s e-mail outbox, the administrator’s to read whole (view-outbox.ts: their own force only); it names no record';
const ADMINISTERS_FORCE =
  'an administrator manages every account of their own force (manage-accounts.ts): only another force’s is refused';
const ACCOUNT_SUBJECT = 'the account’s holder holds no user.manage (an officer): refused by role (route-access test)';
/** One West account (an officer's), asked for by East's administrator; West's administrator is the control. */
const ACCOUNT: Entry = {
  ability: 'user.manage',
  id: 'userId',
  control: 'admin',
  sameForce: ADMINISTERS_FORCE,
  otherForce: { who: 'eastAdmin', on: 'force' },
  subject: ACCOUNT_SUBJECT,
};
const ACCOUNT_LIST = list('user.manage', 'userId', {
  sameForce: ADMINISTERS_FORCE,
  otherForce: { who: 'eastAdmin', on: 'force' },
  subject: ACCOUNT_SUBJECT,
  hides: { key: 'userId', seenBy: 'admin' },
});

export const ROUTE_TABLE: Record<string, Entry> = {
  // --- the user themself ---------------------------------------------------------------------------------
  'GET /account/two-factor': notRecordScoped('signed-in', OWN),
  'POST /account/two-factor': notRecordScoped('signed-in', OWN),
  'POST /sign-out': notRecordScoped('signed-in', OWN),
  'GET /account': notRecordScoped('signed-in', OWN),
  'POST /account/tokens': notRecordScoped('signed-in', OWN),
  'POST /account/tokens/:id/revoke': {
    ability: 'signed-in',
    id: 'tokenId',
    sameForce: { who: 'aaUnnamed', on: 'force' },
    otherForce: { who: 'east', on: 'force' },
    subject: 'the token’s owner may revoke it',
  },
  'GET /api/v1/me': notRecordScoped('signed-in', OWN),
  'GET /account/notifications': notRecordScoped('signed-in', OWN_NOTICES),
  'POST /account/notifications/read': notRecordScoped('signed-in', OWN_NOTICES),
  'POST /account/notifications/delivery': notRecordScoped('signed-in', OWN),
  'GET /api/v1/notifications': notRecordScoped('signed-in', OWN_NOTICES),
  'POST /api/v1/notifications/read': notRecordScoped('signed-in', OWN_NOTICES),
  'GET /declarations': notRecordScoped('vetting.declare', OWN),
  'POST /declarations': notRecordScoped('vetting.declare', OWN),
  'GET /api/v1/declarations': notRecordScoped('vetting.declare', OWN),
  'POST /api/v1/declarations': notRecordScoped('vetting.declare', OWN),

  // --- people --------------------------------------------------------------------------------------------
  'GET /people': list('person.search', 'personId', {
    sameForce: PERSON_SELF,
    otherForce: { who: 'east', on: 'normal' },
    subject: { who: 'aaSubject', on: 'normal' },
    hides: { key: 'personId', seenBy: 'aa' },
  }),
  'GET /api/v1/people': list('person.search', 'personId', {
    sameForce: PERSON_SELF,
    otherForce: { who: 'east', on: 'normal' },
    subject: { who: 'aaSubject', on: 'normal' },
    hides: { key: 'personId', seenBy: 'aa' },
  }),
  'GET /people/:id': PERSON_RECORD,
  'GET /api/v1/people/:id': PERSON_RECORD,
  'POST /people/:id/merge': onPerson('person.merge'),
  'POST /api/v1/people/:id/merge': onPerson('person.merge'),
  'POST /people/:id/merges/:mergeId/undo': onPerson('person.merge'),
  'POST /api/v1/person-merges/:mergeId/undo': onPerson('person.merge'),

  // --- account administration (user.manage: the administrator's own force only) ----------------------------
  'GET /admin/users': ACCOUNT_LIST,
  'GET /api/v1/admin/users': ACCOUNT_LIST,
  'GET /admin/users/new': notRecordScoped('user.manage', CREATE),
  'POST /admin/users': notRecordScoped('user.manage', CREATE),
  'POST /api/v1/admin/users': notRecordScoped('user.manage', CREATE),
  'GET /admin/users/:id': ACCOUNT,
  'GET /api/v1/admin/users/:id': ACCOUNT,
  'POST /admin/users/:id': ACCOUNT,
  'POST /api/v1/admin/users/:id': ACCOUNT,
  'POST /admin/users/:id/disable': ACCOUNT,
  'POST /admin/users/:id/enable': ACCOUNT,
  'POST /api/v1/admin/users/:id/status': ACCOUNT,
  'POST /admin/users/:id/reset-second-factor': ACCOUNT,
  'POST /api/v1/admin/users/:id/reset-second-factor': ACCOUNT,
  'GET /admin/outbox': notRecordScoped('user.manage', OUTBOX),
  'GET /api/v1/admin/outbox': notRecordScoped('user.manage', OUTBOX),

  // --- audit ---------------------------------------------------------------------------------------------
  'GET /audit': notRecordScoped('audit.read', 'the force’s audit trail is the auditor’s to read whole'),
  'GET /api/v1/audit-events': notRecordScoped('audit.read', 'the force’s audit trail is the auditor’s to read whole'),

  // --- cases ---------------------------------------------------------------------------------------------
  'GET /cases': caseList('case.read', '?view=all'),
  'GET /api/v1/cases': caseList('case.read', '?view=all'),
  'GET /cases/new': notRecordScoped('case.create', CREATE),
  'POST /cases/new': notRecordScoped('case.create', CREATE),
  'POST /api/v1/cases': notRecordScoped('case.create', CREATE),
  'GET /cases/caseload': notRecordScoped('case.read', 'the signed-in user’s own caseload (cases they lead)'),
  'GET /api/v1/cases/caseload': notRecordScoped('case.read', 'the signed-in user’s own caseload (cases they lead)'),
  'GET /cases/:id': onCase('caseId', 'case.read'),
  'GET /api/v1/cases/:id': onCase('caseId', 'case.read'),
  'POST /cases/:id/allocation': onCase('caseId', 'case.allocate'),
  'POST /api/v1/cases/:id/allocation': onCase('caseId', 'case.allocate'),
  'POST /cases/:id/subjects/:subjectId/left': onCase('caseId', 'allegation.progress'),
  'POST /api/v1/cases/:id/subjects/:subjectId/left': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/allegations/:allegationId/actions/:action': onCase('caseId', 'allegation.progress'),
  'POST /cases/:id/allegations/:allegationId/actions/:action': onCase('caseId', 'allegation.progress'),
  'POST /api/v1/cases/:id/allegations/:allegationId/actions': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/criminal': onCase('caseId', 'case.read'),
  'POST /cases/:id/criminal': onCase('caseId', 'allegation.progress'),
  'POST /api/v1/cases/:id/criminal-proceedings': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/pcc-report': onCase('caseId', 'case.read'),
  'GET /api/v1/cases/:id/pcc-report': onCase('caseId', 'case.read'),
  'GET /cases/:id/parties': onCase('caseId', 'case.read'),
  'POST /cases/:id/parties': onCase('caseId', 'allegation.progress'),
  'POST /cases/:id/parties/:partyId/remove': onCase('caseId', 'allegation.progress'),
  'GET /api/v1/cases/:id/parties': onCase('caseId', 'case.read'),
  'POST /api/v1/cases/:id/parties': onCase('caseId', 'allegation.progress'),
  'DELETE /api/v1/cases/:id/parties/:partyId': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/links': onCase('caseId', 'case.read'),
  'POST /cases/:id/links': onCase('caseId', 'allegation.progress'),
  'POST /cases/:id/links/:linkedId/remove': onCase('caseId', 'allegation.progress'),
  'GET /api/v1/cases/:id/links': onCase('caseId', 'case.read'),
  'POST /api/v1/cases/:id/links': onCase('caseId', 'allegation.progress'),
  'DELETE /api/v1/cases/:id/links/:linkedId': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/team': onCase('caseId', 'case.read'),
  'POST /cases/:id/team': onCase('caseId', 'case.allocate'),
  'GET /api/v1/cases/:id/team': onCase('caseId', 'case.read'),
  'POST /api/v1/cases/:id/team': onCase('caseId', 'case.allocate'),
  'GET /cases/:id/evidence': onCase('caseId', 'case.read'),
  'POST /cases/:id/evidence': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/evidence/:evidenceId': onCase('caseId', 'case.read'),
  'GET /api/v1/cases/:id/evidence': onCase('caseId', 'case.read'),
  'POST /api/v1/cases/:id/evidence': onCase('caseId', 'allegation.progress'),
  'GET /api/v1/cases/:id/evidence/:evidenceId': onCase('caseId', 'case.read'),
  // Corrections after opening (details, a further allegation, a subject entered by mistake).
  'GET /cases/:id/correct': onCase('caseId', 'allegation.progress'),
  'POST /cases/:id/correct': onCase('caseId', 'allegation.progress'),
  'POST /api/v1/cases/:id/details': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/allegations/new': onCase('caseId', 'allegation.progress'),
  'POST /cases/:id/allegations/new': onCase('caseId', 'allegation.progress'),
  'POST /api/v1/cases/:id/allegations': onCase('caseId', 'allegation.progress'),
  'GET /cases/:id/subjects/:subjectId/remove': onCase('caseId', 'allegation.decide'),
  'POST /cases/:id/subjects/:subjectId/remove': onCase('caseId', 'allegation.decide'),
  'POST /api/v1/cases/:id/subjects/:subjectId/remove': onCase('caseId', 'allegation.decide'),

  // --- deadlines (the clocks of the cases the user may see) ----------------------------------------------
  'GET /cases/:id/clocks/:clockId': onCase('caseId', 'case.read'),
  'GET /cases/:id/hearings': onCase('caseId', 'case.read'),
  'POST /cases/:id/hearings': onCase('caseId', 'allegation.decide'),
  'POST /cases/:id/hearings/:hearingId/adjourn': onCase('caseId', 'allegation.decide'),
  'GET /api/v1/cases/:id/hearings': onCase('caseId', 'case.read'),
  'POST /api/v1/cases/:id/hearings': onCase('caseId', 'allegation.decide'),
  'POST /api/v1/cases/:id/hearings/:hearingId/adjournments': onCase('caseId', 'allegation.decide'),
  // Letters to the subject officers (misconduct/letters): need-to-know as the case page.
  'POST /cases/:id/letters': onCase('caseId', 'allegation.decide'),
  'POST /api/v1/cases/:id/letters': onCase('caseId', 'allegation.decide'),
  'GET /cases/:id/letters/:letterId': { ...onCase('caseId', 'case.read'), params: { letterId: 'caseLetterId' } },
  'GET /cases/:id/letters/:letterId/pdf': { ...onCase('caseId', 'case.read'), params: { letterId: 'caseLetterId' } },
  'GET /api/v1/cases/:id/letters/:letterId': { ...onCase('caseId', 'case.read'), params: { letterId: 'caseLetterId' } },
  'GET /api/v1/cases/:id/letters/:letterId/pdf': {
    ...onCase('caseId', 'case.read'),
    params: { letterId: 'caseLetterId' },
  },
  'POST /cases/:id/clocks/:clockId': onCase('caseId', 'case.read'),
  'POST /api/v1/cases/:id/clocks/:clockId/actions': onCase('caseId', 'case.read'),
  'GET /deadlines': notRecordScoped('case.read', NO_DEADLINE),
  'GET /deadlines/overdue': notRecordScoped('case.read', NO_OVERDUE),
  'GET /api/v1/deadlines': notRecordScoped('case.read', NO_DEADLINE),
  'GET /api/v1/deadlines/overdue': notRecordScoped('case.read', NO_OVERDUE),

  // --- early intervention (features/early-intervention) -----------------------------------------------------
  'GET /early-intervention': alertList(),
  'GET /early-intervention/alerts/:id': onAlert('ei.read'),
  'POST /early-intervention/alerts/:id/move': onAlert('ei.assess'),
  'POST /early-intervention/alerts/:id/interventions': onAlert('ei.manage'),
  'POST /early-intervention/alerts/:id/interventions/:interventionId/follow-up': onAlert('ei.manage', {
    interventionId: 'eiInterventionId',
  }),
  'GET /early-intervention/rules': notRecordScoped('ei.read', EI_RULES),
  'GET /early-intervention/rules/new': notRecordScoped('ei.manage', CREATE),
  'POST /early-intervention/rules': notRecordScoped('ei.manage', CREATE),
  'GET /early-intervention/rules/:id': eiRule('ei.read'),
  'POST /early-intervention/rules/:id': eiRule('ei.manage'),
  'POST /early-intervention/rules/:id/switch': eiRule('ei.manage'),
  'POST /early-intervention/runs': notRecordScoped('ei.manage', 'runs the user’s own force’s rules; names no record'),
  'GET /early-intervention/scores': notRecordScoped('ei.read', EI_PEOPLE),
  'GET /early-intervention/network': notRecordScoped('ei.read', EI_PEOPLE),
  'GET /early-intervention/fairness': notRecordScoped('ei.read', AGGREGATE),
  'GET /api/v1/early-intervention/alerts': alertList(),
  'GET /api/v1/early-intervention/alerts/:id': onAlert('ei.read'),
  'POST /api/v1/early-intervention/alerts/:id/moves': onAlert('ei.assess'),
  'POST /api/v1/early-intervention/alerts/:id/interventions': onAlert('ei.manage'),
  'POST /api/v1/early-intervention/alerts/:id/interventions/:interventionId/follow-up': onAlert('ei.manage', {
    interventionId: 'eiInterventionId',
  }),
  'GET /api/v1/early-intervention/rules': notRecordScoped('ei.read', EI_RULES),
  'POST /api/v1/early-intervention/rules': notRecordScoped('ei.manage', CREATE),
  'POST /api/v1/early-intervention/rules/preview': notRecordScoped('ei.manage', 'a count only; nothing is saved'),
  'GET /api/v1/early-intervention/rules/:id': eiRule('ei.read'),
  'POST /api/v1/early-intervention/rules/:id/versions': eiRule('ei.manage'),
  'POST /api/v1/early-intervention/rules/:id/switch': eiRule('ei.manage'),
  'POST /api/v1/early-intervention/runs': notRecordScoped(
    'ei.manage',
    'runs the user’s own force’s rules; names no record',
  ),
  // --- public complaints ---------------------------------------------------------------------------------
  'GET /complaints': complaintList(),
  'GET /complaints/new': notRecordScoped('complaint.log', CREATE),
  'POST /complaints': notRecordScoped('complaint.log', CREATE),
  'GET /complaints/:id': onComplaint('complaint.read'),
  'POST /complaints/:id/initial-handling': onComplaint('complaint.decide'),
  'POST /complaints/:id/referral': onComplaint('complaint.decide'),
  'POST /complaints/:id/handling': onComplaint('complaint.decide'),
  'POST /complaints/:id/outcomes': onComplaint('complaint.decide'),
  'POST /complaints/:id/withdrawal': onComplaint('complaint.decide'),
  'POST /complaints/:id/progress-updates': onComplaint('complaint.decide'),
  'POST /complaints/:id/outcome-notice': onComplaint('complaint.decide'),
  'POST /complaints/:id/letters': onComplaint('complaint.decide'),
  'POST /complaints/:id/reviews': onComplaint('complaint.decide'),
  'GET /complaint-reviews': list('complaint.review', 'complaintReviewId', {
    sameForce: REVIEWS_FORCE_WIDE,
    otherForce: { who: 'eastPcc', on: 'force' },
    subject: REVIEW_NO_SUBJECT,
    control: 'pcc',
    hides: { key: 'complaintReviewId', seenBy: 'pcc' },
  }),
  'GET /complaint-reviews/:reviewId': onReview(),
  'POST /complaint-reviews/:reviewId/outcome': onReview(),
  'POST /complaint-reviews/:reviewId/forward': onReview(),
  'POST /api/v1/complaint-reviews/:reviewId/outcome': onReview(),
  'POST /api/v1/complaint-reviews/:reviewId/forward': onReview(),
  'GET /complaints/:id/letters/:letterId': {
    ...onComplaint('complaint.read'),
    params: { letterId: 'complaintLetterId' },
  },
  'GET /complaints/:id/letters/:letterId/pdf': {
    ...onComplaint('complaint.read'),
    params: { letterId: 'complaintLetterId' },
  },
  'GET /api/v1/complaints': complaintList(),
  'POST /api/v1/complaints': notRecordScoped('complaint.log', CREATE),
  'GET /api/v1/complaints/:id': onComplaint('complaint.read'),
  'POST /api/v1/complaints/:id/initial-handling': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/referral': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/handling': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/outcomes': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/withdrawal': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/progress-updates': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/outcome-notice': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/letters': onComplaint('complaint.decide'),
  'POST /api/v1/complaints/:id/reviews': onComplaint('complaint.decide'),

  // --- restrictions --------------------------------------------------------------------------------------
  'GET /restrictions': caseList('restriction.read'),
  'GET /api/v1/restrictions': caseList('restriction.read'),
  'GET /api/v1/restrictions/flagged': notRecordScoped('restriction.read', NO_FLAG),
  'GET /api/v1/restrictions/:id': onCase('restrictionId', 'restriction.read'),
  'GET /cases/:id/restrictions': onCase('caseId', 'restriction.read'),
  'GET /api/v1/cases/:id/restrictions': onCase('caseId', 'restriction.read'),
  'GET /cases/:id/restrictions/new': { ...onCase('caseId', 'restriction.decide'), query: '?subject=:subjectId' },
  'POST /cases/:id/restrictions': onCase('caseId', 'restriction.decide'),
  'POST /api/v1/cases/:id/restrictions': onCase('caseId', 'restriction.decide'),
  'GET /cases/:id/restrictions/:restrictionId/review': onCase('caseId', 'restriction.decide'),
  'GET /cases/:id/restrictions/:restrictionId/change': onCase('caseId', 'restriction.decide'),
  'GET /cases/:id/restrictions/:restrictionId/lift': onCase('caseId', 'restriction.decide'),
  'GET /cases/:id/restrictions/:restrictionId/notice': onCase('caseId', 'restriction.decide'),
  'POST /cases/:id/restrictions/:restrictionId/review': onCase('caseId', 'restriction.decide'),
  'POST /cases/:id/restrictions/:restrictionId/change': onCase('caseId', 'restriction.decide'),
  'POST /cases/:id/restrictions/:restrictionId/lift': onCase('caseId', 'restriction.decide'),
  'POST /cases/:id/restrictions/:restrictionId/notice': onCase('caseId', 'restriction.decide'),
  'POST /api/v1/restrictions/:id/reviews': onCase('restrictionId', 'restriction.decide'),
  'POST /api/v1/restrictions/:id/change': onCase('restrictionId', 'restriction.decide'),
  'POST /api/v1/restrictions/:id/lift': onCase('restrictionId', 'restriction.decide'),
  'POST /api/v1/restrictions/:id/notice': onCase('restrictionId', 'restriction.decide'),
  'GET /cases/:id/subjects/:subjectId/rationale': onCase('caseId', 'restriction.seniorRationale'),
  'POST /cases/:id/subjects/:subjectId/rationale': onCase('caseId', 'restriction.seniorRationale'),
  'POST /api/v1/cases/:id/subjects/:subjectId/suspension-rationale': onCase('caseId', 'restriction.seniorRationale'),

  // --- publication (notices of hearings of the cases the user may see) -----------------------------------
  'GET /publications': list('publication.manage', 'publicationId', {
    sameForce: { who: 'aaUnnamed', on: 'restricted' },
    otherForce: { who: 'east', on: 'restricted' },
    subject: { who: 'aaSubject', on: 'normal' },
    hides: { key: 'publicationId', seenBy: 'aa' },
  }),
  'GET /publications/new': notRecordScoped('publication.manage', CREATE),
  'POST /publications': notRecordScoped('publication.manage', CREATE),
  'GET /publications/:id': onCase('publicationId', 'publication.manage'),
  'POST /publications/:id/publish': onCase('publicationId', 'publication.manage'),
  'POST /publications/:id/outcome': onCase('publicationId', 'publication.manage'),
  'POST /publications/:id/withdraw': onCase('publicationId', 'publication.manage'),

  // --- oversight -----------------------------------------------------------------------------------------
  'GET /oversight': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /oversight/returns': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /oversight/tables/:file': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /oversight/returns/:file': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /api/v1/oversight/summary': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /api/v1/oversight/sections': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /api/v1/oversight/sections/:section': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /api/v1/oversight/returns': notRecordScoped('oversight.dashboard', AGGREGATE),
  'GET /oversight/samples': notRecordScoped('oversight.dashboard', 'the user’s own dip samples'),
  'GET /oversight/samples/new': notRecordScoped('dipsample.grant', CREATE),
  'POST /oversight/samples': notRecordScoped('dipsample.grant', CREATE),
  'POST /oversight/samples/grants/:id/revoke': forceRecord(
    'dipsample.grant',
    'sampleId',
    'east',
    'a dip sample is the force’s: any appropriate authority of the force may revoke it',
  ),
  'GET /oversight/samples/:caseId': {
    ability: 'oversight.dashboard',
    params: { caseId: 'sampledCaseId' },
    control: 'pcc',
    sameForce: { who: 'pcc2', on: 'force' },
    otherForce: { who: 'eastPcc', on: 'force' },
    subject: 'the PCC’s office has no person record; the case’s subjects are probed on the case routes',
  },

  // --- anonymous reports (features/reporting): the confidential unit of the report's force only --------------
  'GET /reports': list('report.read', 'anonReportId', {
    control: 'unit',
    sameForce: UNIT,
    otherForce: { who: 'eastUnit', on: 'force' },
    subject: NO_SUBJECT,
    hides: { key: 'anonReportId', seenBy: 'unit' },
  }),
  'GET /api/v1/reports': list('report.read', 'anonReportId', {
    control: 'unit',
    sameForce: UNIT,
    otherForce: { who: 'eastUnit', on: 'force' },
    subject: NO_SUBJECT,
    hides: { key: 'anonReportId', seenBy: 'unit' },
  }),
  'GET /reports/:reportId': onReport('report.read'),
  'POST /reports/:reportId/acknowledge': onReport('report.manage'),
  'POST /reports/:reportId/status': onReport('report.manage'),
  'POST /reports/:reportId/messages': onReport('report.manage'),
  'POST /reports/:reportId/notes': onReport('report.manage'),
  // Opening a case from a report also needs case.create (open-case-from-report.ts); the unit holds both.
  'GET /reports/:reportId/case': onReport('report.manage'),
  'POST /reports/:reportId/case': onReport('report.manage'),
  'GET /reports/:reportId/files/:fileId': onReport('report.read', { fileId: 'anonFileId' }),
  'GET /api/v1/reports/:reportId': onReport('report.read'),
  'POST /api/v1/reports/:reportId/acknowledge': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/status': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/messages': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/notes': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/case': onReport('report.manage'),
  'POST /reports/:reportId/assign': onReport('report.manage'),
  'POST /reports/:reportId/retaliation': onReport('report.manage'),
  'POST /reports/:reportId/identity/request': onReport('report.manage'),
  // The custodian's decision checks report.read and report.custodian (identity-reveal.ts); the unit holds both.
  'POST /reports/:reportId/identity/decide': onReport('report.custodian'),
  'POST /api/v1/reports/:reportId/assign': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/retaliation': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/identity/request': onReport('report.manage'),
  'POST /api/v1/reports/:reportId/identity/decide': onReport('report.custodian'),
  'GET /reports/statistics': notRecordScoped(
    'report.read',
    'aggregates of the own force’s reports only (visibleReportsWhere), small numbers suppressed; no report is named',
  ),
  'GET /api/v1/reports/statistics': notRecordScoped(
    'report.read',
    'aggregates of the own force’s reports only (visibleReportsWhere), small numbers suppressed; no report is named',
  ),

  // --- recommendations -----------------------------------------------------------------------------------
  'GET /recommendations': notRecordScoped('recommendation.read', NATIONAL),
  'GET /recommendations/list': notRecordScoped('recommendation.read', NATIONAL),
  'GET /recommendations/reports/new': notRecordScoped('recommendation.verify', CREATE),
  'POST /recommendations/reports': notRecordScoped('recommendation.verify', CREATE),
  'GET /recommendations/reports/:reportId': notRecordScoped('recommendation.read', NATIONAL),
  'POST /recommendations/reports/:reportId/import': notRecordScoped('recommendation.verify', NATIONAL),
  'GET /recommendations/reports/:reportId/items/new': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /recommendations/reports/:reportId/items': notRecordScoped('recommendation.verify', NATIONAL),
  'GET /recommendations/items/:itemId': notRecordScoped('recommendation.read', NATIONAL),
  'POST /recommendations/items/:itemId/owner': notRecordScoped('recommendation.manage', NATIONAL),
  'POST /recommendations/items/:itemId/self-assessment': notRecordScoped('recommendation.manage', NATIONAL),
  'POST /recommendations/items/:itemId/verification': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /recommendations/items/:itemId/sign-off': notRecordScoped('recommendation.signoff', NATIONAL),
  'POST /recommendations/items/:itemId/comments': notRecordScoped('recommendation.read', NATIONAL),
  'POST /recommendations/items/:itemId/actions': notRecordScoped('recommendation.manage', NATIONAL),
  'POST /recommendations/items/:itemId/evidence': notRecordScoped('recommendation.manage', NATIONAL),
  'GET /recommendations/items/:itemId/edit': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /recommendations/items/:itemId/edit': notRecordScoped('recommendation.verify', NATIONAL),
  'GET /recommendations/items/:itemId/evidence/:evidenceId': forceRecord(
    'recommendation.read',
    'itemId',
    'east',
    SHARED_RESPONSE,
    { evidenceId: 'recEvidenceId' },
  ),
  'GET /recommendations/items/:itemId/actions/:actionId': forceRecord(
    'recommendation.manage',
    'itemId',
    'east',
    SHARED_RESPONSE,
  ),
  'POST /recommendations/items/:itemId/actions/:actionId': forceRecord(
    'recommendation.manage',
    'itemId',
    'east',
    SHARED_RESPONSE,
  ),
  'GET /recommendations/reports/:reportId/response': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /recommendations/reports/:reportId/response': notRecordScoped('recommendation.verify', NATIONAL),
  'GET /recommendations/responses/:responseId': forceRecord(
    'recommendation.read',
    'responseId',
    'eastPcc',
    SHARED_RESPONSE,
  ),
  'GET /recommendations/responses/:responseId/pdf': forceRecord(
    'recommendation.read',
    'responseId',
    'eastPcc',
    SHARED_RESPONSE,
  ),
  'POST /recommendations/responses/:responseId/publish': forceRecord(
    'recommendation.verify',
    'responseId',
    'eastPcc',
    SHARED_RESPONSE,
  ),
  'GET /api/v1/recommendations/reports': notRecordScoped('recommendation.read', NATIONAL),
  'POST /api/v1/recommendations/reports': notRecordScoped('recommendation.verify', CREATE),
  'GET /api/v1/recommendations/reports/:reportId': notRecordScoped('recommendation.read', NATIONAL),
  'POST /api/v1/recommendations/reports/:reportId/items': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /api/v1/recommendations/reports/:reportId/import': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId': notRecordScoped('recommendation.verify', NATIONAL),
  'GET /api/v1/recommendations/list': notRecordScoped('recommendation.read', NATIONAL),
  'POST /api/v1/recommendations/reports/:reportId/responses': notRecordScoped('recommendation.verify', NATIONAL),
  'GET /api/v1/recommendations/responses/:responseId': forceRecord(
    'recommendation.read',
    'responseId',
    'eastPcc',
    SHARED_RESPONSE,
  ),
  'GET /api/v1/recommendations/responses/:responseId/pdf': forceRecord(
    'recommendation.read',
    'responseId',
    'eastPcc',
    SHARED_RESPONSE,
  ),
  'POST /api/v1/recommendations/responses/:responseId/publish': forceRecord(
    'recommendation.verify',
    'responseId',
    'eastPcc',
    SHARED_RESPONSE,
  ),
  'GET /api/v1/recommendations/items/:itemId': notRecordScoped('recommendation.read', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId/owner': notRecordScoped('recommendation.manage', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId/self-assessment': notRecordScoped('recommendation.manage', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId/verification': notRecordScoped('recommendation.verify', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId/sign-off': notRecordScoped('recommendation.signoff', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId/actions': notRecordScoped('recommendation.manage', NATIONAL),
  'POST /api/v1/recommendations/items/:itemId/actions/:actionId': forceRecord(
    'recommendation.manage',
    'itemId',
    'east',
    SHARED_RESPONSE,
  ),
  'POST /api/v1/recommendations/items/:itemId/evidence': notRecordScoped('recommendation.manage', NATIONAL),
  'GET /api/v1/recommendations/items/:itemId/evidence/:evidenceId': forceRecord(
    'recommendation.read',
    'itemId',
    'east',
    SHARED_RESPONSE,
    { evidenceId: 'recEvidenceId' },
  ),
  'POST /api/v1/recommendations/items/:itemId/comments': notRecordScoped('recommendation.read', NATIONAL),

  // --- vetting -------------------------------------------------------------------------------------------
  'GET /vetting': notRecordScoped('vetting.read', 'counts of the force’s vetting work; no file is shown'),
  'GET /api/v1/vetting/summary': notRecordScoped(
    'vetting.read',
    'counts of the force’s vetting work; no file is shown',
  ),
  'GET /vetting/compliance': notRecordScoped('vetting.read', 'not yet probed for the hidden file (see the report)'),
  'GET /api/v1/vetting/compliance': notRecordScoped(
    'vetting.read',
    'not yet probed for the hidden file (see the report)',
  ),
  'GET /vetting/posts': notRecordScoped('vetting.read', 'the force’s designated posts'),
  'POST /vetting/posts': notRecordScoped('vetting.decide', CREATE),
  'GET /api/v1/vetting/designated-posts': notRecordScoped('vetting.read', 'the force’s designated posts'),
  'POST /api/v1/vetting/designated-posts': notRecordScoped('vetting.decide', CREATE),
  'POST /vetting/posts/:id/deactivate': forceRecord(
    'vetting.decide',
    'postId',
    'eastVetting',
    'a designated post is the force’s: every vetting officer of the force may manage it',
  ),
  'POST /api/v1/vetting/designated-posts/:id/deactivate': forceRecord(
    'vetting.decide',
    'postId',
    'eastVetting',
    'a designated post is the force’s: every vetting officer of the force may manage it',
  ),
  'GET /vetting/people/:personId': onVettingFile('personId', 'vetting.read'),
  'POST /vetting/people/:personId/clearances': onVettingFile('personId', 'vetting.decide'),
  'GET /api/v1/vetting/people/:id': onVettingFile('personId', 'vetting.read'),
  'POST /api/v1/vetting/people/:id/clearances': onVettingFile('personId', 'vetting.decide'),
  'GET /vetting/transfers-in/:personId': onVettingFile('personId', 'vetting.decide'),
  'POST /vetting/transfers-in/:personId': onVettingFile('personId', 'vetting.decide'),
  'POST /api/v1/vetting/transfers-in': notRecordScoped('vetting.decide', CREATE),
  'GET /vetting/applications': list('vetting.read', 'applicationId', {
    sameForce: VETTING_SELF,
    otherForce: { who: 'eastVetting', on: 'vetting' },
    subject: { who: 'vera', on: 'vetting' },
    hides: { key: 'applicationId', seenBy: 'vetting' },
  }),
  'GET /api/v1/vetting/applications': list('vetting.read', 'applicationId', {
    sameForce: VETTING_SELF,
    otherForce: { who: 'eastVetting', on: 'vetting' },
    subject: { who: 'vera', on: 'vetting' },
    hides: { key: 'applicationId', seenBy: 'vetting' },
  }),
  'GET /vetting/applications/new': notRecordScoped('vetting.decide', CREATE),
  'POST /vetting/applications': notRecordScoped('vetting.decide', CREATE),
  'POST /api/v1/vetting/applications': notRecordScoped('vetting.decide', CREATE),
  'GET /vetting/applications/:id': onVettingFile('applicationId', 'vetting.read'),
  'GET /api/v1/vetting/applications/:id': onVettingFile('applicationId', 'vetting.read'),
  'POST /vetting/applications/:id/checks/:checkId': onVettingFile('applicationId', 'vetting.decide'),
  'POST /api/v1/vetting/applications/:id/checks/:checkId': onVettingFile('applicationId', 'vetting.decide'),
  'POST /vetting/applications/:id/adverse': onVettingFile('applicationId', 'vetting.decide'),
  'POST /api/v1/vetting/applications/:id/adverse-information': onVettingFile('applicationId', 'vetting.decide'),
  'POST /vetting/applications/:id/list-check': onVettingFile('applicationId', 'vetting.lists'),
  'POST /api/v1/vetting/applications/:id/list-check': onVettingFile('applicationId', 'vetting.lists'),
  'POST /vetting/applications/:id/matches/:matchId': onVettingFile('applicationId', 'vetting.lists'),
  'POST /api/v1/vetting/applications/:id/matches/:matchId': onVettingFile('applicationId', 'vetting.lists'),
  'POST /vetting/applications/:id/person': onVettingFile('applicationId', 'vetting.decide'),
  'POST /api/v1/vetting/applications/:id/person': onVettingFile('applicationId', 'vetting.decide'),
  'GET /vetting/applications/:id/decision': onVettingFile('applicationId', 'vetting.decide'),
  'POST /vetting/applications/:id/decision': onVettingFile('applicationId', 'vetting.decide'),
  'POST /api/v1/vetting/applications/:id/decision': onVettingFile('applicationId', 'vetting.decide'),
  'GET /vetting/decisions/:id': onVettingFile('decisionId', 'vetting.read'),
  'GET /api/v1/vetting/decisions/:id': onVettingFile('decisionId', 'vetting.read'),
  'POST /vetting/decisions/:id/appeals': onVettingFile('decisionId', 'vetting.decide'),
  'POST /api/v1/vetting/decisions/:id/appeals': onVettingFile('decisionId', 'vetting.decide'),
  'GET /vetting/appeals/:id': onVettingFile('appealId', 'vetting.read'),
  'GET /api/v1/vetting/appeals/:id': onVettingFile('appealId', 'vetting.read'),
  'POST /vetting/appeals/:id/outcome': onVettingFile('appealId', 'vetting.decide'),
  'POST /api/v1/vetting/appeals/:id/outcome': onVettingFile('appealId', 'vetting.decide'),
  'GET /vetting/reviews': list('vetting.read', 'reviewId', {
    sameForce: VETTING_SELF,
    otherForce: { who: 'eastVetting', on: 'vetting' },
    subject: { who: 'vera', on: 'vetting' },
    hides: { key: 'reviewId', seenBy: 'vetting' },
  }),
  'GET /api/v1/vetting/reviews': list('vetting.read', 'reviewId', {
    sameForce: VETTING_SELF,
    otherForce: { who: 'eastVetting', on: 'vetting' },
    subject: { who: 'vera', on: 'vetting' },
    hides: { key: 'reviewId', seenBy: 'vetting' },
  }),
  'POST /vetting/reviews/random': notRecordScoped('vetting.decide', CREATE),
  'POST /api/v1/vetting/reviews/random': notRecordScoped('vetting.decide', CREATE),
  'GET /vetting/reviews/:id': onVettingFile('reviewId', 'vetting.read'),
  'GET /api/v1/vetting/reviews/:id': onVettingFile('reviewId', 'vetting.read'),
  'POST /vetting/reviews/:id/assignment': onVettingFile('reviewId', 'vetting.decide'),
  'POST /api/v1/vetting/reviews/:id/assignment': onVettingFile('reviewId', 'vetting.decide'),
  'POST /vetting/reviews/:id/checks': onVettingFile('reviewId', 'vetting.decide'),
  'POST /api/v1/vetting/reviews/:id/checks': onVettingFile('reviewId', 'vetting.decide'),
  'POST /vetting/reviews/:id/checks/:checkId': onVettingFile('reviewId', 'vetting.decide', {
    checkId: 'reviewCheckId',
  }),
  'POST /vetting/reviews/:id/adverse-information': onVettingFile('reviewId', 'vetting.decide'),
  'POST /api/v1/vetting/reviews/:id/adverse-information': onVettingFile('reviewId', 'vetting.decide'),
  'POST /vetting/reviews/:id/decision': onVettingFile('reviewId', 'vetting.decide'),
  'POST /api/v1/vetting/reviews/:id/decision': onVettingFile('reviewId', 'vetting.decide'),
  'GET /vetting/deadlines': notRecordScoped('vetting.read', 'not yet probed for the hidden file (see the report)'),
  'GET /api/v1/vetting/deadlines': notRecordScoped(
    'vetting.read',
    'not yet probed for the hidden file (see the report)',
  ),
  'GET /vetting/lists': notRecordScoped('vetting.lists', 'the national barred and advisory lists, as imported'),
  'GET /vetting/lists/import': notRecordScoped('vetting.lists', CREATE),
  'POST /vetting/lists/import': notRecordScoped('vetting.lists', CREATE),
  'GET /api/v1/vetting/lists': notRecordScoped('vetting.lists', 'the national barred and advisory lists, as imported'),
  'POST /api/v1/vetting/lists/import': notRecordScoped('vetting.lists', CREATE),
};
