import { describe, expect, it } from 'vitest';
import { dateFields, FormClient } from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import {
  arrest,
  decisionBody,
  decisionForm,
  restrictionRows,
  restrictionSnapshot,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import { imposeRestriction } from './impose-restriction.ts';
import {
  as,
  carolBase,
  carolNoticed,
  sub,
  t,
  useRestrictionPagesWorld,
  w,
} from '../../../test/fixtures/restrictions/restriction-pages.http-fixtures.ts';

/** Restriction reviews, changes, lifts and senior rationales through their forms, and bad ids or input. */

useRestrictionPagesWorld();

describe('the decisions through their forms', () => {
  it('answers malformed or unknown ids in the page addresses with 404', async () => {
    for (const url of [
      '/cases/not-a-case/restrictions',
      `${carolBase()}/new?subject=not-a-subject`,
      `${carolBase()}/00000000-0000-4000-8000-000000000000/review`,
      `/cases/${w.normal.id}/subjects/${sub('erin')}/rationale`,
    ]) {
      expect((await as('aa').get(url)).statusCode, url).toBe(404);
    }
  });

  it('explains an incomplete change and changes nothing', async () => {
    const carolRestriction = await carolNoticed();
    const before = await restrictionSnapshot(t, false);
    const form = decisionForm('repositioned', '2026-03-02');
    form['conditions'] = '';
    form['option-repositioned-considered'] = 'no';
    const res = await as('aa').post(
      `${carolBase()}/${carolRestriction}/change`,
      { version: '2', ...form },
      carolBase(),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Describe the restriction: what the officer may and may not do');
    expect(res.body).toContain('You chose repositioned: record that you considered it');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('insists that a review whose conditions no longer hold lifts or changes the restriction', async () => {
    const carolRestriction = await carolNoticed();
    const before = await restrictionSnapshot(t, false);
    const body = {
      version: '2',
      ...dateFields('reviewedOn', '2026-03-02'),
      conditionsStillHold: 'no',
      officerInformed: 'yes',
      reasons: 'The complainant has withdrawn',
      outcome: 'continue',
    };
    const res = await as('aa').post(`${carolBase()}/${carolRestriction}/review`, body, carolBase());
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The conditions no longer hold: lift the restriction or change it in this review');
    expect(await restrictionSnapshot(t, false)).toBe(before);
  });

  it('reviews, changes within a review to a suspension, and lifts, each through its form', async () => {
    const carolRestriction = await carolNoticed();
    const review = await as('aa').post(
      `${carolBase()}/${carolRestriction}/review`,
      {
        version: '2',
        ...dateFields('reviewedOn', '2026-03-02'),
        conditionsStillHold: 'yes',
        officerInformed: 'yes',
        reasons: 'Still needed',
        outcome: 'continue',
      },
      carolBase(),
    );
    expect(review.statusCode).toBe(303);
    expect((await restrictionRows(t, sub('carol')))[0]).toMatchObject({ version: 3, next_review_due_on: '2026-03-30' });
    const change = await as('aa').post(
      `${carolBase()}/${carolRestriction}/review`,
      {
        version: '3',
        ...dateFields('reviewedOn', '2026-03-02'),
        conditionsStillHold: 'no',
        officerInformed: 'no',
        reasons: 'Restricted duties are not enough',
        outcome: 'change',
        ...decisionForm('suspension', '2026-03-02', 'change-', false),
      },
      carolBase(),
    );
    expect(change.statusCode).toBe(303);
    const rows = await restrictionRows(t, sub('carol'));
    expect(rows.map((r) => [r.kind, r.status])).toEqual([
      ['restricted_duties', 'replaced'],
      ['suspension', 'in_force'],
    ]);
    const suspension = rows[1]?.id ?? '';
    const page = await as('aa').get(carolBase());
    expect(page.body).toContain('In force: Suspension (regulation 11)');
    expect(page.body).toContain('Changed to suspension (regulation 11)');
    expect(page.body).toContain('Reviewed restricted duties: conditions no longer hold');
    const stale = await as('aa').post(
      `${carolBase()}/${suspension}/lift`,
      { version: '7', ...dateFields('decidedOn', '2026-03-02'), ...dateFields('endsOn', '2026-03-02'), reasons: 'x' },
      carolBase(),
    );
    expect(stale.statusCode).toBe(409);
    const bad = await as('aa').post(
      `${carolBase()}/${suspension}/lift`,
      { version: '1', ...dateFields('decidedOn', '2026-03-02'), ...dateFields('endsOn', '2026-03-01'), reasons: '' },
      carolBase(),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Give the reasons for lifting the restriction');
    const lift = await as('aa').post(
      `${carolBase()}/${suspension}/lift`,
      {
        version: '1',
        ...dateFields('decidedOn', '2026-03-02'),
        ...dateFields('endsOn', '2026-03-02'),
        reasons: 'The allegation was withdrawn',
      },
      carolBase(),
    );
    expect(lift.statusCode).toBe(303);
    expect((await restrictionRows(t, sub('carol')))[1]).toMatchObject({ status: 'lifted', ends_on: '2026-03-02' });
    const live = await t.database.query(
      `select period from clocks where subject_id = $1 and state in ('running', 'due', 'overdue')`,
      [sub('carol')],
    );
    expect(live).toEqual([]);
  });

  it('changes a restriction through the change form', async () => {
    const base = `/cases/${w.serious.id}/restrictions`;
    const made = await imposeRestriction(
      t.deps,
      w.aa,
      { caseId: w.serious.id, subjectId: sub('frank'), ...decisionBody('repositioned', '2026-03-01') },
      null,
    );
    const res = await as('aa').post(
      `${base}/${made.id}/change`,
      { version: '1', ...decisionForm('firearms_authority_withdrawn', '2026-03-02') },
      base,
    );
    expect(res.statusCode).toBe(303);
    expect((await restrictionRows(t, sub('frank'))).map((r) => r.kind)).toEqual([
      'repositioned',
      'firearms_authority_withdrawn',
    ]);
  });

  it('records a senior rationale for a flagged subject through the form, and refuses an empty one', async () => {
    await arrest(t, w, w.serious.id, sub('erin'), '2026-02-20');
    const url = `/cases/${w.serious.id}/subjects/${sub('erin')}/rationale`;
    const senior = new FormClient(t.app, w.ranked.senior.cookie);
    const page = await senior.get(`/cases/${w.serious.id}/restrictions`);
    expect(page.body).toContain('Flagged: not suspended');
    expect(page.body).toContain(`href="${url}"`);
    const form = await senior.get(url);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('of at least Superintendent rank');
    const before = await restrictionSnapshot(t, false);
    const empty = await senior.post(url, { rationale: ' ', ...dateFields('decidedOn', '2026-03-02') }, url);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Give the reasons why a measure short of suspension is enough');
    expect(await restrictionSnapshot(t, false)).toBe(before);
    const ok = await senior.post(
      url,
      { rationale: 'Bailed away from the complainant; office duties only.', ...dateFields('decidedOn', '2026-03-02') },
      url,
    );
    expect(ok.statusCode).toBe(303);
    const after = await as('aa').get(`/cases/${w.serious.id}/restrictions`);
    expect(after.body).toContain('a senior rationale answers the flag until 30 March 2026');
    expect(after.body).toContain('Bailed away from the complainant');
  });
});
