import { describe, expect, it } from 'vitest';
import { acknowledgeRefusal, isClosed, SETTABLE_STATUSES, statusChangeRefusal } from './report-rules.ts';

describe('report statuses', () => {
  it('acknowledges a received report once', () => {
    expect(acknowledgeRefusal('received')).toBeNull();
    expect(acknowledgeRefusal('acknowledged')).toMatch(/already/);
    expect(acknowledgeRefusal('case_opened')).toMatch(/already/);
  });

  it('changes an open report, never a closed one, and never to the same status', () => {
    expect(statusChangeRefusal('received', 'assessing')).toBeNull();
    expect(statusChangeRefusal('acknowledged', 'no_action')).toBeNull();
    expect(statusChangeRefusal('assessing', 'investigating')).toBeNull();
    expect(statusChangeRefusal('investigating', 'referred')).toBeNull();
    expect(statusChangeRefusal('in_progress', 'investigating')).toBeNull();
    expect(statusChangeRefusal('assessing', 'assessing')).toMatch(/already/);
    expect(statusChangeRefusal('no_action', 'assessing')).toMatch(/closed/);
    expect(statusChangeRefusal('case_opened', 'referred')).toMatch(/closed/);
  });

  it('offers the sub-statuses and the outcomes, never the old in-progress or a case opened by hand', () => {
    expect(SETTABLE_STATUSES).toEqual(['assessing', 'investigating', 'no_action', 'referred']);
    expect(['case_opened', 'no_action', 'referred'].every((s) => isClosed(s as never))).toBe(true);
    expect(isClosed('investigating')).toBe(false);
  });
});
