import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../kernel/errors.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, type Principal } from '../../../kernel/access/principal.ts';
import { findVisibleApplication, type ApplicationRow } from './applications.repository.ts';
import { clearanceOfApplication, findVettingPerson } from '../clearances/clearances.repository.ts';
import { appealsOfDecision, decisionsOfFile } from '../decisions/decisions.repository.ts';
import { matchesOfApplication } from '../lists/list-entries.repository.ts';
import { authorizeVettingRead } from '../../../kernel/access/vetting-scope.ts';
import { adverseOfFile, checksOfFile } from '../file/vetting-file.repository.ts';
import { vettingFilePolicy } from '../vetting-file.policy.ts';

const uuid = z.string().uuid();

/** Loads everything about an application the principal may see, the application row optionally locked (no audit: callers audit their read). */
export async function loadApplicationFile(tx: Db, principal: Principal, id: string, forUpdate = false) {
  if (!uuid.safeParse(id).success) throw notFound('application');
  const application = await findVisibleApplication(tx, principal, id, forUpdate);
  if (!application) throw notFound('application');
  const file = { kind: 'application', id: application.id } as const;
  const checks = await checksOfFile(tx, application.forceId, file);
  const adverse = await adverseOfFile(tx, application.forceId, file);
  const matches = await matchesOfApplication(tx, application.forceId, application.id);
  const decisions = [];
  for (const d of await decisionsOfFile(tx, application.forceId, { kind: 'application', id: application.id }))
    decisions.push({ ...d, appeals: await appealsOfDecision(tx, application.forceId, d.id) });
  const person = application.personId ? ((await findVettingPerson(tx, principal, application.personId)) ?? null) : null;
  const clearance = (await clearanceOfApplication(tx, application.forceId, application.id)) ?? null;
  return {
    application,
    checks,
    adverse,
    matches,
    decisions,
    person,
    clearance,
    state: decidability(application, decisions),
  };
}

/**
 * Whether the application can be decided now: an open application can; a refused one can again only once
 * an appeal against its latest refusal has been upheld (the grant then comes through a new decision).
 */
export function decidability(
  application: ApplicationRow,
  decisions: { outcome: string; appeals: { outcome: string }[] }[],
): { decidable: boolean; reopenedByAppeal: boolean } {
  if (application.status === 'open') return { decidable: true, reopenedByAppeal: false };
  const latest = decisions[0];
  const reopened =
    application.status === 'refused' &&
    latest?.outcome === 'refuse' &&
    latest.appeals.some((a) => a.outcome === 'upheld');
  return { decidable: reopened, reopenedByAppeal: reopened };
}

/** One vetting application with its checks, adverse information, list matches, decisions and appeals; an audited read. */
export async function viewApplication(deps: Deps, principal: Principal | null, id: string, requestId: string | null) {
  authorizeVettingRead(principal, 'application');
  return deps.db.transaction(async (tx) => {
    const file = await loadApplicationFile(tx, principal, id);
    const { application } = file;
    await recordAudit(
      tx,
      actorOf(principal, requestId),
      { type: 'vetting_application', id: application.id, personId: application.personId },
      {
        type: 'vetting.file_viewed',
        file: 'application',
        id: application.id,
        personId: application.personId,
      },
    );
    return { ...file, canDecide: vettingFilePolicy.decide(principal) };
  });
}
