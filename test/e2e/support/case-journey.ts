import type { Locator, Page } from 'playwright-core';
import { ACTION_TABLE } from '../../../src/features/misconduct/rules/allegation-table.ts';
import { ACTION_TYPES } from '../../../src/features/misconduct/rules/allegation-types.ts';
import type { RunningServer } from './browser.ts';

/** Names, subjects and page readers for the conduct-case journey (test/e2e/conduct-case.e2e.ts). */
export const AA = 'aa@westshire.example';
export const INVESTIGATOR = 'investigator@westshire.example';
export const INVESTIGATOR_NAME = 'Priya Investigator';

export const TWELVE_MONTH_CLOCK = 'First report to the local policing body on an investigation not completed';
export const BARRED_LIST_CLOCK = 'Report to the College of Policing for the barred list';

export type Subject = {
  personId: string;
  collar: string;
  givenName: string;
  familyName: string;
  name: string;
  allegationId: string;
};

/**
 * Ten current, unmerged officers of Westshire, each found by a current collar number that resolves to them
 * alone (no other record, current or former, merged or not, ever held that number as any kind of
 * identifier), none linked to a user account, with ten different names so the page can be read by name.
 */
export async function findTenSubjects(server: RunningServer): Promise<Omit<Subject, 'allegationId'>[]> {
  const rows = await server.database.query<{
    person_id: string;
    value: string;
    given_name: string;
    family_name: string;
  }>(
    `select p.id as person_id, i.value, p.given_name, p.family_name
       from person_identifiers i
       join people p on p.force_id = i.force_id and p.id = i.person_id
      where i.force_id = 'westshire' and i.kind = 'collar' and i.valid_to is null
        and p.status = 'current' and p.merged_into_id is null and p.person_type = 'officer'
        and not exists (select 1 from users u where u.person_id = p.id)
        and (select count(distinct coalesce(q.merged_into_id, q.id))
               from person_identifiers j
               join people q on q.force_id = j.force_id and q.id = j.person_id
              where j.force_id = i.force_id and upper(j.value) = upper(i.value)) = 1
      order by i.value
      limit 60`,
  );
  const chosen: Omit<Subject, 'allegationId'>[] = [];
  const names = new Set<string>();
  for (const r of rows) {
    const name = `${r.given_name} ${r.family_name}`;
    if (names.has(name) || chosen.some((c) => c.personId === r.person_id)) continue;
    names.add(name);
    chosen.push({ personId: r.person_id, collar: r.value, givenName: r.given_name, familyName: r.family_name, name });
    if (chosen.length === 10) break;
  }
  if (chosen.length < 10)
    throw new Error(`the demo data has only ${chosen.length} officers with a collar number that names them alone`);
  return chosen;
}

export const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export async function cellTexts(row: Locator): Promise<string[]> {
  return row.locator('td').evaluateAll((tds) => tds.map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

export async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page
    .locator(`${selector} tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())),
    );
}

/** A GOV.UK date input inside the fieldset named `legend`. */
export async function fillDate(page: Page, legend: string | RegExp, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-');
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(d)));
  await group.getByLabel('Month').fill(String(Number(m)));
  await group.getByLabel('Year').fill(y ?? '');
}

/** The action's path segment from its label, as allegation-table.ts declares both. */
export function actionSlug(label: string): string {
  const slug = ACTION_TYPES.find((type) => ACTION_TABLE[type].label === label);
  if (!slug) throw new Error(`no action labelled ${label}`);
  return slug;
}
