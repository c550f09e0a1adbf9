import { formatDate, type IsoDate } from '../../../kernel/time/dates.ts';

/**
 * The rules of an appeal against the withdrawal of a serving member's vetting clearance, apart from the
 * force's own appeal against a refusal (APP Vetting). Pure: no database, no clock.
 *
 * - Who may appeal: the person whose clearance the decision withdrew, while they serve (Police (Vetting)
 *   Regulations 2025 reg 6: a clearance ends when they stop being a police officer, so a person who has left
 *   has no withdrawal to appeal), themselves or through their police friend or lawyer (regs 9 and 10).
 * - Police officers and special constables: the Police (Vetting) Regulations 2025 (SI 2025/502), Part 3 —
 *   whose clearance is withdrawn may be dismissed without notice, with a two-stage appeal (a panel, then the
 *   Police Appeals Tribunal). Staff and volunteers: the force's own procedure (the Regulations concern
 *   police officers), so dismissal follows under their terms of employment and there is no tribunal stage.
 * - The periods to appeal, for the panel to decide and to go to the tribunal are configuration marked [R]
 *   (vetting_withdrawal_appeal, vetting_withdrawal_appeal_decision, vetting_withdrawal_tribunal).
 */

export const PVR_2025 = 'Police (Vetting) Regulations 2025 (SI 2025/502)';

export type WithdrawalAppealRoute = 'regulations' | 'employment';

/** Officers and specials appeal under the Regulations; staff and volunteers under the force's procedure. */
export function withdrawalAppealRoute(personType: string | null): WithdrawalAppealRoute {
  return personType === 'officer' || personType === 'special' ? 'regulations' : 'employment';
}

export type LodgeFacts = {
  today: IsoDate;
  decisionOutcome: string;
  decidedOn: IsoDate;
  windowEndsOn: IsoDate;
  /** The appellant's person record: null when the decision concerns no person. */
  person: { status: string; serviceEnd: string | null } | null;
  appealsSoFar: number;
};

export type Refusal = { refusal: string } | { fields: Record<string, string> } | null;

/** Why an appeal against a withdrawal received on `lodgedOn` cannot be recorded, or null when it can. */
export function withdrawalAppealLodgeProblem(lodgedOn: IsoDate, f: LodgeFacts): Refusal {
  if (f.decisionOutcome !== 'withdraw')
    return {
      refusal:
        'Only a withdrawal of clearance is appealed as a withdrawal appeal: a refusal is appealed through the force’s own process',
    };
  if (!f.person) return { refusal: 'This withdrawal concerns no person on record: there is no one to appeal' };
  if (f.person.status !== 'current')
    return {
      refusal: `This person has left the force${f.person.serviceEnd ? ` (${formatDate(f.person.serviceEnd)})` : ''}: a clearance ends on leaving (${PVR_2025} reg 6), so only a serving officer or member of staff can appeal its withdrawal`,
    };
  if (f.appealsSoFar > 0) return { refusal: 'An appeal has already been lodged against this withdrawal' };
  if (lodgedOn > f.today)
    return { fields: { lodgedOn: 'The date the appeal was received must be today or in the past' } };
  if (lodgedOn < f.decidedOn)
    return { fields: { lodgedOn: `The appeal cannot be received before the withdrawal (${formatDate(f.decidedOn)})` } };
  if (lodgedOn > f.windowEndsOn)
    return {
      fields: {
        lodgedOn: `The window to appeal against the withdrawal closed on ${formatDate(f.windowEndsOn)}: an appeal received on ${formatDate(lodgedOn)} is out of time`,
      },
    };
  return null;
}

export type OutcomeInput = {
  outcome: 'upheld' | 'dismissed';
  decidedOn: IsoDate;
  dismissalFollows?: boolean | undefined;
};

/** The field problems of the panel's outcome on an appeal received on `lodgedOn`. */
export function withdrawalAppealOutcomeProblems(
  input: OutcomeInput,
  f: { today: IsoDate; lodgedOn: IsoDate },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (input.decidedOn > f.today || input.decidedOn < f.lodgedOn)
    problems['decidedOn'] = 'The date the panel decided must be between the date the appeal was received and today';
  if (input.outcome === 'dismissed' && input.dismissalFollows === undefined)
    problems['dismissalFollows'] = 'Say whether the officer’s dismissal follows';
  if (input.outcome === 'upheld' && input.dismissalFollows === true)
    problems['dismissalFollows'] = 'An upheld appeal restores the clearance: dismissal cannot follow from it';
  return problems;
}

/** What the outcome means for the appellant, in words, with the instrument that says so. */
export function withdrawalAppealConsequence(
  outcome: 'pending' | 'upheld' | 'dismissed',
  dismissalFollows: boolean | null,
  route: WithdrawalAppealRoute,
  tribunalWindowEndsOn: IsoDate | null,
): string {
  if (outcome === 'pending') return 'Awaiting the appeal panel.';
  if (outcome === 'upheld') return 'Appeal upheld: the withdrawn clearance is restored.';
  if (!dismissalFollows)
    return 'Appeal dismissed: the withdrawal stands. The panel did not record that dismissal follows.';
  if (route === 'employment')
    return 'Appeal dismissed: the withdrawal stands, and dismissal follows under the force’s procedure for staff (the Police (Vetting) Regulations 2025 concern police officers).';
  return `Appeal dismissed: the withdrawal stands, and the officer’s dismissal without notice follows (${PVR_2025}, Part 3). The officer may appeal to the Police Appeals Tribunal${tribunalWindowEndsOn ? ` until ${formatDate(tribunalWindowEndsOn)}` : ''}.`;
}
