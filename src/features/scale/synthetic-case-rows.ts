import type { caseSources, caseTypes } from '../../db/schema/index.ts';
import { actionAbility } from '../misconduct/index.ts';
import { at, isoOf as toIso, isoOrNull as iso } from './day-text.ts';
import { initialAllegationState } from '../misconduct/index.ts';
import type { RegimeVersion } from '../../kernel/time/regime.ts';
import { standardsOfProfessionalBehaviour } from '../misconduct/index.ts';
import { familyNames, femaleGivenNames, maleGivenNames } from '../organisation/index.ts';
import type { CaseGeneratorOptions } from './synthetic-cases.ts';
import type { LedgerAllegation, LedgerResult } from './synthetic-clocks.ts';
import { addRestriction, RESTRICTION_CHANCE } from './synthetic-integrity.ts';
import type { SubjectCandidate, SyntheticAccount } from './synthetic-organisation.ts';
import type { ThemeSpec } from './track-library.ts';
import type { CaseTables } from './case-copy-tables.ts';

// The COPY tables moved to case-copy-tables.ts; exported from here too for their callers.
export { caseTables, tablesInOrder, type CaseTables } from './case-copy-tables.ts';

/*
 * A generated case as rows, in the shapes the use cases write: open-case (case, subjects, one allegation
 * per subject and more, case_access for a restricted case, the PCC report clock), allocate-case (lead and
 * version), progress-allegation (state, facts { track, flags }, version, one event per action with its
 * details and the effects carried out), record-subject-left, list returns with their documents, add-party.
 */

export type GeneratedCase = {
  id: string;
  reference: string;
  day: number;
  regime: RegimeVersion;
  source: (typeof caseSources)[number];
  caseType: (typeof caseTypes)[number];
  summary: string;
  theme: ThemeSpec;
  restricted: boolean;
  nameInvestigator: boolean;
  lead: SyntheticAccount | null;
  owningUnitId: string | null;
  subjects: SubjectCandidate[];
  subjectIds: string[];
  allegations: (LedgerAllegation & { theme: ThemeSpec; description: string })[];
  stretch: number;
  ledger: LedgerResult;
};

const standardLabel = new Map<string, string>(standardsOfProfessionalBehaviour.map((s) => [s.code, s.label]));

function personCategory(personType: string, former: boolean): string {
  const staff = personType === 'staff' || personType === 'volunteer';
  if (staff) return former ? 'former employee' : 'civilian employee';
  return former ? 'former officer' : 'officer';
}

export function writeCaseRows(t: CaseTables, o: CaseGeneratorOptions, c: GeneratedCase): void {
  const { force, rng, today } = o;
  const forceId = force.plan.id;
  const aa = force.aa.id;
  const { ledger } = c;
  const closed = ledger.closedOn !== null;
  t.cases.add(
    forceId,
    c.id,
    c.reference,
    c.source,
    c.caseType,
    toIso(c.day),
    c.regime,
    c.restricted ? 'restricted' : 'normal',
    c.owningUnitId,
    c.summary,
    c.lead?.id ?? null,
    closed ? 'closed' : 'open',
    iso(ledger.closedOn),
    1 + (c.lead ? 1 : 0) + (closed ? 1 : 0),
    aa,
    at(c.day, 9),
  );
  if (c.restricted) {
    t.caseAccess.add(forceId, c.id, aa, aa, at(c.day, 9));
    if (c.nameInvestigator && c.lead) t.caseAccess.add(forceId, c.id, c.lead.id, aa, at(c.day, 9));
  }
  c.subjects.forEach((s, i) =>
    t.caseSubjects.add(forceId, c.subjectIds[i], c.id, s.id, iso(ledger.leftOn[i]), ledger.leftOn[i] === null ? 1 : 2),
  );
  if (c.source === 'public_complaint') {
    const name = () => `${rng.pick(rng.chance(0.5) ? femaleGivenNames : maleGivenNames)} ${rng.pick(familyNames)}`;
    if (rng.chance(0.65)) t.caseParties.add(forceId, rng.uuid(), c.id, 'complainant', null, name());
    if (rng.chance(0.2)) t.caseParties.add(forceId, rng.uuid(), c.id, 'witness', null, name());
  }
  let minute = 0;
  const restricted = new Set<number>();
  c.allegations.forEach((a, ai) => {
    const acts = a.steps.filter((s) => s.t.kind === 'act');
    const last = acts[acts.length - 1]?.t;
    const track = last?.kind === 'act' ? last.state : initialAllegationState();
    const flags = last?.kind === 'act' ? last.flags : { fww: false, multi: false };
    const lastDay = a.steps[a.steps.length - 1]?.day ?? c.day;
    t.allegations.add(
      forceId,
      a.id,
      c.id,
      a.subjectId,
      a.theme.code,
      a.theme.standards,
      a.description,
      ledger.statuses[ai],
      { track, finalWrittenWarningInForce: flags.fww, multipleUnconnectedIncidents: flags.multi },
      1 + acts.length,
      at(lastDay, 17),
    );
    for (const step of a.steps) {
      const s = step.t;
      if (s.kind !== 'act') continue;
      const { type, ...details } = s.input as { type: keyof typeof actionAbility } & Record<string, unknown>;
      if (s.hearingOffset !== null) details['date'] = toIso(c.day + Math.round(s.hearingOffset * c.stretch));
      if (type === 'serve_reg17_notice') details['servedOn'] = toIso(step.day);
      const actor = c.lead && actionAbility[type] === 'allegation.progress' ? c.lead.id : aa;
      t.allegationEvents.add(
        forceId,
        rng.uuid(),
        c.id,
        a.id,
        type,
        s.from,
        s.to,
        { ...details, effects: step.done },
        actor,
        toIso(step.day),
        at(step.day, 9, minute++),
      );
      const gross =
        type === 'assess_severity' && s.input.type === 'assess_severity' && s.input.severity === 'gross_misconduct';
      if (gross && !restricted.has(a.subject) && rng.chance(RESTRICTION_CHANCE)) {
        restricted.add(a.subject);
        const siblings = c.allegations.map((b, bi) => ({ b, bi })).filter(({ b }) => b.subject === a.subject);
        const concluded = siblings.every(
          ({ bi }) => ledger.statuses[bi] === 'closed' || ledger.statuses[bi] === 'withdrawn',
        );
        const liftedDay = concluded
          ? Math.max(...siblings.map(({ b }) => b.steps[b.steps.length - 1]?.day ?? step.day))
          : null;
        const subject = c.subjects[a.subject] as SubjectCandidate;
        addRestriction(t, force, rng, o.dueOf, {
          caseId: c.id,
          subjectId: a.subjectId,
          personId: subject.id,
          decidedDay: step.day,
          liftedDay,
          today,
          decisionMaker: aa,
        });
      }
    }
  });
  for (const k of ledger.clocks) {
    t.clocks.add(
      forceId,
      k.id,
      c.id,
      k.allegationId,
      k.subjectId,
      k.period,
      k.sequence,
      c.regime,
      toIso(k.startedOn),
      toIso(k.dueOn),
      k.ownerUserId,
      k.state,
      0,
      iso(k.metOn),
      k.dueNotifiedOn === null ? null : at(k.dueNotifiedOn, 1),
      k.overdueNotifiedOn === null ? null : at(k.overdueNotifiedOn, 1),
    );
  }
  for (const r of ledger.returns) {
    const a = c.allegations[r.allegation] as GeneratedCase['allegations'][number];
    const person = force.dossierOf((c.subjects[a.subject] as SubjectCandidate).id);
    const left = ledger.leftOn[a.subject];
    const prior =
      r.list === 'barred'
        ? ledger.returns.find((x) => x.list === 'advisory' && c.allegations[x.allegation]?.subject === a.subject)
        : undefined;
    const document = {
      list: r.list === 'barred' ? 'Police Barred List' : 'Police Advisory List',
      fullName: person ? `${person.givenName} ${person.familyName}` : '',
      force: force.plan.name,
      dateOfBirth: person?.dateOfBirth ?? null,
      category: personCategory(person?.personType ?? 'officer', left !== null && left !== undefined && left <= r.day),
      rank: person?.rank ?? null,
      warrantOrIdNumber: person?.number ?? null,
      caseReference: c.reference,
      conduct: a.description,
      standardsBreached: a.theme.standards.map((code) => standardLabel.get(code) ?? code),
      ...(r.list === 'barred'
        ? {
            finding: r.finding ?? null,
            sanction: r.sanction ?? null,
            dateOfDismissalOrFinding: toIso(r.day),
            priorAdvisoryListReport: prior?.id ?? null,
          }
        : { leftOn: iso(left), formOfProceedings: 'not yet decided' }),
      dueWithinWorkingDays: o.rules.periods[r.list === 'barred' ? 'barred_list_return' : 'advisory_list_return'].amount,
    };
    t.listReturns.add(forceId, r.id, c.id, a.subjectId, a.id, r.list, document, toIso(r.day), null, at(r.day, 10));
  }
}
