import { describe, expect, it } from 'vitest';
import { computeDeadline, resolvePeriods } from '../../../kernel/time/periods.ts';
import { defaultCalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import {
  withdrawalAppealConsequence,
  withdrawalAppealLodgeProblem,
  withdrawalAppealOutcomeProblems,
  withdrawalAppealRoute,
} from './withdrawal-appeal-rules.ts';

const facts = {
  today: '2026-04-02',
  decisionOutcome: 'withdraw',
  decidedOn: '2026-03-20',
  windowEndsOn: '2026-04-03',
  person: { status: 'current', serviceEnd: null },
  appealsSoFar: 0,
};

describe('Police (Vetting) Regulations 2025 Part 3: who may appeal a withdrawal, and when', () => {
  it('takes an appeal received from 20 March 2026 (the withdrawal) to today, and refuses one before or in the future', () => {
    expect(withdrawalAppealLodgeProblem('2026-03-20', facts)).toBeNull();
    expect(withdrawalAppealLodgeProblem('2026-04-02', facts)).toBeNull();
    expect(withdrawalAppealLodgeProblem('2026-03-19', facts)).toEqual({
      fields: { lodgedOn: 'The appeal cannot be received before the withdrawal (20 March 2026)' },
    });
    expect(withdrawalAppealLodgeProblem('2026-04-03', facts)).toEqual({
      fields: { lodgedOn: 'The date the appeal was received must be today or in the past' },
    });
  });

  it('refuses an appeal received on 16 March 2026 when the window closed on 15 March', () => {
    expect(
      withdrawalAppealLodgeProblem('2026-03-16', { ...facts, decidedOn: '2026-03-01', windowEndsOn: '2026-03-15' }),
    ).toEqual({
      fields: {
        lodgedOn:
          'The window to appeal against the withdrawal closed on 15 March 2026: an appeal received on 16 March 2026 is out of time',
      },
    });
  });

  it('reg 6: a person who left on 10 March 2026 has no clearance left to appeal for', () => {
    const left = withdrawalAppealLodgeProblem('2026-03-25', {
      ...facts,
      person: { status: 'former', serviceEnd: '2026-03-10' },
    });
    const refusal = left && 'refusal' in left ? left.refusal : '';
    expect(refusal).toContain('has left the force (10 March 2026)');
    expect(refusal).toContain('Police (Vetting) Regulations 2025 (SI 2025/502) reg 6');
  });

  it('appeals only a withdrawal, once, about a person on record', () => {
    const refusalOf = (p: ReturnType<typeof withdrawalAppealLodgeProblem>) => (p && 'refusal' in p ? p.refusal : '');
    expect(refusalOf(withdrawalAppealLodgeProblem('2026-03-25', { ...facts, decisionOutcome: 'refuse' }))).toContain(
      'a refusal is appealed through the force’s own process',
    );
    expect(withdrawalAppealLodgeProblem('2026-03-25', { ...facts, appealsSoFar: 1 })).toEqual({
      refusal: 'An appeal has already been lodged against this withdrawal',
    });
    expect(refusalOf(withdrawalAppealLodgeProblem('2026-03-25', { ...facts, person: null }))).toContain(
      'no one to appeal',
    );
  });

  it('officers and special constables appeal under the Regulations; staff and volunteers under the force’s procedure', () => {
    expect(withdrawalAppealRoute('officer')).toBe('regulations');
    expect(withdrawalAppealRoute('special')).toBe('regulations');
    expect(withdrawalAppealRoute('staff')).toBe('employment');
    expect(withdrawalAppealRoute('volunteer')).toBe('employment');
    expect(withdrawalAppealRoute(null)).toBe('employment');
  });
});

describe('Police (Vetting) Regulations 2025 Part 3: the panel’s outcome and the dismissal that may follow', () => {
  const lodged = { today: '2026-04-02', lodgedOn: '2026-03-30' };

  it('needs the panel’s date between receipt (30 March 2026) and today, and says whether dismissal follows a dismissal', () => {
    expect(
      withdrawalAppealOutcomeProblems(
        { outcome: 'dismissed', decidedOn: '2026-04-01', dismissalFollows: true },
        lodged,
      ),
    ).toEqual({});
    expect(withdrawalAppealOutcomeProblems({ outcome: 'upheld', decidedOn: '2026-03-30' }, lodged)).toEqual({});
    expect(withdrawalAppealOutcomeProblems({ outcome: 'dismissed', decidedOn: '2026-03-29' }, lodged)).toEqual({
      decidedOn: 'The date the panel decided must be between the date the appeal was received and today',
      dismissalFollows: 'Say whether the officer’s dismissal follows',
    });
    expect(
      withdrawalAppealOutcomeProblems({ outcome: 'upheld', decidedOn: '2026-04-03', dismissalFollows: true }, lodged),
    ).toEqual({
      decidedOn: 'The date the panel decided must be between the date the appeal was received and today',
      dismissalFollows: 'An upheld appeal restores the clearance: dismissal cannot follow from it',
    });
  });

  it('says what follows: restored, the withdrawal standing, dismissal without notice with the tribunal window, or the staff procedure', () => {
    expect(withdrawalAppealConsequence('upheld', null, 'regulations', null)).toBe(
      'Appeal upheld: the withdrawn clearance is restored.',
    );
    expect(withdrawalAppealConsequence('dismissed', false, 'regulations', null)).toContain('the withdrawal stands');
    expect(withdrawalAppealConsequence('dismissed', true, 'regulations', '2026-04-17')).toBe(
      'Appeal dismissed: the withdrawal stands, and the officer’s dismissal without notice follows (Police (Vetting) Regulations 2025 (SI 2025/502), Part 3). The officer may appeal to the Police Appeals Tribunal until 17 April 2026.',
    );
    expect(withdrawalAppealConsequence('dismissed', true, 'employment', null)).toContain(
      'under the force’s procedure for staff',
    );
  });
});

describe('Police (Vetting) Regulations 2025 periods: configurable defaults marked [R]', () => {
  const periods = resolvePeriods();

  it('gives the officer 14 calendar days from a withdrawal on Friday 20 March 2026 (to 3 April), the panel 28 days from receipt', () => {
    expect(periods.vetting_withdrawal_appeal).toMatchObject({ amount: 14, unit: 'calendar_days', confidence: 'R' });
    expect(computeDeadline(periods.vetting_withdrawal_appeal, '2026-03-20', defaultCalendarConfig)).toBe('2026-04-03');
    expect(periods.vetting_withdrawal_appeal_decision).toMatchObject({ amount: 28, confidence: 'R' });
    expect(computeDeadline(periods.vetting_withdrawal_appeal_decision, '2026-03-30', defaultCalendarConfig)).toBe(
      '2026-04-27',
    );
  });

  it('counts the tribunal window (10 working days [R]) from Wednesday 1 April 2026 over Good Friday and Easter Monday to 17 April', () => {
    expect(periods.vetting_withdrawal_tribunal).toMatchObject({ amount: 10, unit: 'working_days', confidence: 'R' });
    expect(computeDeadline(periods.vetting_withdrawal_tribunal, '2026-04-01', defaultCalendarConfig)).toBe(
      '2026-04-17',
    );
  });

  it('lets a deployment set the withdrawal appeal window once checked against SI 2025/502, keeping the mark', () => {
    const set = resolvePeriods({ vetting_withdrawal_appeal: { amount: 10, unit: 'working_days' } });
    expect(set.vetting_withdrawal_appeal).toMatchObject({
      amount: 10,
      confidence: 'R',
      overridden: true,
      defaultAmount: 14,
    });
    expect(set.vetting_withdrawal_appeal.source).toContain('Police (Vetting) Regulations 2025 (SI 2025/502)');
    expect(set.vetting_appeal.amount).toBe(14);
  });
});
