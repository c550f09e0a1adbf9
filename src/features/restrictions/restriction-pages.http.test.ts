import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from '../../../test/support/test-app.ts';
import {
  as as asWho,
  dateFields,
  FormClient,
  type Who,
} from '../../../test/fixtures/misconduct/cases.http-fixtures.ts';
import { recordSubjectLeft } from '../misconduct/record-subject-left.ts';
import {
  arrest,
  buildRestrictionWorld,
  decisionBody,
  decisionForm,
  restrictionRows,
  restrictionSnapshot,
  type RestrictionWorld,
} from '../../../test/fixtures/restrictions/restrictions.http-fixtures.ts';
import { imposeRestriction } from './impose-restriction.ts';

/** The restriction pages and forms: who may see and do what, bad input, and each decision through its form. */

let t: TestApp;
let w: RestrictionWorld;
let aliceRestriction = '';

beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-03-02T10:00:00Z'));
  w = await buildRestrictionWorld(t);
  // A restriction on the RESTRICTED case, which only `aa`, `named` (and a lead) may see.
  aliceRestriction = (
    await imposeRestriction(
      t.deps,
      w.aa,
      {
        caseId: w.restricted.id,
        subjectId: w.subjects.alice ?? '',
        ...decisionBody('restricted_duties', '2026-02-27'),
      },
      null,
    )
  ).id;
});

afterAll(async () => {
  await t?.close();
});

const as = (who: Who | null) => asWho(t, w, who);
const sub = (name: string) => w.subjects[name] ?? '';

describe('who may see the restriction pages', () => {
  it('sends visitors who are not signed in to sign in, for every page and form, changing nothing', async () => {
    const before = await restrictionSnapshot(t);
    const c = w.restricted.id;
    const base = `/cases/${c}/restrictions`;
    const pages = [
      '/restrictions',
      base,
      `${base}/new?subject=${sub('bob')}`,
      `/cases/${c}/subjects/${sub('alice')}/rationale`,
      ...['review', 'change', 'lift', 'notice'].map((f) => `${base}/${aliceRestriction}/${f}`),
    ];
    for (const url of pages) {
      const res = await as(null).get(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location, url).toMatch(/^\/sign-in/);
    }
    const posts = [
      base,
      `/cases/${c}/subjects/${sub('alice')}/rationale`,
      ...['review', 'change', 'lift', 'notice'].map((f) => `${base}/${aliceRestriction}/${f}`),
    ];
    for (const url of posts)
      expect(
        (await as(null).post(url, { ...decisionForm('suspension', '2026-03-02'), subjectId: sub('bob'), version: '1' }))
          .statusCode,
        url,
      ).toBe(303);
    expect(await restrictionSnapshot(t)).toBe(before);
  });

  it('refuses every page and form of a case outside need-to-know with 404, changing nothing', async () => {
    const before = await restrictionSnapshot(t);
    const c = w.restricted.id;
    const base = `/cases/${c}/restrictions`;
    const urls = [
      base,
      `${base}/new?subject=${sub('bob')}`,
      `/cases/${c}/subjects/${sub('alice')}/rationale`,
      ...['review', 'change', 'lift', 'notice'].map((f) => `${base}/${aliceRestriction}/${f}`),
    ];
    for (const who of ['aaUnnamed', 'investigator', 'outsider', 'east', 'pcc', 'vetting'] as Who[]) {
      for (const url of urls) expect((await as(who).get(url)).statusCode, `${who} ${url}`).toBe(404);
    }
    const posts: [string, Record<string, string>][] = [
      [base, { ...decisionForm('suspension', '2026-03-02'), subjectId: sub('bob') }],
      [
        `${base}/${aliceRestriction}/review`,
        {
          version: '1',
          ...dateFields('reviewedOn', '2026-03-02'),
          conditionsStillHold: 'yes',
          officerInformed: 'yes',
          reasons: 'Still needed',
        },
      ],
      [`${base}/${aliceRestriction}/change`, { version: '1', ...decisionForm('suspension', '2026-03-02') }],
      [
        `${base}/${aliceRestriction}/lift`,
        {
          version: '1',
          ...dateFields('decidedOn', '2026-03-02'),
          ...dateFields('endsOn', '2026-03-02'),
          reasons: 'No longer needed',
        },
      ],
      [`${base}/${aliceRestriction}/notice`, { version: '1', ...dateFields('writtenNoticeOn', '2026-03-02') }],
      [
        `/cases/${c}/subjects/${sub('alice')}/rationale`,
        { rationale: 'Enough', ...dateFields('decidedOn', '2026-03-02') },
      ],
    ];
    for (const who of ['aaUnnamed', 'investigator', 'named', 'east'] as Who[]) {
      for (const [url, body] of posts)
        expect((await as(who).post(url, body, '/account')).statusCode, `${who} ${url}`).toBe(404);
    }
    // A subject of the normal case who is an appropriate authority never sees it.
    expect((await as('aaSubject').get(`/cases/${w.normal.id}/restrictions`)).statusCode).toBe(404);
    expect(await restrictionSnapshot(t)).toBe(before);
  });

  it('shows the lists only to users who may read restrictions, and only restrictions on cases they may see', async () => {
    expect((await as('pcc').get('/restrictions')).statusCode).toBe(404);
    expect((await as('vetting').get('/restrictions')).statusCode).toBe(404);
    const aa = await as('aa').get('/restrictions');
    expect(aa.statusCode).toBe(200);
    expect(aa.body).toMatch(/id="in-force-restricted_duties"[\s\S]*Alice Ashworth/);
    for (const who of ['aaUnnamed', 'investigator'] as Who[]) {
      const res = await as(who).get('/restrictions');
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('Alice Ashworth');
      expect(res.body).toContain('No restriction is in force.');
    }
    const named = await as('named').get(`/cases/${w.restricted.id}/restrictions`);
    expect(named.statusCode).toBe(200);
    expect(named.body).toContain('In force: Restricted duties');
    expect(named.body).not.toContain('>Review<');
    expect(named.body).not.toContain('Restrict duties or suspend');
  });
});

describe('the decisions through their forms', () => {
  const carolBase = () => `/cases/${w.normal.id}/restrictions`;
  const restrictCarol = () => {
    const form = decisionForm('restricted_duties', '2026-03-02');
    form['noticeMethod'] = '';
    delete form['noticeGivenOn-day'];
    delete form['noticeGivenOn-month'];
    delete form['noticeGivenOn-year'];
    return as('aa').post(
      carolBase(),
      { ...form, subjectId: sub('carol') },
      `${carolBase()}/new?subject=${sub('carol')}`,
    );
  };
  const recordNotice = (id: string) =>
    as('aa').post(
      `${carolBase()}/${id}/notice`,
      { version: '1', ...dateFields('writtenNoticeOn', '2026-03-02') },
      carolBase(),
    );
  // Carol's restricted duties, imposed (version 1) and then with the written notice recorded (version 2): each
  // stage made by the test that tells it, or here when a later test runs alone.
  let imposed: Promise<string> | undefined;
  let noticed: Promise<string> | undefined;
  const carolRestricted = () =>
    (imposed ??= restrictCarol().then(async () => (await restrictionRows(t, sub('carol')))[0]?.id ?? ''));
  const carolNoticed = () =>
    (noticed ??= carolRestricted().then(async (id) => {
      await recordNotice(id);
      return id;
    }));

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
    imposed = Promise.resolve(row?.id ?? '');
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
    noticed = Promise.resolve(carolRestriction);
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

describe('anonymous posts', () => {
  it('are refused without a CSRF token', async () => {
    const res = await new TestClient(t.app)
      .setCookie('probity_session', w.cookies.aa)
      .post(`/cases/${w.normal.id}/restrictions`, { subjectId: sub('dave') }, { csrf: false });
    expect(res.statusCode).toBe(403);
  });
});
