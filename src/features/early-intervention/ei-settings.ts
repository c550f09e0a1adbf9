import { z } from 'zod';
import type { Deps } from '../../kernel/deps.ts';
import { staleVersion } from '../../kernel/errors.ts';
import { parseInput } from '../../kernel/validation.ts';
import { actorOf, authorizeBy, type Principal } from '../../kernel/access/principal.ts';
import { recordAudit } from '../../kernel/audit/record-audit.ts';
import { alertPolicy } from './alert.policy.ts';
import { currentPostingRoles, findSettings, lockSettingsOfForce, writeSettings } from './settings.repository.ts';

const MESSAGE = 'Check the early intervention settings';

const toBoolean = (v: unknown) => (v === 'true' || v === 'on' ? true : v === 'false' || v === 'off' ? false : v);

/** The settings as a page or the API sends them. */
export const settingsInput = z
  .object({
    supervisorAccess: z.preprocess(
      toBoolean,
      z.boolean({ message: 'Say whether supervisors see the alerts of their own units' }),
    ),
    supervisoryRoles: z
      .array(
        z
          .string()
          .trim()
          .min(1, 'A supervisory role cannot be blank')
          .max(120, 'Enter a role of at most 120 characters'),
        {
          message: 'Choose the supervisory roles',
        },
      )
      .max(200, 'Choose at most 200 supervisory roles')
      .default([]),
    version: z.coerce.number({ message: 'Reload the settings and try again' }).int().min(0),
  })
  .refine((s) => !s.supervisorAccess || s.supervisoryRoles.length > 0, {
    path: ['supervisoryRoles'],
    message: 'Choose at least one supervisory role, or leave supervisor access off',
  });

/** The force's settings and the roles of its current postings to choose supervisory roles from (ei.manage). */
export async function viewEiSettings(deps: Deps, principal: Principal | null) {
  authorizeBy(principal, alertPolicy.manage);
  const [settings, postingRoles] = await Promise.all([
    findSettings(deps.db, principal.forceId),
    currentPostingRoles(deps.db, principal.forceId),
  ]);
  const roles = [...new Set([...postingRoles, ...settings.supervisoryRoles])].sort((a, b) => a.localeCompare(b));
  return { settings, roles };
}

/**
 * Saves the next version of the force's early-intervention settings (supervisor access and its roles). Off by
 * default; turning it on needs at least one supervisory role. A stale version is a 409; bad input a 400 with
 * nothing changed. Audited with what was set.
 */
export async function saveEiSettings(deps: Deps, principal: Principal | null, raw: unknown, requestId: string | null) {
  authorizeBy(principal, alertPolicy.manage);
  const input = parseInput(settingsInput, raw, MESSAGE);
  const roles = [...new Set(input.supervisoryRoles)].sort((a, b) => a.localeCompare(b));
  return deps.db.transaction(async (tx) => {
    await lockSettingsOfForce(tx, principal.forceId);
    const current = await findSettings(tx, principal.forceId, true);
    if (current.version !== input.version) throw staleVersion();
    const next = { supervisorAccess: input.supervisorAccess, supervisoryRoles: roles, version: current.version + 1 };
    await writeSettings(tx, principal.forceId, { ...next, updatedBy: principal.userId });
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'ei_settings', id: principal.forceId },
      { type: 'ei.settings_changed', ...next },
    );
    return next;
  });
}
