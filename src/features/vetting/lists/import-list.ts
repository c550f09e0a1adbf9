import { z } from 'zod';
import type { Deps } from '../../../kernel/deps.ts';
import { isUploadedFile } from '../../../kernel/http/uploads.ts';
import { ukToday } from '../../../kernel/time/dates.ts';
import { AppError, type FieldErrors } from '../../../kernel/errors.ts';
import { listKinds } from '../../../db/schema/index.ts';
import type { AuditActor } from '../../../kernel/audit/audit-events.ts';
import { recordAudit } from '../../../kernel/audit/record-audit.ts';
import { actorOf, authorize, type Principal } from '../../../kernel/access/principal.ts';
import { parseListCsv } from './list-csv.ts';
import {
  entriesBySourceKeys,
  insertEntries,
  markRemovedEntries,
  updateEntry,
  type ListEntryRow,
} from './list-entries.repository.ts';

export type ListKind = (typeof listKinds)[number];
export type ImportSummary = {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Entries of this list that the file no longer has: marked removed today, never deleted. */
  removed: number;
  /** Entries marked removed by an earlier file that this file has again. */
  restored: number;
};

const MAX_REPORTED = 100;

/** The source key of a national entry: the list and the list's own id, so a re-import finds the same row. */
export const nationalSourceKey = (list: ListKind, sourceId: string) => `national:${list}:${sourceId}`;

function sameEntry(
  row: ListEntryRow,
  next: Omit<ListEntryRow, 'id' | 'forceId' | 'importedAt' | 'listReturnId' | 'removedOn'>,
): boolean {
  return (
    row.givenName === next.givenName &&
    row.familyName === next.familyName &&
    row.dateOfBirth === next.dateOfBirth &&
    row.formerForce === next.formerForce &&
    row.rank === next.rank &&
    row.reason === next.reason &&
    row.listedOn === next.listedOn &&
    row.identifiers.join('\u0000') === next.identifiers.join('\u0000')
  );
}

/**
 * Imports a national barred or advisory list file (CSV, list-csv.ts) into a force's list entries, all or
 * nothing: any bad row is reported with its line number and nothing is written. Idempotent by source key:
 * a re-import of the same file changes nothing; a changed row is updated. An entry missing from a later file
 * was taken off the list: it is marked removed with the day, never deleted (matches refer to them), and no
 * longer matches or blocks a decision; one that comes back is restored. Used by the upload page, the API and `probity vetting import-list`.
 */
export async function importListText(
  deps: Deps,
  actor: AuditActor,
  input: { forceId: string; list: ListKind; text: string },
): Promise<ImportSummary> {
  const { entries, errors } = parseListCsv(input.text, ukToday(deps.now()));
  if (errors.length > 0) {
    const fields: FieldErrors = {
      file: `The file has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}: nothing was imported`,
    };
    for (const e of errors.slice(0, MAX_REPORTED)) fields[e.replace(/:.*$/, '').toLowerCase()] = e;
    if (errors.length > MAX_REPORTED) fields['more'] = `… and ${errors.length - MAX_REPORTED} more`;
    throw new AppError('validation', fields['file'] ?? 'The file has problems', fields);
  }
  return deps.db.transaction(async (tx) => {
    const keyed = entries.map((e) => ({
      sourceKey: nationalSourceKey(input.list, e.sourceId),
      values: {
        list: input.list,
        origin: 'national_import' as const,
        givenName: e.givenName,
        familyName: e.familyName,
        dateOfBirth: e.dateOfBirth,
        formerForce: e.formerForce,
        rank: e.rank,
        identifiers: e.identifiers,
        reason: e.reason,
        listedOn: e.listedOn,
      },
    }));
    const existing = new Map(
      (
        await entriesBySourceKeys(
          tx,
          input.forceId,
          keyed.map((k) => k.sourceKey),
        )
      ).map((r) => [r.sourceKey, r]),
    );
    const fresh = keyed.filter((k) => !existing.has(k.sourceKey));
    let updated = 0;
    for (const k of keyed) {
      const row = existing.get(k.sourceKey);
      if (!row || sameEntry(row, { ...k.values, sourceKey: k.sourceKey })) continue;
      await updateEntry(tx, input.forceId, row.id, k.values);
      updated++;
    }
    await insertEntries(
      tx,
      fresh.map((k) => ({ forceId: input.forceId, sourceKey: k.sourceKey, ...k.values })),
    );
    // A national file is the whole list: an entry it no longer has was taken off the list.
    const marks = await markRemovedEntries(
      tx,
      input.forceId,
      input.list,
      keyed.map((k) => k.sourceKey),
      ukToday(deps.now()),
    );
    const summary = {
      rows: entries.length,
      inserted: fresh.length,
      updated,
      unchanged: entries.length - fresh.length - updated,
      ...marks,
    };
    await recordAudit(
      tx,
      { ...actor, forceId: input.forceId },
      { type: 'list_entries', id: input.forceId },
      { type: 'vetting.list_imported', list: input.list, ...summary },
    );
    return summary;
  });
}

export const importListInput = z.object({ list: z.enum(listKinds, { message: 'Choose which list the file is' }) });

/** The upload page's and the API's import: a vetting officer of the force, a CSV file (or its text). */
export async function importNationalList(
  deps: Deps,
  principal: Principal | null,
  raw: { list: unknown; file?: unknown; csv?: unknown },
  requestId: string | null,
): Promise<ImportSummary> {
  authorize(principal, 'vetting.lists', 'page');
  const fields: FieldErrors = {};
  const list = importListInput.safeParse({ list: raw.list });
  if (!list.success) fields['list'] = 'Choose which list the file is';
  let text: string | null = typeof raw.csv === 'string' ? raw.csv : null;
  if (text === null) {
    if (!isUploadedFile(raw.file) || (raw.file.content.length === 0 && !raw.file.tooLarge))
      fields['file'] = 'Choose a CSV file to import';
    else if (raw.file.tooLarge)
      fields['file'] = `The file is too large: the limit is ${Math.round(deps.config.maxUploadBytes / 1024 / 1024)} MB`;
    else if (raw.file.content.subarray(0, 8192).includes(0)) fields['file'] = 'The file must be a CSV file (text)';
    else text = raw.file.content.toString('utf8');
  }
  if (!list.success || text === null || Object.keys(fields).length > 0)
    throw new AppError('validation', 'Check the import', fields);
  return importListText(deps, actorOf(principal, requestId), {
    forceId: principal.forceId,
    list: list.data.list,
    text,
  });
}
