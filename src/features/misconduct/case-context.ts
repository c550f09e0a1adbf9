import { AppError } from '../../lib/errors.ts';
import { REGIME_VERSIONS, type RegimeVersion } from '../clocks/regime.ts';
import { lowerRankExists, type PersonType } from './rules/subject-standing.ts';
import { formerOfficerAcceleratedRuleApplies } from './rules/transitional.ts';
import type { IsoDate } from '../../lib/dates.ts';
import type { AllegationContext, AllegationState } from './rules/allegation-workflow.ts';
import type { AllegationRow, CaseRow } from './cases.repository.ts';

/** What the allegations table keeps in `facts`: the workflow's own state and the context flags recorded at assessment. */
export type AllegationFacts = {
  track: AllegationState;
  finalWrittenWarningInForce: boolean;
  multipleUnconnectedIncidents: boolean;
  /** On imported history: the outcome the mapping gave and the source's own words for it (features/imports). */
  imported?: { outcome?: string; sourceOutcome?: string };
  /** The IOPC's special determination for a Condition C former officer (Conduct Regs reg 4A), recorded at assessment. */
  iopcSpecialDetermination?: boolean;
};

/**
 * The subject's standing from the person record at the date of the step (see subject-standing.ts), and the
 * step's date with whether a referral notice came before SI 2025/558 (transitional.ts).
 */
export type SubjectStanding = {
  personType: PersonType;
  rank: string | null;
  alreadyReducedInRank: boolean;
  stepOn: IsoDate;
  referralNoticeBeforeCommencement: boolean;
};

export function regimeOf(theCase: CaseRow): RegimeVersion {
  const v = theCase.regimeVersion;
  if (!(REGIME_VERSIONS as readonly string[]).includes(v))
    throw new AppError('invalid_state', `Case ${theCase.reference} has an unknown regime version ${v}`);
  return v as RegimeVersion;
}

export function factsOf(row: AllegationRow): AllegationFacts {
  const facts = row.facts as Partial<AllegationFacts>;
  return {
    track: facts.track ?? { status: row.state as AllegationState['status'], reg17NoticeServed: false },
    finalWrittenWarningInForce: facts.finalWrittenWarningInForce ?? false,
    multipleUnconnectedIncidents: facts.multipleUnconnectedIncidents ?? false,
    ...(facts.imported ? { imported: facts.imported } : {}),
    ...(facts.iopcSpecialDetermination ? { iopcSpecialDetermination: true } : {}),
  };
}

export function contextOf(
  theCase: CaseRow,
  facts: AllegationFacts,
  subjectLeftOn: string | null,
  standing?: SubjectStanding,
): AllegationContext {
  return {
    regime: regimeOf(theCase),
    subject: subjectLeftOn ? 'former' : 'serving',
    finalWrittenWarningInForce: facts.finalWrittenWarningInForce,
    multipleUnconnectedIncidents: facts.multipleUnconnectedIncidents,
    ...(standing
      ? {
          personType: standing.personType,
          lowerRankExists: lowerRankExists(standing.personType, standing.rank),
          alreadyReducedInRank: standing.alreadyReducedInRank,
          formerOfficerAcceleratedRule: formerOfficerAcceleratedRuleApplies(
            regimeOf(theCase),
            standing.stepOn,
            standing.referralNoticeBeforeCommencement,
          ),
        }
      : {}),
    ...(subjectLeftOn
      ? {
          formerOfficer: {
            leftOn: subjectLeftOn,
            cameToAttentionOn: theCase.cameToAttentionOn,
            iopcSpecialDetermination: facts.iopcSpecialDetermination ?? false,
          },
        }
      : {}),
  };
}
