import type { Deps } from '../../../kernel/deps.ts';
import type { Db } from '../../../db/client.ts';
import type { AuditActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import type { ApplicationRow } from '../applications/applications.repository.ts';
import { entriesForMatching, insertMatches, syncOwnReturns } from './list-entries.repository.ts';
import { likelyMatches } from './list-matching.ts';

/** Kinds of application checked against the barred and advisory lists when they are created. */
export const MATCHED_ON_CREATE: ReadonlySet<ApplicationRow['kind']> = new Set(['recruitment', 'transfer_in']);

/**
 * Checks an application against the list entries inside the caller's transaction: first the force's own
 * returns are brought into the entries, then every entry is scored (list-matching.ts) and each one at or
 * above `integrity.listMatchThreshold` becomes a PENDING match for a person to decide. A pair found before
 * keeps its decision. Nothing is rejected or cleared here.
 */
export async function matchApplication(
  tx: Db,
  deps: Deps,
  actor: AuditActor,
  application: ApplicationRow,
): Promise<{ entriesChecked: number; matchesFound: number }> {
  const added = await syncOwnReturns(tx, application.forceId);
  if (added > 0)
    await recordAudit(
      tx,
      actor,
      { type: 'list_entries', id: application.forceId },
      { type: 'vetting.own_returns_synced', added },
    );
  const entries = await entriesForMatching(tx, application.forceId);
  const found = likelyMatches(
    {
      givenName: application.givenName,
      familyName: application.familyName,
      formerNames: application.formerNames,
      dateOfBirth: application.dateOfBirth,
      formerNumbers: application.formerNumbers,
    },
    entries,
    deps.config.rules.integrity.listMatchThreshold,
  );
  const inserted = await insertMatches(
    tx,
    found.map((m) => ({
      forceId: application.forceId,
      applicationId: application.id,
      entryId: m.entry.id,
      score: m.score,
      reasons: m.reasons,
    })),
  );
  await recordAudit(
    tx,
    actor,
    { type: 'vetting_application', id: application.id, personId: application.personId },
    {
      type: 'vetting.lists_checked',
      applicationId: application.id,
      entriesChecked: entries.length,
      matchesFound: inserted.length,
    },
  );
  return { entriesChecked: entries.length, matchesFound: inserted.length };
}
