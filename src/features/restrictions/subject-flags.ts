import type { Deps } from '../../kernel/deps.ts';
import type { Db } from '../../db/client.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { flagFactsOf, type FlagFactsRow, type FlagNarrowing, type ListScope } from './restriction-lists.repository.ts';
import { evaluateSuspensionFlag, type FlagResult } from './suspension-flag.ts';
import type { RestrictionKind } from './restriction-rules.ts';

/** One subject of a case with a serious allegation, and what the flag rule says about them today. */
export type SubjectFlag = {
  subjectId: string;
  caseId: string;
  personId: string;
  reference: string;
  name: string;
  leftOn: IsoDate | null;
  /** Every restriction of the subject in force now, oldest first (several kinds may run at once). */
  inForce: { id: string; kind: RestrictionKind; nextReviewDueOn: IsoDate | null; decisionMakerUserId: string }[];
  flag: FlagResult;
};

export function toSubjectFlag(row: FlagFactsRow, seriousCategories: readonly string[], today: IsoDate): SubjectFlag {
  const flag = evaluateSuspensionFlag(
    {
      leftOn: row.left_on,
      caseOpen: row.case_open,
      allegations: row.allegations ?? [],
      criminal: row.criminal ?? [],
      inForceKinds: (row.in_force ?? []).map((r) => r.kind),
      rationales: row.rationales ?? [],
    },
    seriousCategories,
    today,
  );
  return {
    subjectId: row.subject_id,
    caseId: row.case_id,
    personId: row.person_id,
    reference: row.reference,
    name: `${row.given_name} ${row.family_name}`,
    leftOn: row.left_on,
    inForce: row.in_force ?? [],
    flag,
  };
}

/**
 * The flag of every subject in the scope who has a serious allegation (narrowed to a case or to people).
 * Subjects with no serious allegation are not returned: their flag cannot apply.
 */
export async function subjectFlags(
  db: Db,
  deps: Pick<Deps, 'config'>,
  scope: ListScope,
  today: IsoDate,
  narrow: FlagNarrowing = {},
): Promise<SubjectFlag[]> {
  const categories = deps.config.rules.integrity.seriousCategories;
  const rows = await flagFactsOf(db, scope, categories, narrow);
  return rows.map((row) => toSubjectFlag(row, categories, today));
}
