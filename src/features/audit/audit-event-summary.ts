import { summariseComplaintEvent, type ComplaintAuditEvent } from '../../kernel/audit/events/complaint-audit-events.ts';
import { summariseEiEvent, type EiAuditEvent } from '../../kernel/audit/events/ei-audit-events.ts';
import {
  summariseRestrictionEvent,
  type RestrictionAuditEvent,
} from '../../kernel/audit/events/restriction-audit-events.ts';
import { summariseVettingEvent, type VettingAuditEvent } from '../../kernel/audit/events/vetting-audit-events.ts';
import { summariseImportEvent, type ImportAuditEvent } from '../../kernel/audit/events/import-audit-events.ts';
import {
  summariseRecommendationEvent,
  type RecommendationAuditEvent,
} from '../../kernel/audit/events/recommendation-audit-events.ts';
import { summariseOversightEvent, type OversightAuditEvent } from '../../kernel/audit/events/oversight-audit-events.ts';
import { summariseReportEvent, type ReportAuditEvent } from '../../kernel/audit/events/report-audit-events.ts';
import { formatDateTime } from '../../kernel/time/dates.ts';
import { isRole, roleLabels } from '../../kernel/access/roles.ts';
import { auditEventSchema, type AuditEvent } from '../../kernel/audit/audit-events.ts';
import { summariseClockEvent } from '../clocks/index.ts';

const clip = (text: string, max = 80): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** "3 results", "1 result": the count in British style with its noun. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const failureReasons: Record<Extract<AuditEvent, { type: 'user.sign_in_failed' }>['reason'], string> = {
  unknown_account: 'no such account',
  bad_password: 'wrong password',
  bad_totp: 'wrong security code',
  locked: 'account locked',
  not_active: 'account not active',
  throttled: 'too many failed attempts, not checked',
  local_disabled: 'password sign-in is off for staff',
  oidc_failed: 'single sign-on refused (state, nonce or provider error)',
  oidc_expired: 'single sign-on took too long',
  oidc_subject_conflict: 'the account is linked to another single sign-on identity',
};

const signInMethods: Record<Extract<AuditEvent, { type: 'user.signed_in' }>['method'], string> = {
  password: 'Signed in with password',
  'password+totp': 'Signed in with password and security code',
  oidc: 'Signed in through single sign-on',
  'oidc+mfa': 'Signed in through single sign-on with multi-factor authentication at the provider',
  'oidc+totp': 'Signed in through single sign-on and security code',
};

/**
 * One line a reader can take in at a glance. The payload is re-checked against the event schema rather
 * than trusted, so an old or unexpected row still shows (as its raw JSON) instead of breaking the page.
 */
export function summariseAuditEvent(payload: unknown): string {
  const parsed = auditEventSchema.safeParse(payload);
  if (!parsed.success) return clip(JSON.stringify(payload) ?? '');
  const e = parsed.data;
  if (isFeatureEvent(e)) return clip(summariseFeatureEvent(e));
  switch (e.type) {
    case 'person.viewed':
      return 'Viewed the person record';
    case 'person.searched':
      return clip(`Searched people for “${e.query}”: ${plural(e.resultCount, 'result')}`);
    case 'person.merged':
      return clip(`Merged ${e.mergedId} into ${e.survivorId}: ${e.reason}`);
    case 'person.unmerged':
      return clip(`Undid the merge of ${e.mergedId} into ${e.survivorId}: ${e.reason}`);
    case 'person.career_break_recorded':
      return `Recorded a career break from ${e.startsOn}${e.endsOn ? ` to ${e.endsOn}` : ', still continuing'}`;
    case 'person.career_break_ended':
      return `Recorded the last day of a career break: ${e.endsOn}`;
    case 'user.created':
      return `Created the account ${e.email} (${isRole(e.role) ? roleLabels[e.role] : e.role})`;
    case 'user.setup_link_issued':
      return 'Issued a set-up link';
    case 'user.updated':
      return `Changed the account: ${Object.entries(e.changes)
        .map(([k, c]) => `${k} from ${c.from ?? '—'} to ${c.to ?? '—'}`)
        .join('; ')}`;
    case 'user.disabled':
      return `Disabled the account (${e.sessionsEnded} sessions ended)`;
    case 'user.enabled':
      return 'Enabled the account';
    case 'user.second_factor_reset':
      return `Reset the second factor and issued a new set-up link (${e.sessionsEnded} sessions ended)`;
    case 'user.password_set':
      return 'Set a password';
    case 'user.totp_enrolled':
      return 'Set up an authenticator app';
    case 'user.signed_in':
      return signInMethods[e.method];
    case 'user.oidc_linked':
      return 'Linked the account to its single sign-on identity (matched by e-mail)';
    case 'user.sign_in_failed':
      return `Failed sign-in as ${e.email}: ${failureReasons[e.reason]}`;
    case 'user.locked_out':
      return `Locked out until ${formatDateTime(e.until) || e.until}`;
    case 'user.signed_out':
      return e.everywhere ? `Signed out everywhere (${plural(e.sessionsEnded, 'session')} ended)` : 'Signed out';
    case 'api_token.created':
      return clip(`Created the API token “${e.name}”`);
    case 'api_token.revoked':
      return 'Revoked an API token';
    case 'audit.searched': {
      const filters = Object.entries(e.filters).map(([k, v]) => `${k} ${v}`);
      return clip(
        `Searched the audit log${filters.length ? ` (${filters.join(', ')})` : ''}: ${plural(e.resultCount, 'result')}`,
      );
    }
    case 'case.opened':
      return `Opened case ${e.reference}: ${plural(e.subjects, 'subject')}, ${plural(e.allegations, 'allegation')}${e.confidentiality === 'restricted' ? ' (restricted)' : ''}${e.regimeReason ? `; ${e.regimeReason}` : ''}`;
    case 'case.viewed':
      return `Viewed ${e.part ? `the ${e.part} of ` : ''}case ${e.reference}`;
    case 'case.allocated':
      return e.leadInvestigatorId
        ? 'Allocated the case to a lead investigator'
        : 'Returned the case to the unallocated queue';
    case 'case.party_added':
      return `Added a ${e.role} to the case`;
    case 'case.party_removed':
      return `Removed a ${e.role} from the case`;
    case 'case.linked':
      return 'Linked the case to another case';
    case 'case.unlinked':
      return 'Removed the link to another case';
    case 'case.team_set':
      return e.unitId ? 'Set the owning team of the case' : 'Cleared the owning team of the case';
    case 'case.details_corrected':
      return clip(`Corrected the case’s ${e.changed.join(', ')}: ${e.reason}`);
    case 'case.allegation_added':
      return 'Added an allegation to the case';
    case 'case.subject_removed':
      return clip(`Removed a subject entered by mistake: ${e.reason}`);
    case 'case.subject_recorded_in_error':
      return clip(`Marked a subject as recorded in error: ${e.reason}`);
    case 'allegation.progressed':
      return clip(
        `${e.action.replaceAll('_', ' ')}: ${e.fromState.replaceAll('_', ' ')} → ${e.toState.replaceAll('_', ' ')}`,
      );
    case 'subject.left':
      return `Subject left the force (${e.how}) on ${e.leftOn}`;
    case 'list_return.created':
      return e.kind === 'further' ? `Created a further ${e.list} list report` : `Created the ${e.list} list return`;
    case 'hearing.arranged':
      return `Arranged a meeting or hearing on ${e.heldOn} for ${plural(e.allegations, 'allegation')}`;
    case 'hearing.adjourned':
      return clip(`Adjourned a meeting or hearing from ${e.from} to ${e.to}: ${e.reason}`);
    case 'hearing.listed':
      return `Viewed the meetings and hearings of a case (${plural(e.count, 'sitting')})`;
    case 'case.letter':
      return e.kind === 'hearing_notice' ? 'Wrote a notice of a meeting or hearing' : 'Wrote an outcome letter';
    case 'case.letter_viewed':
      return 'Viewed a letter of a case';
    case 'case.reg17_notice':
      return `Wrote a regulation 17 notice, treated as served on ${e.deemedServedOn}`;
    case 'clock.started':
    case 'clock.met':
    case 'clock.cancelled':
    case 'clock.paused':
    case 'clock.superseded':
    case 'clock.extended':
    case 'clock.held':
    case 'clock.resumed':
    case 'clock.stopped':
    case 'clock.marked_met':
    case 'clock.due':
    case 'clock.overdue':
      return clip(summariseClockEvent(e));
    case 'criminal.recorded':
      return `Recorded ${e.kind.replaceAll('_', ' ')} on ${e.occurredOn}${e.subJudice ? ` (sub judice from ${e.subJudice.from}${e.subJudice.to ? ` to ${e.subJudice.to}` : ''})` : ''}`;
    case 'evidence.added':
      return clip(`Added evidence “${e.fileName}” (${plural(e.sizeBytes, 'byte')}, SHA-256 ${e.sha256.slice(0, 12)}…)`);
    case 'evidence.viewed':
      return clip(`Downloaded evidence “${e.fileName}”`);
    case 'case.listed':
      return clip(
        `Listed cases (${e.view}${e.status ? `, ${e.status}` : ''}${e.query !== null ? `, searched for “${e.query}”` : ''}): ${plural(e.resultCount, 'row')}`,
      );
    case 'deadlines.listed':
      return `Listed ${e.list === 'mine' ? 'their own deadlines' : 'the force’s due and overdue deadlines'}: ${plural(e.resultCount, 'row')}`;
    case 'force.created':
      return clip(`Created force ${e.forceId} (${e.name})`);
    case 'demo.seeded':
      return `Loaded demo data: ${plural(e.people, 'person', 'people')}, ${plural(e.users, 'user')}`;
    default: {
      const unhandled: never = e;
      return clip(JSON.stringify(unhandled));
    }
  }
}

type FeatureAuditEvent =
  | RestrictionAuditEvent
  | VettingAuditEvent
  | ImportAuditEvent
  | RecommendationAuditEvent
  | OversightAuditEvent
  | ReportAuditEvent
  | ComplaintAuditEvent
  | EiAuditEvent;

const FEATURE_EVENT_PREFIXES = [
  'complaint.',
  'restriction.',
  'vetting.',
  'import.',
  'export.',
  'recommendation.',
  'oversight.',
  'report.',
  'ei.',
];
const isFeatureEvent = (e: AuditEvent): e is FeatureAuditEvent =>
  FEATURE_EVENT_PREFIXES.some((prefix) => e.type.startsWith(prefix));

/** Events owned by a feature are summarised by that feature. */
function summariseFeatureEvent(e: FeatureAuditEvent): string {
  if (isComplaintEvent(e)) return summariseComplaintEvent(e);
  if (isEiEvent(e)) return summariseEiEvent(e);
  if (isOversightEvent(e)) return summariseOversightEvent(e);
  if (isReportEvent(e)) return summariseReportEvent(e);
  if (isRestrictionEvent(e)) return summariseRestrictionEvent(e);
  if (isVettingEvent(e)) return summariseVettingEvent(e);
  if (isRecommendationEvent(e)) return summariseRecommendationEvent(e);
  return summariseImportEvent(e);
}

const isComplaintEvent = (e: AuditEvent): e is ComplaintAuditEvent => e.type.startsWith('complaint.');
const isRestrictionEvent = (e: AuditEvent): e is RestrictionAuditEvent => e.type.startsWith('restriction.');
const isVettingEvent = (e: AuditEvent): e is VettingAuditEvent => e.type.startsWith('vetting.');
const isRecommendationEvent = (e: AuditEvent): e is RecommendationAuditEvent => e.type.startsWith('recommendation.');
const isOversightEvent = (e: AuditEvent): e is OversightAuditEvent => e.type.startsWith('oversight.');
const isEiEvent = (e: AuditEvent): e is EiAuditEvent => e.type.startsWith('ei.');
const isReportEvent = (e: AuditEvent): e is ReportAuditEvent => e.type.startsWith('report.');
