import type { IsoDate } from '../../kernel/time/dates.ts';
import { restrictionKinds } from '../../db/schema/index.ts';
import type { CalendarConfig } from '../../kernel/time/bank-holidays.ts';
import { toDayNumber } from '../../kernel/time/iso-date.ts';
import { computeDeadline, type PeriodKey, type ResolvedPeriods } from '../../kernel/time/periods.ts';

/**
 * The rules of a decision to restrict an officer's duties (uk-domain.md §2.12), pure and unit-tested:
 *
 * - Suspension (Conduct Regs reg 11) needs BOTH conditions: (a) temporary redeployment to alternative duties
 *   or location was considered and is not appropriate, and (b) either the effective investigation may be
 *   prejudiced, or the public interest requires it (Conduct Regs 2020 reg 11).
 * - The alternatives (restricted duties, repositioning, removal from public-facing roles, firearms authority
 *   withdrawn, IT access restricted) are local policy, not regulated (press reports of the case); force policies ask for the
 *   least intrusive option, so every decision says, for EVERY option, whether it was considered and why.
 * - Notice and review periods are the configured periods (clocks/periods.ts, all [R] defaults), counted
 *   with the configured bank-holiday calendar through computeDeadline.
 */

export type RestrictionKind = (typeof restrictionKinds)[number];
export const RESTRICTION_KINDS: readonly RestrictionKind[] = restrictionKinds;

export const KIND_LABELS: Readonly<Record<RestrictionKind, string>> = {
  temporary_redeployment: 'Temporary redeployment to alternative duties or location',
  restricted_duties: 'Restricted duties',
  removed_from_public_facing_role: 'Removed from public-facing role',
  firearms_authority_withdrawn: 'Firearms authority withdrawn',
  restricted_system_access: 'Restricted access to IT systems',
  repositioned: 'Repositioned',
  suspension: 'Suspension (regulation 11)',
};

export const SUSPENSION_GROUNDS = ['investigation_prejudiced', 'public_interest'] as const;
export type SuspensionGround = (typeof SUSPENSION_GROUNDS)[number];

export const GROUND_LABELS: Readonly<Record<SuspensionGround, string>> = {
  investigation_prejudiced: 'The effective investigation may be prejudiced unless the officer is suspended',
  public_interest:
    'Given the nature of the allegation and other relevant considerations, the public interest requires suspension',
};

export type OptionConsidered = { option: RestrictionKind; considered: boolean; reason: string };
export type SuspensionTests = {
  redeploymentRejectedReason?: string | undefined;
  ground?: SuspensionGround | undefined;
  groundReason?: string | undefined;
};

/** What a decision to impose (or change to) a restriction must say, before dates are checked against the case. */
export type DecisionContent = {
  kind: RestrictionKind;
  options: readonly OptionConsidered[];
  suspensionTests?: SuspensionTests | undefined;
  conditions: string;
  noticeMethod?: 'written' | 'oral' | undefined;
  noticeGivenOn?: IsoDate | undefined;
};

export type DecisionIssue = { path: string; message: string };

const blank = (s: string | undefined): boolean => !s || s.trim() === '';

/**
 * Everything wrong with a decision's content, one issue per field (an empty list means it is complete).
 * Field paths are those of the use-case input: `options.<kind>.considered`, `suspensionTests.ground` …
 */
export function decisionIssues(d: DecisionContent): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  for (const kind of RESTRICTION_KINDS) {
    const given = d.options.filter((o) => o.option === kind);
    const label = KIND_LABELS[kind].toLowerCase();
    if (given.length !== 1) {
      issues.push({ path: `options.${kind}.considered`, message: `Say whether you considered ${label}` });
      continue;
    }
    const [option] = given;
    if (!option) continue;
    if (blank(option.reason))
      issues.push({ path: `options.${kind}.reason`, message: `Give the reason you did or did not consider ${label}` });
    if (kind === d.kind && !option.considered)
      issues.push({ path: `options.${kind}.considered`, message: `You chose ${label}: record that you considered it` });
  }
  if (d.kind === 'suspension') {
    const redeployment = d.options.find((o) => o.option === 'temporary_redeployment');
    if (redeployment && !redeployment.considered) {
      issues.push({
        path: 'options.temporary_redeployment.considered',
        message:
          'Before suspending, temporary redeployment to alternative duties or location must be considered (regulation 11)',
      });
    }
    const tests = d.suspensionTests ?? {};
    if (blank(tests.redeploymentRejectedReason)) {
      issues.push({
        path: 'suspensionTests.redeploymentRejectedReason',
        message:
          'Say why temporary redeployment to alternative duties or location is not appropriate (regulation 11, first condition)',
      });
    }
    if (!tests.ground) {
      issues.push({
        path: 'suspensionTests.ground',
        message:
          'Choose the ground for suspension: the investigation may be prejudiced, or the public interest requires it (regulation 11, second condition)',
      });
    }
    if (blank(tests.groundReason))
      issues.push({ path: 'suspensionTests.groundReason', message: 'Explain why the ground for suspension applies' });
  } else if (blank(d.conditions)) {
    issues.push({ path: 'conditions', message: 'Describe the restriction: what the officer may and may not do' });
  }
  if (d.noticeMethod && !d.noticeGivenOn)
    issues.push({ path: 'noticeGivenOn', message: 'Enter the date the officer was told' });
  if (!d.noticeMethod && d.noticeGivenOn)
    issues.push({ path: 'noticeMethod', message: 'Say how the officer was told' });
  return issues;
}

/** The suspension tests to store: only for a suspension, trimmed. */
export function storedSuspensionTests(
  d: DecisionContent,
): { redeploymentRejectedReason: string; ground: SuspensionGround; groundReason: string } | null {
  const t = d.suspensionTests;
  if (d.kind !== 'suspension' || !t?.ground) return null;
  return {
    redeploymentRejectedReason: (t.redeploymentRejectedReason ?? '').trim(),
    ground: t.ground,
    groundReason: (t.groundReason ?? '').trim(),
  };
}

/** The clock for the written notice of this kind of restriction. */
export function noticePeriodOf(
  kind: RestrictionKind,
): Extract<PeriodKey, 'suspension_notice_written' | 'restriction_notice'> {
  return kind === 'suspension' ? 'suspension_notice_written' : 'restriction_notice';
}

/** The clock for the periodic review of this kind of restriction. */
export function reviewPeriodOf(kind: RestrictionKind): Extract<PeriodKey, 'suspension_review' | 'restriction_review'> {
  return kind === 'suspension' ? 'suspension_review' : 'restriction_review';
}

type Rules = { periods: ResolvedPeriods; calendar: CalendarConfig };

/** The next review of a restriction decided (or last reviewed) on `from`: the configured period, on the configured calendar. */
export function nextReviewDue(rules: Rules, kind: RestrictionKind, from: IsoDate): IsoDate {
  return computeDeadline(rules.periods[reviewPeriodOf(kind)], from, rules.calendar);
}

/**
 * When the notice clock starts: an oral notification starts the time for its written confirmation; otherwise
 * the decision starts the time for the written notice.
 */
export function noticeClockStart(d: {
  decidedOn: IsoDate;
  noticeMethod?: 'written' | 'oral' | null | undefined;
  noticeGivenOn?: IsoDate | null | undefined;
}): IsoDate {
  return d.noticeMethod === 'oral' && d.noticeGivenOn ? d.noticeGivenOn : d.decidedOn;
}

export function noticeDue(rules: Rules, kind: RestrictionKind, start: IsoDate): IsoDate {
  return computeDeadline(rules.periods[noticePeriodOf(kind)], start, rules.calendar);
}

/**
 * How long a senior rationale answers the flag: until the first of the subject's in-force restrictions is next
 * reviewed, or (with none in force, or none with a review scheduled) the restriction review period after the
 * decision.
 */
export function rationaleValidUntil(
  rules: Rules,
  decidedOn: IsoDate,
  inForceNextReviews: readonly (IsoDate | null)[],
): IsoDate {
  const first = inForceNextReviews.filter((d): d is IsoDate => d !== null).sort()[0];
  return first ?? computeDeadline(rules.periods.restriction_review, decidedOn, rules.calendar);
}

/**
 * Restrictions of different kinds may be in force for one subject at once (restricted duties AND firearms
 * authority withdrawn), never two of the same kind: the one in force is reviewed, changed or lifted instead.
 * `except` is the restriction being changed (it stops being in force in the same step).
 */
export function duplicateKindRefusal(
  inForce: readonly { id: string; kind: RestrictionKind }[],
  kind: RestrictionKind,
  except?: string,
): string | null {
  const same = inForce.find((r) => r.kind === kind && r.id !== except);
  return same
    ? `${KIND_LABELS[kind]} is already in force for this subject in this case: review, change or lift that restriction instead`
    : null;
}

/** Whole days from the start of a restriction to `asOf` (0 on the first day). */
export function durationDays(startsOn: IsoDate, asOf: IsoDate): number {
  return Math.max(0, toDayNumber(asOf) - toDayNumber(startsOn));
}

export function isRestrictionKind(value: string): value is RestrictionKind {
  return (RESTRICTION_KINDS as readonly string[]).includes(value);
}
