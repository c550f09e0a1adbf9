import { describe, expect, it } from 'vitest';
import { resolvePeriods } from '../../../kernel/time/periods.ts';
import { categoryLabel, complaintCategoryChoices } from './categories.ts';
import { complaintDeadline, reviewApplicationInTime, reviewWindowEnds } from './complaint-clocks.ts';
import { checkEligibility, defaultEligibilityRules } from './eligibility.ts';
import { defaultOutcomes, outcomeLabel } from './outcomes.ts';
import { initialHandlingError, recordingRequirement } from './recording.ts';
import { REFERRAL_GROUND_DEFINITIONS, referralDecisionError, referralRequirement } from './referral.ts';
import { REVIEW_GROUNDS, reviewBody, type ReviewFacts } from './review-body.ts';

const conduct = { aboutConduct: true, underSameChiefOfficer: false, onDutyAtTime: false };

describe('Police Reform Act 2002 s.12: who may complain', () => {
  it.each(['directed_at', 'adversely_affected', 'witness'] as const)(
    'accepts someone %s about an individual’s conduct',
    (basis) => {
      expect(checkEligibility({ basis, ...conduct })).toEqual({ eligible: true });
    },
  );

  it('accepts someone acting on behalf of a witness, and refuses one who does not say whom for (s.12(1))', () => {
    expect(checkEligibility({ basis: 'on_behalf', representedBasis: 'witness', ...conduct }).eligible).toBe(true);
    const refused = checkEligibility({ basis: 'on_behalf', representedBasis: null, ...conduct });
    expect(refused).toMatchObject({ eligible: false, reasons: [expect.stringMatching(/s\.12\(1\)/)] });
  });

  it('refuses a witness to a complaint about the service itself: only the adversely affected may make it (s.12(1B))', () => {
    const refused = checkEligibility({ basis: 'witness', ...conduct, aboutConduct: false });
    expect(refused).toMatchObject({ eligible: false, reasons: [expect.stringMatching(/s\.12\(1B\)/)] });
    expect(checkEligibility({ basis: 'adversely_affected', ...conduct, aboutConduct: false }).eligible).toBe(true);
  });

  it('refuses a colleague under the same chief officer and someone on duty at the time, each with its reason', () => {
    const refused = checkEligibility({
      basis: 'witness',
      aboutConduct: true,
      underSameChiefOfficer: true,
      onDutyAtTime: true,
    });
    expect(refused.eligible).toBe(false);
    if (refused.eligible) return;
    expect(refused.reasons).toHaveLength(2);
    expect(refused.reasons[0]).toMatch(/same chief officer.*s\.12\(6\)–\(7\)/);
    expect(refused.reasons[1]).toMatch(/on duty at the time.*s\.12\(7\)/);
  });

  it('keeps the exclusions as configuration with their mark', () => {
    expect(defaultEligibilityRules.excludeOnDuty).toEqual({ enabled: true, mark: 'S' });
    const off = { ...defaultEligibilityRules, excludeOnDuty: { enabled: false, mark: 'S' as const } };
    expect(checkEligibility({ basis: 'witness', ...conduct, onDutyAtTime: true }, off).eligible).toBe(true);
  });
});

describe('Police Reform Act 2002 Sch 3 para 2: recording under Schedule 3', () => {
  it('may be handled outside Schedule 3 when the complainant does not ask and no para 2(6B) ground applies', () => {
    expect(recordingRequirement({ complainantWantsRecorded: false, grounds: [] })).toEqual({
      mandatory: false,
      reasons: [],
    });
    expect(initialHandlingError('outside_schedule_3', { complainantWantsRecorded: false, grounds: [] })).toBeNull();
  });

  it('must be recorded when the complainant asks (para 2(6A))', () => {
    const error = initialHandlingError('outside_schedule_3', { complainantWantsRecorded: true, grounds: [] });
    expect(error).toMatch(/must be recorded.*para 2\(6A\)/);
  });

  it.each(['death_or_serious_injury', 'criminal_or_disciplinary', 'article_2_or_3', 'referral_category'] as const)(
    'must be recorded on the para 2(6B) ground %s',
    (ground) => {
      expect(recordingRequirement({ complainantWantsRecorded: false, grounds: [ground] }).mandatory).toBe(true);
      expect(
        initialHandlingError('outside_schedule_3', { complainantWantsRecorded: false, grounds: [ground] }),
      ).toMatch(/para 2\(6B\)/);
      expect(initialHandlingError('recorded', { complainantWantsRecorded: false, grounds: [ground] })).toBeNull();
    },
  );
});

describe('Complaints and Misconduct Regs 2020 reg 4(1): mandatory referral to the IOPC', () => {
  it('requires a referral on every listed ground, naming the provision', () => {
    for (const ground of Object.keys(REFERRAL_GROUND_DEFINITIONS) as (keyof typeof REFERRAL_GROUND_DEFINITIONS)[]) {
      const r = referralRequirement([ground]);
      expect(r.mandatory, ground).toBe(true);
      expect(r.reasons[0]).toMatch(/reg 4\(1\)|Sch 3 para 4\(1\)/);
    }
    expect(referralRequirement([]).mandatory).toBe(false);
  });

  it('refuses a decision not to refer when a ground applies, and keeps the unverified threshold marked', () => {
    expect(referralDecisionError(false, ['serious_sexual_offence'])).toMatch(/must be referred to the IOPC/);
    expect(referralDecisionError(true, ['serious_sexual_offence'])).toBeNull();
    expect(referralDecisionError(false, [])).toBeNull();
    expect(REFERRAL_GROUND_DEFINITIONS.relevant_offence.mark).toBe('R');
  });
});

describe('Complaints and Misconduct Regs 2020 reg 32: the relevant review body', () => {
  const handled: ReviewFacts = {
    initialHandling: 'recorded',
    handlingRoute: 'otherwise_than_by_investigation',
    iopcDecision: null,
    withdrawn: false,
    grounds: [],
  };

  it('is the local policing body when no reg 32 ground applies', () => {
    expect(reviewBody(handled)).toMatchObject({ body: 'local_policing_body', grounds: [] });
  });

  it.each(REVIEW_GROUNDS)('is the IOPC on the ground %s, with the reason shown', (ground) => {
    const r = reviewBody({ ...handled, grounds: [ground] });
    expect(r.body).toBe('iopc');
    expect(r.grounds).toEqual([ground]);
    expect(r.reason).toMatch(/^The IOPC reviews because /);
    expect(r.source).toMatch(/reg 32/);
  });

  it('gives the local investigation a review but not a directed or independent one (reg 29(1))', () => {
    expect(
      reviewBody({ ...handled, handlingRoute: 'investigation', iopcDecision: 'local', grounds: ['referred'] }).body,
    ).toBe('iopc');
    for (const iopcDecision of ['directed', 'independent'] as const) {
      const r = reviewBody({ ...handled, handlingRoute: 'investigation', iopcDecision, grounds: ['referred'] });
      expect(r.body).toBe('none');
      expect(r.source).toMatch(/reg 29\(1\)/);
    }
  });

  it('has no review outside Schedule 3, after withdrawal, for an ineligible complainant, or before handling', () => {
    expect(reviewBody({ ...handled, initialHandling: 'outside_schedule_3' }).source).toMatch(/para 2\(6C\)/);
    expect(reviewBody({ ...handled, withdrawn: true }).source).toMatch(/reg 38/);
    expect(reviewBody({ ...handled, ineligible: true }).body).toBe('none');
    expect(reviewBody({ ...handled, handlingRoute: null }).body).toBe('none');
  });
});

describe('the complaint clocks (configured periods)', () => {
  const periods = resolvePeriods();

  it('asks for a progress update 4 weeks after handling starts, then 4 weeks after each update', () => {
    expect(complaintDeadline(periods, 'complaint_progress_update', '2026-03-02')).toBe('2026-03-30');
    expect(complaintDeadline(periods, 'complaint_progress_update', '2026-03-30')).toBe('2026-04-27');
  });

  it('gives the outcome notice 5 working days, skipping the Easter bank holidays of 2026', () => {
    // Thursday 2 April 2026; Good Friday 3 April and Easter Monday 6 April are not working days.
    expect(complaintDeadline(periods, 'complaint_outcome_notice', '2026-04-02')).toBe('2026-04-13');
  });

  it('reports to the local policing body 12 months from the day the complaint was made (reg 13)', () => {
    expect(complaintDeadline(periods, 'pcc_report_first', '2026-02-14')).toBe('2027-02-14');
  });

  it('closes the review window 28 days from the day after the outcome notice, across Christmas 2026 (reg 29(2))', () => {
    // Notice sent Thursday 10 December 2026: day 1 is 11 December, day 28 is 7 January 2027 — bank holidays count.
    expect(reviewWindowEnds(periods, '2026-12-10')).toBe('2027-01-07');
    expect(reviewApplicationInTime(periods, '2026-12-10', '2027-01-07')).toBe(true);
    expect(reviewApplicationInTime(periods, '2026-12-10', '2027-01-08')).toBe(false);
  });

  it('excludes the time an application spent being forwarded from the wrong body (reg 29(3))', () => {
    expect(reviewWindowEnds(periods, '2026-12-10', 3)).toBe('2027-01-10');
    expect(reviewApplicationInTime(periods, '2026-12-10', '2027-01-09', 3)).toBe(true);
    expect(() => reviewWindowEnds(periods, '2026-12-10', -1)).toThrow(RangeError);
  });

  it('follows configuration: a corrected first-contact target changes the deadline and keeps the mark', () => {
    const configured = resolvePeriods({ complaint_first_contact: 5 });
    expect(configured.complaint_first_contact).toMatchObject({ amount: 5, confidence: 'R', overridden: true });
    expect(complaintDeadline(configured, 'complaint_first_contact', '2026-03-02')).toBe('2026-03-09');
  });
});

describe('the category and outcome tables', () => {
  it('offers sub-categories, and categories that have none, with the parent in the label', () => {
    const codes = complaintCategoryChoices().map((c) => c.code);
    expect(codes).toContain('powers.use_of_force');
    expect(codes).toContain('vehicles');
    expect(codes).not.toContain('powers');
    expect(categoryLabel('powers.use_of_force')).toBe('Police powers, policies and procedures: Use of force');
  });

  it('holds the IOPC outcome vocabulary with a mark on every entry', () => {
    for (const code of [
      'service_acceptable',
      'service_not_acceptable',
      'no_further_action',
      'reflective_practice',
      'apology',
    ])
      expect(outcomeLabel(code)).not.toBe(code);
    expect(new Set(defaultOutcomes.map((o) => o.code)).size).toBe(defaultOutcomes.length);
    for (const o of defaultOutcomes) expect(['V', 'S', 'R']).toContain(o.mark);
  });
});
