import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { MappedRow } from './map-row.ts';
import type { RowStatus } from './load-batch.ts';
import { firstBy } from './first-by.ts';
import { findComplaintsByKey, insertComplainants, upsertComplaints } from './import-complaints.repository.ts';

type Status = RowStatus[];
type Counts = { complaints: number; complainants: number };

/**
 * Complaint rows of one batch: the first row with a key wins; a complaint imported before is a duplicate;
 * a reference that already belongs to another complaint rejects the row.
 */
export async function loadComplaints(
  tx: Db,
  forceId: string,
  mappingName: string,
  rows: MappedRow[],
  status: Status,
  reject: (i: number, reason: string) => void,
  created: Counts,
): Promise<void> {
  const live = firstBy(
    rows.map((r, i) => ({ r, i })).filter(({ r, i }) => r.complaint && status[i] !== 'rejected'),
    ({ r }) => r.complaint!.key,
  );
  if (live.length === 0) return;
  const result = await upsertComplaints(
    tx,
    forceId,
    live.map(({ r }) => {
      const c = r.complaint!;
      return {
        id: randomUUID(),
        key: c.key,
        reference: c.reference,
        receivedOn: c.receivedOn,
        channel: c.channel,
        summary: c.summary,
        status: c.status,
        caseKey: c.caseKey,
        closedOn: c.closedOn,
        details: { imported: { mapping: mappingName, source: c.source } },
      };
    }),
    mappingName,
  );
  for (const { r, i } of live) {
    const key = r.complaint!.key;
    if (!result.ids.has(key))
      reject(i, `the complaint reference "${r.complaint!.reference}" already belongs to another complaint`);
    else if (result.created.has(key)) status[i] = 'imported';
  }
  created.complaints += result.created.size;
}

/** Complainant rows: the complaint must have been imported (in this run or before); the first row of a key wins. */
export async function loadComplainants(
  tx: Db,
  forceId: string,
  rows: MappedRow[],
  status: Status,
  reject: (i: number, reason: string) => void,
  created: Counts,
): Promise<void> {
  const live = rows.map((r, i) => ({ r, i })).filter(({ r, i }) => r.complainant && status[i] !== 'rejected');
  if (live.length === 0) return;
  const complaints = await findComplaintsByKey(tx, forceId, [
    ...new Set(live.map(({ r }) => r.complainant!.complaintKey)),
  ]);
  const known = live.filter(({ r, i }) => {
    if (complaints.has(r.complainant!.complaintKey)) return true;
    reject(
      i,
      `no complaint with the key "${r.complainant!.complaintKey}": import the complaints file first, or check the key`,
    );
    return false;
  });
  const first = firstBy(known, ({ r }) => r.complainant!.key);
  const inserted = await insertComplainants(
    tx,
    forceId,
    first.map(({ r }) => ({ ...r.complainant!, complaintId: complaints.get(r.complainant!.complaintKey)! })),
  );
  for (const { r, i } of first) if (inserted.has(r.complainant!.key)) status[i] = 'imported';
  created.complainants += inserted.size;
}
