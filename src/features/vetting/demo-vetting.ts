import { createHash } from 'node:crypto';
import type { Deps } from '../../kernel/deps.ts';
import type { IsoDate } from '../../kernel/time/dates.ts';
import { checkTypes, type designatedPosts, type vettingClearances } from '../../db/schema/index.ts';
import { systemActor } from '../../kernel/audit/audit-events.ts';
import { addCalendarDays } from '../../kernel/time/working-days.ts';
import { accountOf } from '../auth/index.ts';
import { checksOfFile } from './file/vetting-file.repository.ts';
import { createApplication } from './applications/create-application.ts';
import { decideApplication } from './decisions/decide-application.ts';
import {
  demoUnitId,
  demoWorkforce,
  insertDemoClearances,
  insertDemoPosts,
  markDemoChecks,
  type DemoWorkforceRow,
} from './demo-vetting.repository.ts';
import { importListText } from './lists/import-list.ts';
import { recordAdverseInformation } from './file/record-adverse-information.ts';
import { vettingDeadline } from './vetting-clocks.ts';
import type { NewVettingClock } from './vetting-clocks.repository.ts';
import { renewalPeriodOf, type VettingLevel } from './vetting-levels.ts';

/**
 * Vetting demo data for the demo force, deterministic (every choice is a hash of the person's id):
 * RV clearances for most of the workforce (about 3% with none, 4% expired, 3% expiring within 90 days),
 * MV for most people in the four designated posts (the rest fall short), a small fictional national
 * barred and advisory list, and five applications made through the use cases as the demo vetting officer:
 * a recruit who is on the demo barred list (a match waiting for a decision), a recruit with adverse
 * information, a transferee, a renewal and one granted recruit with its decision record.
 */

export type DemoVettingSummary = { clearances: number; posts: number; listEntries: number; applications: number };

const DESIGNATED = [
  {
    title: 'Counter corruption investigator',
    postingRole: 'Counter corruption investigator',
    unit: 'Counter Corruption Unit',
  },
  {
    title: 'Professional standards investigator',
    postingRole: 'PSD investigator',
    unit: 'Professional Standards Department',
  },
  { title: 'Intelligence officer', postingRole: 'Intelligence officer', unit: null },
  { title: 'Vetting officer', postingRole: 'Vetting officer', unit: 'Vetting Unit' },
] as const;

/** Fictional people only: the names are made up for the demo and marked as such. */
const DEMO_LIST_CSV = [
  'source_id,family_name,given_name,date_of_birth,former_force,rank,identifiers,reason,listed_on',
  'DEMO-PBL-001,Examplewood,Ottoline,14/03/1987,Northmarsh Constabulary (demo),Constable,3187,Dismissed: gross misconduct (honesty and integrity) – demo data,2023-05-12',
  'DEMO-PBL-002,Fakenham,Horatio,1979-08-02,Southfen Police (demo),Sergeant,5520,Dismissed: discreditable conduct – demo data,2022-11-03',
  'DEMO-PBL-003,Testbury,Peregrine,1990-01-25,Westshire Police (demo),Police staff,S4410,Would have been dismissed (former employee) – demo data,2024-07-19',
  'DEMO-PBL-004,Mockridge,Clementine,1984-12-09,Northmarsh Constabulary (demo),Constable,2901,Dismissed: gross incompetence – demo data,2021-03-30',
  'DEMO-PBL-005,Dummett,Barnaby,1976-05-17,Eastmoor Constabulary (demo),Inspector,771,Dismissed: abuse of position for a sexual purpose – demo data,2024-02-14',
].join('\n');
const DEMO_ADVISORY_CSV = [
  'source_id,family_name,given_name,date_of_birth,former_force,rank,identifiers,reason,listed_on',
  'DEMO-PAL-001,Samplewell,Araminta,1992-10-01,Southfen Police (demo),Constable,6120,Resigned under investigation – demo data,2025-01-08',
  'DEMO-PAL-002,Notreal,Fitzroy,1981-04-04,Northmarsh Constabulary (demo),Sergeant,3305,Retired under investigation – demo data,2024-09-27',
].join('\n');

/** A stable number from 0 to 999 for a person and a purpose. */
function bucket(id: string, purpose: string): number {
  return createHash('sha256').update(`${purpose}:${id}`).digest().readUInt32BE(0) % 1000;
}

/** A stable UUID (version 4 layout) for a demo row. */
function demoUuid(key: string): string {
  const h = createHash('sha256').update(`probity-demo-vetting:${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function seedDemoVetting(
  deps: Deps,
  options: { forceId: string; today: IsoDate },
): Promise<DemoVettingSummary> {
  const { forceId, today } = options;
  const people = await demoWorkforce(deps.db, forceId);
  const clearances: (typeof vettingClearances.$inferInsert)[] = [];
  const clocks: NewVettingClock[] = [];
  const grant = (personId: string, level: VettingLevel, grantedOn: IsoDate) => {
    const id = demoUuid(`${personId}:${level}`);
    const period = renewalPeriodOf(level);
    const expiresOn = vettingDeadline(deps, period, grantedOn);
    clearances.push({ forceId, id, personId, level, grantedOn, expiresOn });
    clocks.push({ forceId, personId, subjectKey: `clearance:${id}`, period, startedOn: grantedOn, dueOn: expiresOn });
  };
  const designatedRoles = new Set<string>(DESIGNATED.map((d) => d.postingRole));
  for (const p of people) {
    const b = bucket(p.id, 'rv');
    const daysAgo = bucket(p.id, 'age') * 3 + 30;
    if (b < 30) continue;
    if (b < 70) grant(p.id, 'RV', addCalendarDays(today, -(3653 + 30 + daysAgo)));
    else if (b < 100) grant(p.id, 'RV', addCalendarDays(today, -(3653 - 5 - (daysAgo % 80))));
    else grant(p.id, 'RV', addCalendarDays(today, -daysAgo));
    if (p.role && designatedRoles.has(p.role) && b >= 100 && bucket(p.id, 'mv') < 800)
      grant(p.id, 'MV', addCalendarDays(today, -(daysAgo % 2000)));
  }
  const posts: (typeof designatedPosts.$inferInsert)[] = [];
  for (const d of DESIGNATED)
    posts.push({
      forceId,
      id: demoUuid(`post:${d.title}`),
      title: d.title,
      postingRole: d.postingRole,
      unitId: d.unit ? await demoUnitId(deps.db, forceId, d.unit) : null,
      requiredLevel: 'MV' as const,
    });
  await deps.db.transaction(async (tx) => {
    await insertDemoPosts(tx, posts);
    await insertDemoClearances(tx, clearances, clocks);
  });
  const actor = systemActor('probity seed --demo', forceId);
  const barred = await importListText(deps, actor, { forceId, list: 'barred', text: DEMO_LIST_CSV });
  const advisory = await importListText(deps, actor, { forceId, list: 'advisory', text: DEMO_ADVISORY_CSV });
  const applications = await demoApplications(
    deps,
    forceId,
    today,
    people.filter((p) => bucket(p.id, 'rv') >= 70 && bucket(p.id, 'rv') < 100),
  );
  return { clearances: clearances.length, posts: posts.length, listEntries: barred.rows + advisory.rows, applications };
}

/** Five applications through the use cases, as the demo force's vetting officer. */
async function demoApplications(
  deps: Deps,
  forceId: string,
  today: IsoDate,
  expiring: DemoWorkforceRow[],
): Promise<number> {
  const officer = await accountOf(deps, `vetting@${forceId}.example`);
  const renewing = expiring.find((p) => p.id !== officer.personId && p.date_of_birth);
  const rid = 'seed-demo';
  const received = (days: number) => addCalendarDays(today, -days);
  const base = { formerNames: [] as string[], formerNumbers: [] as string[], previousForce: null };
  const recordChecks = (id: string, types: readonly string[]) =>
    markDemoChecks(deps.db, forceId, id, [...types], received(2));

  await createApplication(
    deps,
    officer,
    {
      ...base,
      kind: 'recruitment',
      level: 'RV',
      givenName: 'Ottoline',
      familyName: 'Examplewood',
      dateOfBirth: '1987-03-14',
      formerNumbers: ['PC 3187'],
      receivedOn: received(12),
    },
    rid,
  );

  const adverse = await createApplication(
    deps,
    officer,
    {
      ...base,
      kind: 'recruitment',
      level: 'RV',
      givenName: 'Rowan',
      familyName: 'Demoson',
      formerNames: ['Rowan Hartley'],
      dateOfBirth: '1996-11-02',
      receivedOn: received(30),
    },
    rid,
  );
  await recordChecks(adverse.id, [
    'pnd',
    'local_intelligence',
    'ct_special_branch',
    'employment_references',
    'biometric',
  ]);
  const pnc = (await checksOfFile(deps.db, forceId, { kind: 'application', id: adverse.id })).find(
    (c) => c.checkType === 'pnc',
  );
  await recordAdverseInformation(
    deps,
    officer,
    {
      applicationId: adverse.id,
      checkId: pnc?.id ?? null,
      source: 'PNC',
      infoType: 'caution',
      occurredOn: '2014-07-19',
      relation: 'self',
      severity: 3,
      credibility: 5,
      description: 'Caution for common assault (a fight outside a bar), aged 17',
      assessment: 'Declared on the application; no later matters',
    },
    rid,
  );

  await createApplication(
    deps,
    officer,
    {
      ...base,
      kind: 'transfer_in',
      level: 'RV',
      givenName: 'Kit',
      familyName: 'Sampleton',
      dateOfBirth: '1990-06-21',
      formerNumbers: ['NM 2231'],
      previousForce: 'Northmarsh Constabulary (demo)',
      receivedOn: received(8),
    },
    rid,
  );

  if (renewing?.date_of_birth) {
    await createApplication(
      deps,
      officer,
      {
        ...base,
        kind: 'renewal',
        level: 'RV',
        personId: renewing.id,
        givenName: renewing.given_name,
        familyName: renewing.family_name,
        dateOfBirth: renewing.date_of_birth,
        receivedOn: received(5),
      },
      rid,
    );
  }

  const granted = await createApplication(
    deps,
    officer,
    {
      ...base,
      kind: 'recruitment',
      level: 'RV',
      givenName: 'Avery',
      familyName: 'Placeholder',
      dateOfBirth: '1999-02-27',
      receivedOn: received(60),
    },
    rid,
  );
  await recordChecks(granted.id, checkTypes);
  // Recording checks leaves the application itself at its first version.
  await decideApplication(
    deps,
    officer,
    {
      applicationId: granted.id,
      version: 1,
      outcome: 'grant',
      rationale: 'Every check is clear and the references are good',
      conditions: '',
      reasonsForApplicant: '',
      items: {},
    },
    rid,
  );
  return renewing?.date_of_birth ? 5 : 4;
}
