import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rawRows } from '../../db/raw-rows.ts';
import { eiSettings } from '../../db/schema/index.ts';

export type EiSettings = { supervisorAccess: boolean; supervisoryRoles: string[]; version: number };

/** No row is every default: supervisor access off, no supervisory role, version 0 (nothing saved yet). */
export const DEFAULT_SETTINGS: EiSettings = { supervisorAccess: false, supervisoryRoles: [], version: 0 };

/** The force's settings, locked for an update when `lock` is set. */
export async function findSettings(db: Db, forceId: string, lock = false): Promise<EiSettings> {
  const [row] = await rawRows<{ supervisor_access: boolean; supervisory_roles: string[]; version: number }>(
    db,
    sql`select supervisor_access, supervisory_roles, version from ei_settings where force_id = ${forceId}
      ${lock ? sql`for update` : sql``}`,
  );
  return row
    ? { supervisorAccess: row.supervisor_access, supervisoryRoles: row.supervisory_roles, version: row.version }
    : DEFAULT_SETTINGS;
}

/** Writes the next version of the settings (the first insert is version 1). */
export async function writeSettings(
  db: Db,
  forceId: string,
  values: { supervisorAccess: boolean; supervisoryRoles: string[]; version: number; updatedBy: string },
): Promise<void> {
  await db
    .insert(eiSettings)
    .values({ forceId, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: eiSettings.forceId, set: { ...values, updatedAt: new Date() } });
}

/** Lock held while the first row of a force is written, so two first saves cannot both be version 1. */
export async function lockSettingsOfForce(db: Db, forceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`ei-settings:${forceId}`}))`);
}

/** The roles of the force's current postings (what a force chooses its supervisory roles from). */
export async function currentPostingRoles(db: Db, forceId: string): Promise<string[]> {
  const rows = await rawRows<{ role: string }>(
    db,
    sql`select distinct role from person_postings where force_id = ${forceId} and valid_to is null order by role`,
  );
  return rows.map((r) => r.role);
}

/**
 * Whether supervisor access is on in the force and the person holds a current posting in one of its
 * supervisory roles: the door to the alert list for a user who is not PSD (the alerts themselves are scoped
 * by ei-scope.ts).
 */
export async function isActiveSupervisor(db: Db, forceId: string, personId: string): Promise<boolean> {
  const rows = await rawRows<{ ok: boolean }>(
    db,
    sql`select true as ok from ei_settings s
      join person_postings sup on sup.force_id = s.force_id and sup.valid_to is null
        and sup.role = any(s.supervisory_roles)
      where s.force_id = ${forceId} and s.supervisor_access and sup.person_id = ${personId}::uuid limit 1`,
  );
  return rows.length > 0;
}
