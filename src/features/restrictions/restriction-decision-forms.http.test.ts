import { describe, expect, it } from 'vitest';
import { dateFields } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { recordSubjectLeft } from '../misconduct/record-subject-left.ts';
import {
  decisionForm,
  restrictionRows,
  restrictionSnapshot,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import {
  as,
  markCarolImposed,
  markCarolNoticed,
  carolBase,
  carolNoticed,
  carolRestricted,
  recordNotice,
  restrictCarol,
  sub,
  t,
  useRestrictionPagesWorld,
  w,
} from '../../../test/fixtures/restrictions/restriction-pages.http-fixtures.ts';

/** Each restriction decision through its form: imposing, refusals, the written notice, the decision forms. */

useRestrictionPagesWorld();

describe('the decisions through their forms', () => {
  it('explains a suspension without the regulation 11 tests and an incomplete list of options, and records nothing', async () => {
    const before = await restrictionSnapshot(t, false);
    const form = decisionForm('suspension', '2026-03-02');
    delete form['redeploymentRejectedReason'];
    delete form['ground'];
    delete form['option-repositioned-considered'];
    const res = await as('aa').post(
      carolBase(),
      { ...form, subjectId: sub('carol') },
      `${carolBase()}/new?subject=${sub('carol')}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(res.body).toContain(
      'Say why temporary redeployment to alternative duties or location is not appropriate (regulation 11, first condition)',
    );
    expect(res.body).toContain('Choose the ground for suspension');
    expect(res.body).toContain('Say whether you considered repositioned');
    expect(res.body).toContain('href="#redeploymentRejectedReason"');
    const dates = await as('aa').post(
      carolBase(),
      {
        ...decisionForm('restricted_duties', '2026-03-02'),
        'decidedOn-day': '31',
        'decidedOn-month': '2',
        subjectId: sub('carol'),
      },
      `${carolBase()}/new?subject=${sub('carol')}`,
    );
    expect(dates.statusCode).toBe(400);
    expect(dates.body).toContain('The decision date must be a real date');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('imposes restricted duties through the form, shown on the case’s restrictions page and the case page', async () => {
    const formPage = await as('aa').get(`${carolBase()}/new?subject=${sub('carol')}`);
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain('Options considered');
    const res = await restrictCarol();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(carolBase());
    const [row] = await restrictionRows(t, sub('carol'));
    markCarolImposed(row?.id ?? '');
    expect(row).toMatchObject({
      kind: 'restricted_duties',
      status: 'in_force',
      next_review_due_on: '2026-03-30',
      notice_due_on: '2026-03-05',
    });
    const page = await as('aa').get(carolBase());
    expect(page.body).toContain('In force: Restricted duties');
    expect(page.body).toContain('Not yet told; written notice due by 5 March 2026');
    expect(page.body).toMatch(/id="history-[^"]+"[\s\S]*Imposed: restricted duties/);
    const casePage = await as('aa').get(`/cases/${w.normal.id}`);
    expect(casePage.body).toMatch(/id="restriction-banner"[\s\S]*Restricted: restricted duties since 2 March 2026/);
  });

  it('refuses a second restriction of the same kind in force (400) and a subject who has left, with the reason', async () => {
    await carolRestricted();
    const before = await restrictionSnapshot(t, false);
    const again = await as('aa').post(
      carolBase(),
      { ...decisionForm('restricted_duties', '2026-03-02'), subjectId: sub('carol') },
      carolBase(),
    );
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain(
      'Restricted duties is already in force for this subject in this case: review, change or lift that restriction instead',
    );
    expect(again.body).toContain('href="#kind"');
    expect(await restrictionSnapshot(t, false)).toBe(before);
    await recordSubjectLeft(
      t.deps,
      w.aa,
      { caseId: w.serious.id, subjectId: sub('gina'), version: 1, leftOn: '2026-03-01', how: 'resigned' },
      null,
    );
    const before2 = await restrictionSnapshot(t, false);
    const left = await as('aa').post(
      `/cases/${w.serious.id}/restrictions`,
      { ...decisionForm('repositioned', '2026-03-02'), subjectId: sub('gina') },
      carolBase(),
    );
    expect(left.statusCode).toBe(422);
    expect(left.body).toContain('has left the force');
    expect(await restrictionSnapshot(t, false)).toBe(before2);
    expect(before2).not.toBe(before);
  });

  it('records the written notice, meeting the notice clock', async () => {
    const carolRestriction = await carolRestricted();
    const bad = await as('aa').post(
      `${carolBase()}/${carolRestriction}/notice`,
      { version: '1', ...dateFields('writtenNoticeOn', '2026-03-01') },
      carolBase(),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('The written notice cannot be before 2 March 2026');
    const ok = await recordNotice(carolRestriction);
    expect(ok.statusCode).toBe(303);
    markCarolNoticed(carolRestriction);
    const [clock] = await t.database.query(
      `select state, met_on::text from clocks where subject_id = $1 and period = 'restriction_notice'`,
      [sub('carol')],
    );
    expect(clock).toEqual({ state: 'met', met_on: '2026-03-02' });
  });

  it('shows each decision form for the restriction in force, with today’s date filled in', async () => {
    const carolRestriction = await carolNoticed();
    const forms: [string, string][] = [
      ['review', 'Review the restriction'],
      ['change', 'Change the restriction'],
      ['lift', 'Lift the restriction'],
    ];
    for (const [form, heading] of forms) {
      const res = await as('aa').get(`${carolBase()}/${carolRestriction}/${form}`);
      expect(res.statusCode, form).toBe(200);
      expect(res.body, form).toContain(`<h1 class="govuk-heading-l">${heading}</h1>`);
      expect(res.body, form).toMatch(/In force now[\s\S]*Restricted duties/);
      expect(res.body, form).toMatch(/name="[a-zA-Z]+-year"[^>]*value="2026"/);
    }
    // The written notice is recorded already: the notice form is still reachable, and the post says so (422).
    expect((await as('aa').get(`${carolBase()}/${carolRestriction}/notice`)).statusCode).toBe(200);
    const again = await as('aa').post(
      `${carolBase()}/${carolRestriction}/notice`,
      { version: '2', ...dateFields('writtenNoticeOn', '2026-03-02') },
      carolBase(),
    );
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('already recorded');
  });
});
