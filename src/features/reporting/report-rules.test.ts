import { describe, expect, it } from 'vitest';
import { acknowledgeRefusal, statusChangeRefusal } from './report-rules.ts';

describe('report statuses', () => {
  it('acknowledges a received report once', () => {
    expect(acknowledgeRefusal('received')).toBeNull();
    expect(acknowledgeRefusal('acknowledged')).toMatch(/already/);
    expect(acknowledgeRefusal('case_opened')).toMatch(/already/);
  });

  it('changes an open report, never a closed one, and never to the same status', () => {
    expect(statusChangeRefusal('received', 'in_progress')).toBeNull();
    expect(statusChangeRefusal('acknowledged', 'no_action')).toBeNull();
    expect(statusChangeRefusal('in_progress', 'referred')).toBeNull();
    expect(statusChangeRefusal('in_progress', 'in_progress')).toMatch(/already/);
    expect(statusChangeRefusal('no_action', 'in_progress')).toMatch(/closed/);
    expect(statusChangeRefusal('case_opened', 'referred')).toMatch(/closed/);
  });
});
