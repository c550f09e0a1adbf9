import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';
import { accountOf } from '../auth/index.ts';
import { recordCriminalEvent } from '../misconduct/index.ts';
import { imposeRestriction } from './impose-restriction.ts';
import { liftRestriction } from './lift-restriction.ts';
import { recordSeniorRationale } from './record-senior-rationale.ts';
import {
  GROUND_LABELS,
  KIND_LABELS,
  RESTRICTION_KINDS,
  type RestrictionKind,
  type SuspensionGround,
} from './restriction-rules.ts';
import { demoRestrictionCandidates, type DemoCandidate } from './restrictions.repository.ts';
import { reviewRestriction } from './review-restriction.ts';
import { subjectFlags } from './subject-flags.ts';
import { isSeriousCategory, WINDOW_CLOSED_STATUSES } from './suspension-flag.ts';

/**
 * Demo restrictions on the demo force's conduct cases, made through the use cases as its appropriate
 * authority so that every row, decision, clock, vetting review and audit event is what real use would
 * leave. Deterministic: the subjects are chosen in the cases' own order (oldest first), the dates count
 * back from `today`, and the words are fixed. The mix shows every screen: two suspensions (one reviewed,
 * one with its written notice still due), a subject flagged and left without a senior rationale, one
 * answered by a rationale, a review overdue, alternatives in force, and one lifted after a review. Any other
 * subject the demo cases leave flagged gets a senior rationale, so exactly one flag is left unanswered.
 */

export type DemoRestrictionsSummary = {
  restrictions: number;
  suspensions: number;
  lifted: number;
  rationales: number;
  arrests: number;
};

const CONDITIONS: Record<RestrictionKind, string> = {
  temporary_redeployment: 'Redeployed to the force control room for the time being; no operational deployments.',
  restricted_duties:
    'Office-based duties only; no contact with the complainant or witnesses; no overtime in public-facing roles.',
  removed_from_public_facing_role: 'No contact with members of the public; no attendance at incidents.',
  firearms_authority_withdrawn: 'Firearms authority withdrawn; no armed deployments; may not enter the armoury.',
  restricted_system_access:
    'No access to intelligence systems or the police national computer; audited access to email only.',
  repositioned: 'Moved to the neighbourhood support team under a different supervisor.',
  suspension: '',
};

function decision(kind: RestrictionKind, on: IsoDate, notice: 'written' | 'oral', ground: SuspensionGround) {
  const suspension = kind === 'suspension';
  return {
    kind,
    options: RESTRICTION_KINDS.map((option) => ({
      option,
      considered: option === kind || option === 'temporary_redeployment' || option === 'restricted_duties',
      reason:
        option === kind
          ? 'Chosen: the least intrusive measure that manages the risk identified.'
          : `${KIND_LABELS[option]} ${option === 'suspension' ? 'is not needed while the risk can be managed otherwise' : 'would not manage the risk identified'}.`,
    })),
    suspensionTests: suspension
      ? {
          redeploymentRejectedReason:
            'Every available role would bring the officer into contact with the complainant, witnesses or the public.',
          ground,
          groundReason: `${GROUND_LABELS[ground]}: the allegation, if proved, is of the utmost seriousness.`,
        }
      : undefined,
    conditions: CONDITIONS[kind],
    rationale: suspension
      ? 'Both conditions of regulation 11 are met; suspension on full pay is proportionate for now and will be reviewed.'
      : 'Proportionate to the risk to the public, the complainant and the investigation; the officer’s welfare and human rights were considered.',
    decidedOn: on,
    startsOn: on,
    noticeMethod: notice,
    noticeGivenOn: on,
  };
}

/**
 * Puts 8 restrictions on the force's demo cases (fewer if the force has too few open cases old enough).
 * Needs the demo accounts and cases; run once, after seedDemoCases.
 */
export async function seedDemoRestrictions(
  deps: Deps,
  options: { forceId: string; today: IsoDate },
): Promise<DemoRestrictionsSummary> {
  const aa = await accountOf(deps, `aa@${options.forceId}.example`);
  // The senior rationale is recorded by another, more senior appropriate authority than the one who imposed.
  const senior = await accountOf(deps, `head-psd@${options.forceId}.example`);
  const day = (n: number) => addCalendarDays(options.today, -n);
  const categories = deps.config.rules.integrity.seriousCategories;
  const pool = (await demoRestrictionCandidates(deps.db, options.forceId)).filter(
    (c) => c.came_to_attention_on <= day(100) && !WINDOW_CLOSED_STATUSES.has(c.state),
  );
  const serious = pool.filter((c) => isSeriousCategory(c.category_code, categories));
  const used = new Set<string>();
  const take = (from: DemoCandidate[]): DemoCandidate | undefined => {
    const found = from.find((c) => !used.has(c.subject_id));
    if (found) used.add(found.subject_id);
    return found;
  };
  const summary: DemoRestrictionsSummary = { restrictions: 0, suspensions: 0, lifted: 0, rationales: 0, arrests: 0 };
  const impose = async (
    c: DemoCandidate,
    kind: RestrictionKind,
    on: IsoDate,
    notice: 'written' | 'oral' = 'written',
    ground: SuspensionGround = 'public_interest',
  ) => {
    const made = await imposeRestriction(
      deps,
      aa,
      { caseId: c.case_id, subjectId: c.subject_id, ...decision(kind, on, notice, ground) },
      null,
    );
    summary.restrictions++;
    if (kind === 'suspension') summary.suspensions++;
    return made;
  };
  const flagged = async (c: DemoCandidate, arrestedOn: IsoDate) => {
    if (c.severity === 'gross_misconduct' || c.triggered) return;
    await recordCriminalEvent(
      deps,
      aa,
      {
        caseId: c.case_id,
        subjectId: c.subject_id,
        kind: 'arrest',
        occurredOn: arrestedOn,
        details: 'Arrested on suspicion of the offence alleged; released on bail.',
      },
      null,
    );
    summary.arrests++;
  };

  // A serious matter, not suspended, left without a senior rationale: the flag stays up.
  const unanswered = take(serious);
  if (unanswered) {
    await flagged(unanswered, day(21));
    await impose(unanswered, 'removed_from_public_facing_role', day(14));
  }
  // A serious matter answered by a senior rationale, valid to the restriction's next review (a subject with no
  // trigger yet, so that the arrest recorded here is the latest and the rationale comes after it).
  const answered = take(serious.filter((c) => c.severity !== 'gross_misconduct' && !c.triggered));
  if (answered) {
    await flagged(answered, day(12));
    await impose(answered, 'restricted_duties', day(10));
    await recordSeniorRationale(
      deps,
      senior,
      { caseId: answered.case_id, subjectId: answered.subject_id, decidedOn: day(10), rationale: rationaleText },
      null,
    );
    summary.rationales++;
  }
  await suspensions(take(serious) ?? take(pool), take(pool));
  // A restriction whose review is overdue (decided 35 days ago, review due after 28).
  const overdue = take(pool);
  if (overdue) await impose(overdue, 'firearms_authority_withdrawn', day(35));
  const redeployed = take(pool);
  if (redeployed) await impose(redeployed, 'temporary_redeployment', day(20));
  const systems = take(pool);
  if (systems) await impose(systems, 'restricted_system_access', day(3));
  // History: repositioned, reviewed once, then lifted.
  const past = take(pool);
  if (past) {
    const made = await impose(past, 'repositioned', day(90));
    const reviewed = await reviewRestriction(
      deps,
      aa,
      {
        restrictionId: made.id,
        version: made.version,
        reviewedOn: day(62),
        conditionsStillHold: true,
        reasons: reviewText,
        officerInformed: true,
        representations: '',
      },
      null,
    );
    await liftRestriction(
      deps,
      aa,
      {
        restrictionId: made.id,
        version: reviewed.version,
        decidedOn: day(40),
        endsOn: day(40),
        reasons: 'The investigation found no case to answer on the matter that called for it.',
      },
      null,
    );
    summary.lifted++;
  }
  // Every other subject the demo cases leave flagged (a serious matter assessed as gross misconduct) is answered
  // by a senior rationale, so that the flag list tells the one story above. Only where the senior may read the
  // case: a restricted case is open to the people named on it, and the head of PSD is not named on the demo's,
  // so a flag there stays for the appropriate authority who opened it.
  const others = (await subjectFlags(deps.db, deps, { principal: senior }, options.today)).filter(
    (f) => f.flag.flagged && f.subjectId !== unanswered?.subject_id,
  );
  for (const f of others) {
    const decidedOn = f.flag.latestTriggerOn && f.flag.latestTriggerOn > day(7) ? f.flag.latestTriggerOn : day(7);
    await recordSeniorRationale(
      deps,
      senior,
      { caseId: f.caseId, subjectId: f.subjectId, decidedOn, rationale: rationaleText },
      null,
    );
    summary.rationales++;
  }
  return summary;

  async function suspensions(reviewed: DemoCandidate | undefined, recent: DemoCandidate | undefined): Promise<void> {
    // Suspended 45 days ago and reviewed 17 days ago: the next review is in 11 days.
    if (reviewed) {
      const made = await impose(reviewed, 'suspension', day(45));
      await reviewRestriction(
        deps,
        aa,
        {
          restrictionId: made.id,
          version: made.version,
          reviewedOn: day(17),
          conditionsStillHold: true,
          reasons: reviewText,
          officerInformed: true,
          representations: 'The officer asked to return on restricted duties.',
        },
        null,
      );
    }
    // Suspended two days ago, told orally: the written confirmation is still due.
    if (recent) await impose(recent, 'suspension', day(2), 'oral', 'investigation_prejudiced');
  }
}

const rationaleText =
  'Restricted duties away from the complainant, with bail conditions in place, manage the risk; suspension is not needed at present.';
const reviewText = 'The conditions still hold: the investigation continues and the risk is unchanged.';
