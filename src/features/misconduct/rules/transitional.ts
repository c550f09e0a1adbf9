import type { IsoDate } from '../../../lib/dates.ts';
import { regimeDefinition, regimeFor, type RegimeVersion } from '../../clocks/regime.ts';

/**
 * The transitional provisions of the amending Regulations, decided rule by rule rather than by one date for the
 * whole regime.
 *
 * - Police (Conduct, Performance and Complaints and Misconduct) (Amendment) Regulations 2025 (SI 2025/558),
 *   in force 28 May 2025:
 *   - reg 64(1): the Part 3 amendments do not apply where the allegation came to the appropriate authority's
 *     attention before 28 May 2025, nor to a later allegation related to such a matter while the earlier one is
 *     still being dealt with;
 *   - reg 64(2): they do apply to an IOPC re-investigation (Police Reform Act 2002 s.13B) and to a direction
 *     under s.28A, whatever the date the matter came to attention;
 *   - reg 64(3): the rule sending former officers to an accelerated hearing applies wherever no notice of
 *     referral to proceedings (Conduct Regs 2020 reg 30(1) or 51(1)) was given before 28 May 2025.
 * - A matter connected to an earlier one is dealt with under the regulations of the earlier matter, which also
 *   settles a later allegation connected to a matter from before the Police (Conduct) Regulations 2020 (their
 *   transitional provision keeps the 2012 Regulations for such matters). An authorised user records the
 *   connection with a reason; it is never inferred.
 */

/** SI 2025/558 came into force (reg 1(2)). */
export const TRANCHE_TWO_IN_FORCE: IsoDate = '2025-05-28';

export type MatterFacts = {
  cameToAttentionOn: IsoDate;
  /** The earlier matter this one is connected to, recorded with a reason by the appropriate authority. */
  connectedToEarlierMatterOn?: IsoDate | null;
  /** An IOPC re-investigation (PRA 2002 s.13B) or a direction under s.28A. */
  iopcReinvestigation?: boolean;
};

export type RegimeDecision = { version: RegimeVersion; reason: string };

const VERSIONS_AMENDED_IN_2025: readonly RegimeVersion[] = ['2020', '2020+2024'];

/** The version of the rules that governs a matter, with the reason in words for the case page. */
export function regimeForMatter(facts: MatterFacts): RegimeDecision {
  const connected = facts.connectedToEarlierMatterOn ?? null;
  const base = regimeFor(connected ?? facts.cameToAttentionOn);
  if (facts.iopcReinvestigation && VERSIONS_AMENDED_IN_2025.includes(base)) {
    return {
      version: '2020+2025',
      reason:
        'An IOPC re-investigation or a direction under s.28A: the 2025 amendments apply whatever the date (SI 2025/558 reg 64(2))',
    };
  }
  if (connected) {
    return {
      version: base,
      reason: `Connected to an earlier matter that came to attention on ${connected}: the ${regimeDefinition(base).label} govern it (SI 2025/558 reg 64(1) and the earlier Regulations' transitional provisions)`,
    };
  }
  return {
    version: base,
    reason: 'The date the matter came to the appropriate authority’s attention',
  };
}

/** The workflow actions that give a notice of referral to proceedings (Conduct Regs 2020 reg 30(1), 51(1)). */
export const REFERRAL_NOTICE_ACTIONS = [
  'schedule_meeting',
  'schedule_hearing',
  'schedule_accelerated_hearing',
] as const;

/** Whether one of these events gave a referral notice before SI 2025/558 came into force. */
export function referralNoticeBeforeCommencement(events: readonly { action: string; occurredOn: IsoDate }[]): boolean {
  return events.some(
    (e) => (REFERRAL_NOTICE_ACTIONS as readonly string[]).includes(e.action) && e.occurredOn < TRANCHE_TWO_IN_FORCE,
  );
}

/**
 * Whether a former officer goes to an accelerated hearing by default for a step taken on `stepOn`
 * (SI 2025/558 reg 64(3)): on any version of the 2020 Regulations, once the amendments are in force, unless a
 * notice of referral to proceedings (reg 30(1) or 51(1)) was given on the allegation before 28 May 2025.
 */
export function formerOfficerAcceleratedRuleApplies(
  regime: RegimeVersion,
  stepOn: IsoDate,
  referralNoticeGivenBeforeCommencement: boolean,
): boolean {
  if (regime === '2012') return false;
  if (stepOn < TRANCHE_TWO_IN_FORCE) return false;
  return !referralNoticeGivenBeforeCommencement;
}
