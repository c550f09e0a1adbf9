import { describe, expect, it } from 'vitest';
import {
  formerOfficerAcceleratedRuleApplies,
  referralNoticeBeforeCommencement,
  regimeForMatter,
} from './transitional.ts';

describe('the transitional provisions of SI 2025/558, rule by rule', () => {
  it('reg 64(1): a matter that came to attention on 28 May 2025 is under the 2025 amendments, one on 27 May is not', () => {
    expect(regimeForMatter({ cameToAttentionOn: '2025-05-28' }).version).toBe('2020+2025');
    expect(regimeForMatter({ cameToAttentionOn: '2025-05-27' }).version).toBe('2020+2024');
  });

  it('reg 64(1): a later allegation connected to a matter from 1 March 2025 keeps the earlier matter’s regulations, with the reason', () => {
    const decision = regimeForMatter({ cameToAttentionOn: '2025-07-01', connectedToEarlierMatterOn: '2025-03-01' });
    expect(decision.version).toBe('2020+2024');
    expect(decision.reason).toContain('Connected to an earlier matter that came to attention on 2025-03-01');
  });

  it('a matter connected to one from before February 2020 stays under the Police (Conduct) Regulations 2012', () => {
    expect(regimeForMatter({ cameToAttentionOn: '2020-06-01', connectedToEarlierMatterOn: '2019-11-15' }).version).toBe(
      '2012',
    );
  });

  it('reg 64(2): an IOPC re-investigation of a 2024 matter is under the 2025 amendments; a 2012-regime matter is not amended by them', () => {
    const decision = regimeForMatter({ cameToAttentionOn: '2024-11-01', iopcReinvestigation: true });
    expect(decision.version).toBe('2020+2025');
    expect(decision.reason).toContain('reg 64(2)');
    expect(regimeForMatter({ cameToAttentionOn: '2019-06-01', iopcReinvestigation: true }).version).toBe('2012');
  });

  it('reg 64(3): the former-officer accelerated-hearing rule applies to a 2024 matter when no referral notice came before 28 May 2025', () => {
    expect(formerOfficerAcceleratedRuleApplies('2020+2024', '2026-01-05', false)).toBe(true);
    expect(formerOfficerAcceleratedRuleApplies('2020', '2025-05-28', false)).toBe(true);
  });

  it('reg 64(3): it does not apply where a referral notice was given before 28 May 2025, to a step before that day, or under the 2012 Regulations', () => {
    expect(formerOfficerAcceleratedRuleApplies('2020+2024', '2026-01-05', true)).toBe(false);
    expect(formerOfficerAcceleratedRuleApplies('2020+2024', '2025-05-27', false)).toBe(false);
    expect(formerOfficerAcceleratedRuleApplies('2012', '2026-01-05', false)).toBe(false);
  });

  it('counts only referral notices (reg 30(1), 51(1)) given before 28 May 2025', () => {
    expect(referralNoticeBeforeCommencement([{ action: 'schedule_hearing', occurredOn: '2025-05-27' }])).toBe(true);
    expect(referralNoticeBeforeCommencement([{ action: 'schedule_hearing', occurredOn: '2025-05-28' }])).toBe(false);
    expect(referralNoticeBeforeCommencement([{ action: 'submit_report', occurredOn: '2025-01-10' }])).toBe(false);
  });
});
