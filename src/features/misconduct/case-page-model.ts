import type { Deps } from '../../kernel/deps.ts';
import type { Principal } from '../../kernel/access/principal.ts';
import { listUsersOfForce } from '../auth/index.ts';
import { ACTION_TABLE } from './rules/allegation-table.ts';
import { regimeDefinition, REGIME_VERSIONS, type RegimeVersion } from '../../kernel/time/regime.ts';
import { regimeForMatter } from './rules/transitional.ts';
import { caseTypeLabels, sourceLabels } from './case-form-fields.ts';
import { listCategories } from './cases.repository.ts';
import { casePolicy } from './case.policy.ts';
import { caseNames, nameOf, statusTagClass, statusText, word, type CaseView } from './case-page-words.ts';
import { clockRows } from './case-page-clocks.ts';
import { returnDocuments } from './case-page-returns.ts';
import { caseTimeline } from './case-page-timeline.ts';

/**
 * Turns what `viewCase` returns into what the case page shows: every allegation's track side by side,
 * the clocks in words (case-page-clocks.ts), list returns as documents (case-page-returns.ts) and the
 * timeline (case-page-timeline.ts). No rule is decided here: the actions
 * offered are exactly those `viewCase` says this user may take now.
 */

/** Users of the force who could lead an investigation (active, holding allegation.progress). */
export async function investigatorsOfForce(deps: Deps, forceId: string) {
  const users = await listUsersOfForce(deps.db, forceId);
  return users.filter(casePolicy.mayLead);
}

export async function categoryLabels(deps: Deps): Promise<Map<string, string>> {
  return new Map((await listCategories(deps.db)).map((c) => [c.code, c.label]));
}

/** Probity's words for an imported outcome (features/imports/import-outcomes.ts). */
const IMPORTED_OUTCOME_WORDS: Record<string, string> = {
  no_further_action: 'No further action',
  no_case_to_answer: 'No case to answer',
  reflective_practice: 'Reflective practice',
  not_proven: 'Not proven',
  misconduct: 'Misconduct',
  gross_misconduct: 'Gross misconduct',
  withdrawn: 'Withdrawn',
  open: 'Not concluded',
  not_recorded: 'Not recorded in the source',
};

/**
 * What other features show on the case page, given by the application when it assembles the routes (features
 * above this one, such as restrictions, may read a case; this one does not import them).
 */
export type CasePanels = {
  /** The restriction banner for this reader, or null when they may not read restrictions. */
  restrictionBanner: (deps: Deps, principal: Principal, caseId: string) => Promise<unknown>;
};

export async function casePageModel(deps: Deps, principal: Principal, view: CaseView, panels: CasePanels) {
  const { theCase } = view;
  const categories = await categoryLabels(deps);
  const names = caseNames(view);
  const regime = (REGIME_VERSIONS as readonly string[]).includes(theCase.regimeVersion)
    ? regimeDefinition(theCase.regimeVersion as RegimeVersion).label
    : theCase.regimeVersion;
  // Why these regulations, when it is not simply the came-to-attention date (SI 2025/558 reg 64).
  const regimeReason =
    theCase.connectedMatterOn || theCase.iopcReinvestigation
      ? regimeForMatter({
          cameToAttentionOn: theCase.cameToAttentionOn,
          connectedToEarlierMatterOn: theCase.connectedMatterOn,
          iopcReinvestigation: theCase.iopcReinvestigation,
        }).reason + (theCase.connectedMatterReason ? `. Connection: ${theCase.connectedMatterReason}` : '')
      : null;
  const may = casePolicy.on(principal, theCase);
  const investigators = may.allocate ? await investigatorsOfForce(deps, principal.forceId) : [];
  const lead = theCase.leadInvestigatorId
    ? (await listUsersOfForce(deps.db, theCase.forceId)).find((u) => u.id === theCase.leadInvestigatorId)
    : undefined;

  const tracks = view.allegations.map((a) => {
    const t = a.facts.track;
    return {
      id: a.id,
      subjectName: nameOf(a.subject),
      personId: a.subject?.personId,
      former: !!a.subject?.leftOn,
      category: categories.get(a.categoryCode) ?? a.categoryCode,
      status: { text: statusText(t.status), classes: statusTagClass(t.status) },
      severity: word('severity', t.severity),
      referral: t.referral
        ? `${word('referral', t.referral)}${t.iopcMode ? ` (${word('iopcMode', t.iopcMode)})` : ''}`
        : '',
      caseToAnswer: word('caseToAnswer', t.caseToAnswer),
      form: word('form', t.form),
      finding: word('finding', t.finding),
      sanction: word('sanction', t.sanction),
      appeal: word('appeal', t.appeal),
      // Imported history: the source's own words beside Probity's mapped outcome (docs/import.md).
      imported: a.facts.imported
        ? {
            outcome: IMPORTED_OUTCOME_WORDS[a.facts.imported.outcome ?? ''] ?? a.facts.imported.outcome ?? '',
            sourceOutcome: a.facts.imported.sourceOutcome ?? '',
          }
        : null,
      actions: a.actions.map((action) => ({
        href: `/cases/${theCase.id}/allegations/${a.id}/actions/${action}`,
        text: ACTION_TABLE[action].label,
      })),
    };
  });

  return {
    summary: {
      reference: theCase.reference,
      source: sourceLabels[theCase.source],
      caseType: caseTypeLabels[theCase.caseType].text,
      cameToAttentionOn: theCase.cameToAttentionOn,
      regime: regimeReason ? `${regime}. ${regimeReason}` : regime,
      restricted: theCase.confidentiality === 'restricted',
      lead: lead ? lead.displayName : null,
      status: theCase.status,
    },
    tracks,
    clocks: clockRows(deps, principal, view, names),
    returns: returnDocuments(view),
    timeline: caseTimeline(deps, view, names),
    investigators: investigators.map((u) => ({
      value: u.id,
      text: `${u.displayName} (${u.email})`,
      selected: u.id === theCase.leadInvestigatorId,
    })),
    can: may,
    canAllocate: may.allocate,
    corrections: {
      canCorrect: may.correct,
      canRemoveSubjects: may.removeSubjects,
      subjects: view.subjects.map((s) => ({
        id: s.id,
        name: nameOf(s),
        personId: s.personId,
        inError: s.recordedInErrorOn ? { on: s.recordedInErrorOn, reason: s.recordedInErrorReason ?? '' } : null,
      })),
    },
    servingSubjects: may.recordSubjectLeft ? view.subjects.filter((s) => !s.leftOn) : [],
    restrictionBanner: await panels.restrictionBanner(deps, principal, theCase.id),
  };
}
