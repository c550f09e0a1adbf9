import { AppError } from '../../lib/errors.ts';
import { REGIME_VERSIONS, type RegimeVersion } from './rules/regime.ts';
import type { AllegationContext, AllegationState } from './rules/allegation-workflow.ts';
import type { AllegationRow, CaseRow } from './cases.repository.ts';

/** What the allegations table keeps in `facts`: the workflow's own state and the context flags recorded at assessment. */
export type AllegationFacts = {
  track: AllegationState;
  finalWrittenWarningInForce: boolean;
  multipleUnconnectedIncidents: boolean;
  /** On imported history: the outcome the mapping gave and the source's own words for it (features/imports). */
  imported?: { outcome?: string; sourceOutcome?: string };
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
  };
}

export function contextOf(theCase: CaseRow, facts: AllegationFacts, subjectLeftOn: string | null): AllegationContext {
  return {
    regime: regimeOf(theCase),
    subject: subjectLeftOn ? 'former' : 'serving',
    finalWrittenWarningInForce: facts.finalWrittenWarningInForce,
    multipleUnconnectedIncidents: facts.multipleUnconnectedIncidents,
  };
}
