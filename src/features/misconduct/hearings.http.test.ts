import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, type TestApp } from '../../../test/support/test-app.ts';
import {
  caseWorldOn7December2026,
  openCaseThrough,
  toGrossMisconductCaseToAnswer,
} from '../../../test/support/conduct-case-world.ts';
import { allegationRows, as, snapshot, type CaseWorld } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';

/**
 * Hearings as objects (issue 17): one sitting for several subjects, with its date, venue, panel, public or
 * private, and adjournments; a finding cannot be recorded before the day it sits. Today is 7 December 2026.
 */
let t: TestApp;
let w: CaseWorld;

beforeAll(async () => {
  ({ t, w } = await caseWorldOn7December2026());
});

afterAll(async () => {
  await t?.close();
});

function twoSubjectCase() {
  return openCaseThrough(t, w, [w.people.erin.id, w.people.frank.id], toGrossMisconductCaseToAnswer, {
    cameToAttentionOn: '2026-03-02',
  });
}

const panel = [
  { role: 'chair', name: 'Chief Superintendent Hale' },
  { role: 'independent_member', name: 'Ms Priya Shah' },
];

describe('a hearing for several subjects', () => {
  it('arranges one hearing for two officers, refuses a finding before its day, and moves with an adjournment', async () => {
    const { caseId, allegations } = await twoSubjectCase();
    const ids = allegations.map((a) => a.id);
    // The 2025 regime (chief officer chairs) needs an independent member as well as the chair.
    const noPanel = await api(t.app, 'POST', `/api/v1/cases/${caseId}/hearings`, w.tokens.aa, {
      form: 'hearing',
      heldOn: '2027-01-25',
      venue: 'Force headquarters',
      inPublic: true,
      panel: [{ role: 'chair', name: 'Chief Superintendent Hale' }],
      allegationIds: ids,
    });
    expect(noPanel.statusCode).toBe(400);
    expect(noPanel.body).toContain('independent member');

    const made = await api(t.app, 'POST', `/api/v1/cases/${caseId}/hearings`, w.tokens.aa, {
      form: 'hearing',
      heldOn: '2027-01-25',
      venue: 'Force headquarters',
      inPublic: true,
      panel,
      allegationIds: ids,
    });
    expect(made.statusCode).toBe(200);
    const hearingId = made.json<{ id: string }>().id;
    const again = await api(t.app, 'POST', `/api/v1/cases/${caseId}/hearings`, w.tokens.aa, {
      form: 'hearing',
      heldOn: '2027-01-26',
      venue: 'Elsewhere',
      inPublic: true,
      panel,
      allegationIds: [ids[0]],
    });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('already on another meeting or hearing');

    const listed = (await api(t.app, 'GET', `/api/v1/cases/${caseId}/hearings`, w.tokens.aa)).json<{
      hearings: { id: string; allegationIds: string[]; heldOn: string }[];
    }>();
    expect(listed.hearings).toHaveLength(1);
    expect(listed.hearings[0]?.allegationIds.sort()).toEqual([...ids].sort());

    // The allegation moves on to "awaiting a hearing" (the date given there is earlier, 1 December)...
    const [first] = await allegationRows(t, caseId);
    if (!first) throw new Error('no allegation');
    const scheduled = await api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${first.id}/actions`, w.tokens.aa, {
      version: first.version,
      occurredOn: '2026-11-10',
      action: { type: 'schedule_hearing', date: '2026-12-01', inPublic: true, panel: '' },
    });
    expect(scheduled.statusCode).toBe(200);
    // ...but the hearing object sits on 25 January 2027: a finding today (7 December) is refused, nothing changes.
    const before = await snapshot(t, false);
    const early = await api(t.app, 'POST', `/api/v1/cases/${caseId}/allegations/${first.id}/actions`, w.tokens.aa, {
      version: first.version + 1,
      occurredOn: '2026-12-07',
      action: { type: 'record_finding', finding: 'gross_misconduct' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('cannot be recorded before the meeting or hearing, on 2027-01-25');
    expect(await snapshot(t, false)).toBe(before);

    const adjourned = await api(
      t.app,
      'POST',
      `/api/v1/cases/${caseId}/hearings/${hearingId}/adjournments`,
      w.tokens.aa,
      {
        version: 1,
        to: '2027-02-22',
        reason: 'The officer’s representative is unavailable',
      },
    );
    expect(adjourned.statusCode).toBe(200);
    const page = await as(t, w, 'aa').get(`/cases/${caseId}/hearings`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Misconduct hearing on 22 February 2027');
    expect(page.body).toContain('The officer’s representative is unavailable');
    expect(page.body).toContain('Ms Priya Shah');
    expect(page.body).toMatch(/(Erin Eastwood, Frank Fairley|Frank Fairley, Erin Eastwood)/);
  });

  it('arranges one through the page without JavaScript, and refuses an investigator (404)', async () => {
    const { caseId, allegations } = await twoSubjectCase();
    const aa = as(t, w, 'aa');
    const url = `/cases/${caseId}/hearings`;
    const res = await aa.post(
      url,
      {
        form: 'meeting',
        venue: 'Force headquarters',
        inPublic: 'no',
        allegationIds: allegations.map((a) => a.id),
        'heldOn-day': '25',
        'heldOn-month': '1',
        'heldOn-year': '2027',
        'panel-chair': 'Superintendent Cole',
      },
      url,
    );
    expect(res.statusCode).toBe(303);
    expect((await aa.get(url)).body).toContain('Misconduct meeting on 25 January 2027');
    const refused = await api(t.app, 'POST', `/api/v1/cases/${caseId}/hearings`, w.tokens.lead, {
      form: 'meeting',
      heldOn: '2027-01-25',
      venue: 'Force HQ',
      inPublic: false,
      panel,
      allegationIds: [allegations[0]?.id],
    });
    expect(refused.statusCode).toBe(404);
  });
});
