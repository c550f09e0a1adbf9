import { describe, expect, it } from 'vitest';
import { parseIntegrityRules } from '../../kernel/config/integrity-rules.ts';
import { evaluateSuspensionFlag, isSeriousCategory, triggerSummary, type FlagFacts } from './suspension-flag.ts';

const serious = parseIntegrityRules({}).seriousCategories;
const today = '2026-03-10';
const facts = (extra: Partial<FlagFacts> = {}): FlagFacts => ({
  leftOn: null,
  caseOpen: true,
  allegations: [
    {
      categoryCode: 'sexual_conduct.assault',
      status: 'under_investigation',
      severity: 'misconduct',
      grossAssessedOn: null,
    },
  ],
  criminal: [{ kind: 'arrest', occurredOn: '2026-03-01' }],
  inForceKinds: ['restricted_duties'],
  rationales: [],
  ...extra,
});

describe('serious categories', () => {
  it('covers a parent code’s sub-codes, not look-alike codes', () => {
    expect(isSeriousCategory('sexual_conduct', serious)).toBe(true);
    expect(isSeriousCategory('sexual_conduct.assault', serious)).toBe(true);
    expect(isSeriousCategory('abuse_of_position.sexual', serious)).toBe(true);
    expect(isSeriousCategory('abuse_of_position.financial', serious)).toBe(false);
    expect(isSeriousCategory('sexual_conductish', serious)).toBe(false);
    expect(isSeriousCategory('behaviours.unprofessional', serious)).toBe(false);
    expect(isSeriousCategory('behaviours.unprofessional', ['behaviours'])).toBe(true);
  });
});

describe('the suspension flag', () => {
  it('flags a subject arrested in a serious category who is not suspended and has no rationale', () => {
    expect(evaluateSuspensionFlag(facts(), serious, today)).toEqual({
      state: 'flagged',
      flagged: true,
      triggers: [{ kind: 'arrest', on: '2026-03-01' }],
      latestTriggerOn: '2026-03-01',
      answeredUntil: null,
    });
    expect(evaluateSuspensionFlag(facts({ inForceKinds: [] }), serious, today).flagged).toBe(true);
  });

  it('flags a gross misconduct assessment of a serious allegation, and a charge, as triggers too', () => {
    const gross = facts({
      criminal: [],
      allegations: [
        {
          categoryCode: 'discrimination.race',
          status: 'assessed_gross_misconduct',
          severity: 'gross_misconduct',
          grossAssessedOn: '2026-03-04',
        },
      ],
    });
    expect(evaluateSuspensionFlag(gross, serious, today)).toMatchObject({
      state: 'flagged',
      latestTriggerOn: '2026-03-04',
      triggers: [{ kind: 'gross_misconduct', on: '2026-03-04' }],
    });
    expect(
      evaluateSuspensionFlag(facts({ criminal: [{ kind: 'charge', occurredOn: '2026-03-05' }] }), serious, today)
        .latestTriggerOn,
    ).toBe('2026-03-05');
  });

  it('does not flag without a trigger, outside the serious categories, or for gross misconduct on a lesser allegation', () => {
    expect(evaluateSuspensionFlag(facts({ criminal: [] }), serious, today).state).toBe('not_applicable');
    expect(
      evaluateSuspensionFlag(
        facts({
          criminal: [
            { kind: 'bail', occurredOn: '2026-03-02' },
            { kind: 'released_under_investigation', occurredOn: '2026-03-03' },
          ],
        }),
        serious,
        today,
      ).state,
    ).toBe('not_applicable');
    expect(
      evaluateSuspensionFlag(
        facts({
          allegations: [
            { categoryCode: 'duties.decisions', status: 'received', severity: null, grossAssessedOn: null },
          ],
        }),
        serious,
        today,
      ).state,
    ).toBe('not_applicable');
    const grossElsewhere = facts({
      criminal: [],
      allegations: [
        {
          categoryCode: 'sexual_conduct.assault',
          status: 'assessed_misconduct',
          severity: 'misconduct',
          grossAssessedOn: null,
        },
        {
          categoryCode: 'property',
          status: 'assessed_gross_misconduct',
          severity: 'gross_misconduct',
          grossAssessedOn: '2026-03-02',
        },
      ],
    });
    expect(evaluateSuspensionFlag(grossElsewhere, serious, today).state).toBe('not_applicable');
  });

  it('does not flag once the window has closed or the subject cannot be suspended', () => {
    expect(evaluateSuspensionFlag(facts({ leftOn: '2026-03-05' }), serious, today).state).toBe('not_applicable');
    expect(evaluateSuspensionFlag(facts({ caseOpen: false }), serious, today).state).toBe('not_applicable');
    for (const status of [
      'assessed_no_case',
      'no_case_to_answer',
      'withdrawn',
      'closed',
      'finding_recorded',
      'appeal_pending',
    ]) {
      expect(
        evaluateSuspensionFlag(
          facts({
            allegations: [
              { categoryCode: 'sexual_conduct', status, severity: 'gross_misconduct', grossAssessedOn: '2026-03-01' },
            ],
          }),
          serious,
          today,
        ).state,
        status,
      ).toBe('not_applicable');
    }
  });

  it('is not raised while the subject is suspended', () => {
    expect(evaluateSuspensionFlag(facts({ inForceKinds: ['suspension'] }), serious, today)).toMatchObject({
      state: 'suspended',
      flagged: false,
    });
  });

  it('stays raised with several restrictions short of suspension in force, and is not raised when one of them is a suspension', () => {
    const several = facts({ inForceKinds: ['restricted_duties', 'firearms_authority_withdrawn'] });
    expect(evaluateSuspensionFlag(several, serious, today)).toMatchObject({ state: 'flagged', flagged: true });
    const withSuspension = facts({ inForceKinds: ['firearms_authority_withdrawn', 'suspension'] });
    expect(evaluateSuspensionFlag(withSuspension, serious, today)).toMatchObject({
      state: 'suspended',
      flagged: false,
    });
  });

  it('is answered by a rationale valid after today and decided on or after the latest trigger', () => {
    expect(
      evaluateSuspensionFlag(
        facts({ rationales: [{ decidedOn: '2026-03-01', validUntil: '2026-03-29' }] }),
        serious,
        today,
      ),
    ).toMatchObject({ state: 'answered', flagged: false, answeredUntil: '2026-03-29' });
    // The longest-lasting current rationale answers it.
    const two = facts({
      rationales: [
        { decidedOn: '2026-03-02', validUntil: '2026-03-20' },
        { decidedOn: '2026-03-03', validUntil: '2026-03-12' },
      ],
    });
    expect(evaluateSuspensionFlag(two, serious, today).answeredUntil).toBe('2026-03-20');
  });

  it('returns on the day the rationale runs out (the review falls due)', () => {
    const f = facts({ rationales: [{ decidedOn: '2026-03-02', validUntil: '2026-03-10' }] });
    expect(evaluateSuspensionFlag(f, serious, '2026-03-09').state).toBe('answered');
    expect(evaluateSuspensionFlag(f, serious, '2026-03-10').state).toBe('flagged');
  });

  it('returns after a later trigger that the rationale did not consider', () => {
    const f = facts({
      criminal: [
        { kind: 'arrest', occurredOn: '2026-03-01' },
        { kind: 'charge', occurredOn: '2026-03-08' },
      ],
      rationales: [{ decidedOn: '2026-03-02', validUntil: '2026-03-30' }],
    });
    expect(evaluateSuspensionFlag(f, serious, today)).toMatchObject({
      state: 'flagged',
      latestTriggerOn: '2026-03-08',
    });
  });

  it('follows the configured serious categories', () => {
    const f = facts({
      allegations: [
        { categoryCode: 'information.disclosure', status: 'received', severity: null, grossAssessedOn: null },
      ],
    });
    expect(evaluateSuspensionFlag(f, serious, today).state).toBe('not_applicable');
    expect(evaluateSuspensionFlag(f, ['information'], today).state).toBe('flagged');
    expect(evaluateSuspensionFlag(facts(), [], today).state).toBe('not_applicable');
  });

  it('says why in words', () => {
    expect(
      triggerSummary(
        [
          { kind: 'arrest', on: '2026-03-01' },
          { kind: 'gross_misconduct', on: '2026-03-04' },
        ],
        (d) => d,
      ),
    ).toBe('arrested on 2026-03-01; assessed as gross misconduct on 2026-03-04');
  });
});
