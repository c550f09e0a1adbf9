import { describe, expect, it } from 'vitest';
import { defaultCalendarConfig } from '../../../kernel/time/bank-holidays.ts';
import { CONDUCT_PERIODS } from '../../../kernel/time/conduct-periods.ts';
import { composeReg17Notice, DEFAULT_REG17_WORDING } from './reg17-notice-content.ts';
import { DEFAULT_DEEMED_SERVICE, deemedServiceDate, representationsDueOn } from './reg17-service.ts';

const cal = defaultCalendarConfig;
const reg18 = CONDUCT_PERIODS.reg18_representations;
const on = (r: ReturnType<typeof deemedServiceDate>) => (r.ok ? r.on : r.reason);

describe('deemed service of a regulation 17 notice (Conduct Regs 2020 reg 7; SI 2025/558 reg 8)', () => {
  it('is the day itself for a notice given in person, by the police friend or left at the address', () => {
    expect(on(deemedServiceDate('in_person', '2026-12-03', cal))).toBe('2026-12-03');
    expect(on(deemedServiceDate('police_friend', '2026-12-05', cal))).toBe('2026-12-05');
    expect(on(deemedServiceDate('left_at_address', '2026-12-24', cal))).toBe('2026-12-24');
  });
  it('is the first working day after an e-mail is sent (SI 2025/558 reg 8), over Christmas 2026', () => {
    expect(on(deemedServiceDate('email', '2026-12-03', cal))).toBe('2026-12-04');
    // Fri 25 Dec, the weekend, Mon 28 Dec (Boxing Day substitute): served Tuesday 29 December.
    expect(on(deemedServiceDate('email', '2026-12-24', cal))).toBe('2026-12-29');
  });
  it('is the second working day after recorded delivery is posted (Conduct Regs reg 7(b))', () => {
    expect(on(deemedServiceDate('recorded_delivery', '2026-12-23', cal))).toBe('2026-12-29');
    expect(on(deemedServiceDate('recorded_delivery', '2026-12-03', cal))).toBe('2026-12-07');
  });
  it('refuses e-mail service before SI 2025/558 came into force on 28 May 2025', () => {
    expect(deemedServiceDate('email', '2025-05-27', cal)).toEqual({
      ok: false,
      reason: 'A notice could be served by e-mail only from 28 May 2025 (SI 2025/558 reg 8)',
    });
    expect(on(deemedServiceDate('email', '2025-05-28', cal))).toBe('2025-05-29');
  });
  it('takes the rule from configuration, each with its mark', () => {
    for (const rule of Object.values(DEFAULT_DEEMED_SERVICE)) expect(rule.source).toMatch(/\[(R|S|V)/);
    const twoDays = {
      ...DEFAULT_DEEMED_SERVICE,
      email: { ...DEFAULT_DEEMED_SERVICE.email, rule: { kind: 'working_days_after' as const, days: 2 } },
    };
    expect(on(deemedServiceDate('email', '2026-12-03', cal, twoDays))).toBe('2026-12-07');
  });
  it('gives the last day for representations by the reg 18 clock’s own rule (10 working days after service)', () => {
    expect(representationsDueOn('2026-12-04', reg18, cal)).toBe('2026-12-18');
    // Served Tue 29 Dec 2026: 30, 31 Dec, then 4–8 and 11–13 Jan (1 Jan a bank holiday).
    expect(representationsDueOn('2026-12-29', reg18, cal)).toBe('2027-01-13');
  });
});

describe('the words of a regulation 17 notice (Conduct Regs 2020 reg 17)', () => {
  const doc = composeReg17Notice({
    forceName: 'West Police',
    reference: 'W-2026-9',
    officerName: 'Constable Erin Eastwood',
    investigator: 'Sergeant Ian Vale',
    allegations: [
      {
        description: 'Posted offensive messages.',
        standards: ['Discreditable conduct'],
        severity: 'gross_misconduct',
        iopcMode: 'directed',
      },
    ],
    service: { method: DEFAULT_DEEMED_SERVICE.email, givenOn: '2026-12-24', deemedServedOn: '2026-12-29' },
    representations: { workingDays: 10, dueOn: '2027-01-13' },
    wording: DEFAULT_REG17_WORDING,
  });
  const text = doc.sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs]).join('\n');
  it('states the conduct, the Standards, the severity, the investigator, the IOPC, the likely proceedings and the rights', () => {
    expect(text).toContain('1. Posted offensive messages. Standards of Professional Behaviour: Discreditable conduct.');
    expect(text).toContain('would amount to gross misconduct');
    expect(text).toContain('Investigator: Sergeant Ian Vale.');
    expect(text).toContain('directed by the Independent Office for Police Conduct');
    expect(text).toContain('would be likely to be a misconduct hearing');
    expect(text).toContain('police barred list');
    expect(text).toContain('police friend');
    expect(text).toContain('inferences');
    expect(text).toContain('You have 10 working days after this notice is served (regulation 18)');
    expect(text).toContain('by 13 January 2027');
    expect(text).toContain('Sent by e-mail on 24 December 2026.');
    expect(text).toContain('treated as served on 29 December 2026');
    expect(doc.subject).toBe('Regulation 17 notice, treated as served on 29 December 2026 (W-2026-9)');
  });
});
