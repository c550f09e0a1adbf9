import type { Deps } from '../../../kernel/deps.ts';
import type { Principal } from '../../../kernel/access/principal.ts';
import { actionAbility } from '../allegation-action-input.ts';
import { allocateCase } from '../allocate-case.ts';
import { allegationsOf, subjectsOf } from '../cases.repository.ts';
import { openCase } from '../open-case.ts';
import { progressAllegation } from '../progress-allegation.ts';
import { recordSubjectLeft } from '../record-subject-left.ts';
import type { CaseSpec } from './case-specs.ts';
import { toIso } from './days-and-chance.ts';

// The planned cases written through the real use cases, so every row is valid and audited. The plan was
// checked against the workflow already: a refusal here is a bug in the demo and is thrown.

const REQUEST_ID = 'seed-demo';

/** Opens, allocates and progresses one planned case through the use cases. */
export async function loadCase(deps: Deps, spec: CaseSpec, aa: Principal, investigator: Principal): Promise<void> {
  const created = await openCase(
    deps,
    aa,
    {
      source: spec.source,
      caseType: spec.caseType,
      cameToAttentionOn: toIso(spec.day),
      summary: spec.summary,
      confidentiality: spec.restricted ? 'restricted' : 'normal',
      subjectPersonIds: spec.subjects.map((x) => x.id),
      allegation: { categoryCode: spec.categoryCode, standards: spec.standards, description: spec.description },
      namedUserIds: spec.nameInvestigator ? [investigator.userId] : [],
    },
    REQUEST_ID,
  );
  if (spec.allocate)
    await allocateCase(
      deps,
      aa,
      { caseId: created.id, version: created.version, leadInvestigatorId: investigator.userId },
      REQUEST_ID,
    );
  const subjectIds = new Map((await subjectsOf(deps.db, aa.forceId, created.id)).map((x) => [x.personId, x]));
  const allegationBySubject = new Map(
    (await allegationsOf(deps.db, aa.forceId, created.id)).map((a) => [a.subjectId, a]),
  );
  for (const [i, person] of spec.subjects.entries()) {
    const subject = subjectIds.get(person.id);
    const allegation = subject && allegationBySubject.get(subject.id);
    const plan = spec.plans[i];
    if (!subject || !allegation || !plan) throw new Error(`demo cases: ${created.reference} lost a subject`);
    let version = allegation.version;
    for (const step of plan.steps) {
      try {
        if (step.kind === 'left') {
          await recordSubjectLeft(
            deps,
            aa,
            {
              caseId: created.id,
              subjectId: subject.id,
              version: subject.version,
              leftOn: toIso(step.day),
              how: step.how,
            },
            REQUEST_ID,
          );
          continue;
        }
        const actor = spec.allocate && actionAbility[step.input.type] === 'allegation.progress' ? investigator : aa;
        const done = await progressAllegation(
          deps,
          actor,
          { caseId: created.id, allegationId: allegation.id, version, occurredOn: toIso(step.day), action: step.input },
          REQUEST_ID,
        );
        if (done.state !== step.expect) throw new Error(`ended in ${done.state}, planned ${step.expect}`);
        version = done.version;
      } catch (error) {
        const what = step.kind === 'left' ? 'subject left' : step.input.type;
        throw new Error(
          `demo cases: ${created.reference}: ${what} on ${toIso(step.day)} failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
    }
  }
}
