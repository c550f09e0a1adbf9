import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, staleVersion } from '../../../kernel/errors.ts';
import { parseInput } from '../../../kernel/validation.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { updateApplication } from '../applications/applications.repository.ts';
import { buildDecisionRecord } from './decision-record.ts';
import { APPLICATION_OUTCOMES, checkDecision, isGrant } from './decision-rules.ts';
import { forceName } from './decisions.repository.ts';
import { grantClearance } from '../clearances/grant-clearance.ts';
import { matchCounts } from '../lists/list-entries.repository.ts';
import { startVettingClock } from '../vetting-clocks.ts';
import { loadApplicationFile } from '../applications/view-application.ts';
import { appealWindowEnd, itemRationales, rationalesOf, saveDecision, text } from './decide.ts';

export const decideApplicationInput = z.object({
  applicationId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  outcome: z.enum(APPLICATION_OUTCOMES, { message: 'Choose the decision' }),
  rationale: text.default(''),
  conditions: text.default(''),
  reasonsForApplicant: text.default(''),
  items: itemRationales,
});

const STATUS_AFTER = {
  grant: 'granted',
  grant_with_conditions: 'granted_with_conditions',
  refuse: 'refused',
  discontinue: 'discontinued',
} as const;

/**
 * Decides an application (§4.4) under THE rule of decision-rules.ts: no grant over adverse information
 * without a structured rationale for every item; conditions for a conditional grant; reasons (and what may
 * be told to the applicant) for a refusal; a reason for a discontinuance; nothing while a list match waits
 * for a human. A grant writes the clearance (when the applicant has a person record; otherwise when they
 * are linked to one); a refusal starts the appeal window. The Appendix K record is stored with it.
 */
export async function decideApplication(
  deps: Deps,
  principal: Principal | null,
  raw: z.input<typeof decideApplicationInput>,
  requestId: string | null,
) {
  authorize(principal, 'vetting.decide', 'application');
  const input = parseInput(decideApplicationInput, raw, 'Check the decision');
  return deps.db.transaction(async (tx) => {
    const file = await loadApplicationFile(tx, principal, input.applicationId, true);
    const { application } = file;
    if (application.version !== input.version) throw staleVersion();
    if (!file.state.decidable) throw new AppError('invalid_state', 'This application has already been decided');
    const counts = await matchCounts(tx, application.forceId, application.id);
    const verdict = checkDecision(
      {
        outcome: input.outcome,
        rationale: input.rationale,
        conditions: input.conditions,
        reasonsForApplicant: input.reasonsForApplicant,
        itemRationales: input.items,
      },
      {
        adverseItemIds: file.adverse.map((i) => i.id),
        pendingMatches: counts.pending,
        confirmedBarredMatches: counts.confirmedBarred,
        pendingChecks: file.checks.filter((c) => c.status === 'pending').length,
      },
    );
    if (!verdict.ok && verdict.kind === 'blocked') throw new AppError('invalid_state', verdict.message);
    if (!verdict.ok) throw new AppError('validation', 'The decision cannot be saved yet', verdict.fields);

    const decidedOn = ukToday(deps.now());
    const decisionId = randomUUID();
    const appealWindowEndsOn = appealWindowEnd(deps, input.outcome, decidedOn);
    const rationales = rationalesOf(
      file.adverse.map((i) => i.id),
      input.items,
    );
    const document = buildDecisionRecord({
      decisionId,
      force: await forceName(tx, application.forceId),
      application,
      checks: file.checks,
      adverse: file.adverse.map((i) => ({ ...i, rationale: rationales.get(i.id) ?? null })),
      matches: file.matches.map((m) => ({
        list: m.list,
        score: m.score,
        reasons: m.reasons,
        decision: m.decision,
        note: m.note,
        entryName: `${m.given_name} ${m.family_name}`,
        removedOn: m.removed_on,
      })),
      outcome: input.outcome,
      rationale: input.rationale,
      conditions: input.conditions,
      reasonsForApplicant: input.reasonsForApplicant,
      decisionMaker: { userId: principal.userId, name: principal.displayName },
      decidedOn,
      appealWindowEndsOn,
      appealPeriod: deps.config.rules.periods.vetting_appeal,
    });
    await saveDecision(
      tx,
      { kind: 'application', id: application.id },
      {
        id: decisionId,
        forceId: application.forceId,
        personId: application.personId,
        outcome: input.outcome,
        decidedOn,
        decisionMakerUserId: principal.userId,
        rationale: input.rationale,
        conditions: input.conditions,
        reasonsForApplicant: input.reasonsForApplicant,
        appealWindowEndsOn,
        document,
      },
      rationales,
    );
    await updateApplication(tx, application, { status: STATUS_AFTER[input.outcome] });
    const actor = actorOf(principal, requestId);
    const granted =
      isGrant(input.outcome) && application.personId
        ? await grantClearance(tx, deps, actor, {
            forceId: application.forceId,
            personId: application.personId,
            level: application.level,
            grantedOn: decidedOn,
            conditions: input.outcome === 'grant_with_conditions' ? input.conditions : '',
            source: 'decision',
            applicationId: application.id,
            decisionId,
          })
        : null;
    if (input.outcome === 'refuse') {
      await startVettingClock(tx, deps, {
        forceId: application.forceId,
        personId: application.personId,
        subjectKey: `decision:${decisionId}`,
        period: 'vetting_appeal',
        startOn: decidedOn,
      });
    }
    await recordAudit(
      tx,
      actor,
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.application_decided',
        applicationId: application.id,
        decisionId,
        outcome: input.outcome,
        clearanceId: granted?.clearance.id ?? null,
        supersededClearanceIds: granted?.supersededIds ?? [],
        appealWindowEndsOn,
      },
    );
    return { decisionId, clearanceId: granted?.clearance.id ?? null, appealWindowEndsOn };
  });
}
